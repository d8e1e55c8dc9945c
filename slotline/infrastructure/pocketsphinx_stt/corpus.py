"""The training sentences of the domain language model: phrase templates filled with this business's names."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Mapping, Sequence

from slotline.domain.catalogue import Catalogue
from slotline.infrastructure.pocketsphinx_stt.phrases import GRAMMAR, TOP

__all__ = ["alone_slots", "catalogue_slots", "domain_grammar", "sentences", "spoken"]

_SLOT = re.compile(r"\{(\w+)\}")
_NOT_SPOKEN = re.compile(r"[^a-z' ]+")


def spoken(name: str) -> str:
    """A catalogue name as the recogniser writes it: lower case words ("Hair-colouring" -> "hair colouring")."""
    plain = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()  # "zoë" -> "zoe"
    return " ".join(_NOT_SPOKEN.sub(" ", plain.replace("-", " ")).split())


def _article(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def catalogue_slots(catalogue: Catalogue) -> dict[str, list[str]]:
    """The business's own words: services with their aliases, staff by full, first and last name."""
    services = sorted({spoken(n) for s in catalogue.services for n in s.spoken_names} - {""})
    full = sorted({spoken(m.name) for m in catalogue.staff} - {""})
    first = sorted({n.split()[0] for n in full})
    last = sorted({n.split()[-1] for n in full if len(n.split()) > 1})
    return {
        "service": services,
        "a_service": [_article(s) for s in services] + [f"the {s}" for s in services] + services,
        "staff": full + first + last,
        "staff_first": first,
    }


class _Decks:
    """Draws alternatives like cards from a shuffled deck, so every alternative is used before any repeats."""

    def __init__(self, grammar: Mapping[str, Sequence[str]], rng: random.Random) -> None:
        self._grammar = grammar
        self._rng = rng
        self._decks: dict[str, list[str]] = {}

    def draw(self, slot: str) -> str:
        deck = self._decks.get(slot)
        if not deck:
            deck = list(self._grammar[slot])
            self._rng.shuffle(deck)
            self._decks[slot] = deck
        return deck.pop()

    def expand(self, template: str) -> str:
        text = _SLOT.sub(lambda m: self.expand(self.draw(m.group(1))), template)
        return " ".join(text.split())


def domain_grammar(catalogue: Catalogue) -> dict[str, Sequence[str]]:
    """The phrase templates with this business's services and staff filled in."""
    return {**GRAMMAR, **catalogue_slots(catalogue)}


def alone_slots(grammar: Mapping[str, Sequence[str]]) -> list[str]:
    """Slots whose every alternative is also a training sentence on its own (answers are often fragments)."""
    return [slot for slot in grammar if slot not in TOP and slot not in ("lead", "please")]


def sentences(grammar: Mapping[str, Sequence[str]], seed: int = 5) -> list[str]:
    """The same grammar and seed always give the same sentences, in the same order."""
    decks = _Decks(grammar, random.Random(seed))
    out: list[str] = []
    for kind, count in TOP.items():
        out += (decks.expand(decks.draw(kind)) for _ in range(count))
    # Every alternative of every slot once on its own, so no word depends on the luck of the draw.
    for slot in alone_slots(grammar):
        out += (decks.expand(a) for a in grammar[slot])
    return [s for s in out if s]
