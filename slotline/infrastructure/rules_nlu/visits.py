"""What kind of visit a caller describes when they name no service (issue 13): a child brought in ("can I book my
daughter in", "bring my little boy in to see the dentist"), a first visit ("first time", "I'm a new patient") or a
return ("another session with Aisha, she's already assessed it").

Each kind is matched against the catalogue's own service names and aliases: the one service whose names carry the
kind's marker words (children's / kids; initial / first / new; follow-up / review). Several such services are
choices to ask about; none leaves the turn as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum

from slotline.domain.catalogue import Service
from slotline.domain.ids import ServiceId
from slotline.infrastructure.rules_nlu.words import normalise

__all__ = ["Visit", "VisitKinds", "visit_said"]


class Visit(Enum):
    CHILD = "child"
    FIRST = "first"
    RETURN = "return"


_CHILD = r"(?:son|daughter|sons|daughters|boy|girl|boys|girls|kid|kids|child|children|baby|toddler|little one|lad|lass)"
_MY_CHILD = (
    rf"(?:my|our) (?:(?:little|young|youngest|eldest|oldest|older|younger|two|twin) )*{_CHILD}\b"
    r"|(?:my|our) little (?:guy|man|fella|fellow|one|monkey|munchkin)\b"
)
_SAID = {
    Visit.CHILD: re.compile(
        rf"\b(?:book|booking|bring|bringing|get|getting|take|taking|for|see) (?:\w+ )?(?:{_MY_CHILD})"
        rf"|\b(?:{_MY_CHILD}) (?:needs|need|wants|want|has to|have to|should|is due|are due)\b"
    ),
    Visit.FIRST: re.compile(
        r"\b(?:first time|first visit|my first appointment|new patient|new client|new customer"
        r"|never been (?:there|here|to you|before|in)|not been (?:there|here|to you|before) before"
        r"|haven't been (?:there|here|to you|before|in)|have not been (?:there|here|before))\b"
    ),
    Visit.RETURN: re.compile(
        r"\b(?:another (?:session|appointment|treatment|visit)|already (?:been )?(?:assessed|seen|examined)"
        r"|existing patient|next session|continue (?:my|the) treatment)\b"
    ),
}
# The words in a service's names that say it is for that kind of visit.
_MARKS = {
    Visit.CHILD: frozenset(("kids", "kid", "child", "children", "childrens", "childs", "pediatric", "paediatric")),
    Visit.FIRST: frozenset(("initial", "first", "new", "introductory", "intro")),
    Visit.RETURN: frozenset(("follow", "followup", "review", "return", "returning", "subsequent", "continuing")),
}


# A first visit or a return is the kind of booking asked for only in a request ("I'm a new patient, can I book
# ..."), not in an aside to a question already answered ("it's my first time, so Tuesday").
_REQUEST = re.compile(r"\b(?:book|booking|appointment|session|see|bring|come in|like|want|need|after|get)\b")


def visit_said(words: Sequence[str]) -> Visit | None:
    """The kind of visit the caller's words describe, if one; a child first ("my son's first visit" is a child)."""
    sentence = " ".join(w for w in words if w)
    for kind in Visit:
        if _SAID[kind].search(sentence) and (kind is Visit.CHILD or _REQUEST.search(sentence)):
            return kind
    return None


class VisitKinds:
    """The catalogue's services for each kind of visit."""

    def __init__(self, services: Sequence[Service]) -> None:
        self._for: dict[Visit, tuple[ServiceId, ...]] = {}
        for kind, marks in _MARKS.items():
            self._for[kind] = tuple(s.id for s in services if marks & _name_words(s))

    def services(self, kind: Visit) -> tuple[ServiceId, ...]:
        return self._for[kind]


def _name_words(service: Service) -> frozenset[str]:
    return frozenset(w for name in service.spoken_names for w in normalise(name.replace("-", " ")))
