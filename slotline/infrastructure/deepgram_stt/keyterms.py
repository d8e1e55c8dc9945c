"""What the agent's question expects, as the phrases Deepgram is asked to listen for (its `keyterm` prompting)."""

from __future__ import annotations

from collections.abc import Iterable

from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.expectation import Expectation, Expecting

__all__ = ["catalogue_terms", "keyterms"]

_YES_NO = ("yes", "no")
_ORDINALS = ("the first one", "the second one", "the third one", "the fourth one", "the fifth one")


def catalogue_terms(catalogue: Catalogue) -> tuple[str, ...]:
    """Words of this business a general model may not know: its services (every name) and its staff."""
    names = [name for service in catalogue.services for name in (service.name, *service.aliases)]
    names += [member.name for member in catalogue.staff]
    return _unique(name.lower() for name in names)


def keyterms(expecting: Expectation | None, base: Iterable[str], limit: int) -> tuple[str, ...]:
    """The expected answers first, then the business's own words, at most `limit` phrases, lower case, no repeats."""
    return _unique([*_expected(expecting), *base])[:limit]


def _expected(expecting: Expectation | None) -> list[str]:
    if expecting is None:
        return []
    staff = [offer.staff.lower() for offer in expecting.offers]
    if expecting.kind is Expecting.YES_NO:
        return [*_YES_NO, *staff]
    if expecting.kind is Expecting.CHOICE:
        return [*_ORDINALS[: len(expecting.offers)], *staff]
    if expecting.kind is Expecting.SERVICE:
        return [name for names in expecting.services for name in names]
    return []


def _unique(terms: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in terms if t.strip()))
