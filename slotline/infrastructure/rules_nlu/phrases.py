"""Fixed multi-word phrases found in a word list by dictionary lookup, longest first."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

from slotline.infrastructure.rules_nlu.words import Found

__all__ = ["PhraseTable"]

K = TypeVar("K")


class PhraseTable(Generic[K]):
    """Phrases ("as soon as possible", "no problem") tagged with a kind, indexed by their first word."""

    def __init__(self, tagged: Iterable[tuple[K, str]]) -> None:
        by_first: dict[str, list[tuple[tuple[str, ...], K]]] = {}
        for kind, phrase in tagged:
            words = tuple(phrase.split())
            by_first.setdefault(words[0], []).append((words, kind))
        self._by_first = {w: sorted(p, key=lambda e: len(e[0]), reverse=True) for w, p in by_first.items()}

    def match_at(self, words: Sequence[str], i: int) -> Found[K] | None:
        """The longest phrase starting at word `i`, if any."""
        if not 0 <= i < len(words):
            return None
        for phrase, kind in self._by_first.get(words[i], ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                return Found(kind, i, i + len(phrase))
        return None

    def scan(self, words: Sequence[str]) -> list[Found[K]]:
        """Every phrase, left to right, without overlaps; at each word the longest phrase wins."""
        out: list[Found[K]] = []
        i = 0
        while i < len(words):
            found = self.match_at(words, i)
            if found is None:
                i += 1
            else:
                out.append(found)
                i = found.end
        return out
