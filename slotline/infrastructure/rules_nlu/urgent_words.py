"""The business's urgent-care phrases, heard in their inflections and in any order ("the pain is unbearable")."""

from __future__ import annotations

from collections.abc import Sequence

from slotline.infrastructure.rules_nlu.inflections import root, roots
from slotline.infrastructure.rules_nlu.words import normalise, wordset

__all__ = ["UrgentWords"]

_SLACK = 5  # other words allowed among a phrase's words: "cracked a tooth", "ate a whole bar of dark chocolate"
_NEGATIONS = wordset("no not isnt arent wasnt dont doesnt never without nothing")
# Whose it is does not change how urgent it is: "bleach in my eye" is also "bleach in his eye".
_POSSESSIVES = wordset("my his her their our your its")


def _whose(word: str) -> str:
    return "my" if word in _POSSESSIVES else word


class UrgentWords:
    """Phrases that mean a caller needs urgent care; a phrase counts unless negated just before ("no swelling")."""

    def __init__(self, phrases: Sequence[str]) -> None:
        self._phrases = [tuple(_whose(root(w)) for w in normalise(p)) for p in phrases]
        self._phrases = [p for p in self._phrases if p]
        self._words = frozenset(w for p in self._phrases for w in p)

    def heard(self, words: Sequence[str]) -> bool:
        said = [_whose(self._unjoined(w, r)) for w, r in zip(words, roots(words), strict=True)]
        return any(self._said(phrase, said) for phrase in self._phrases)

    def _unjoined(self, word: str, its_root: str) -> str:
        """ "the swelling's spreading": "swellings" is "swelling" with "is" joined on, when only that is a phrase's."""
        if its_root in self._words or not word.endswith("s"):
            return its_root
        bare = root(word[:-1])
        return bare if bare in self._words else its_root

    @staticmethod
    def _said(phrase: tuple[str, ...], said: list[str]) -> bool:
        width = len(phrase) + _SLACK if len(phrase) > 1 else 1
        for i, word in enumerate(said):
            if word not in phrase:
                continue
            window = said[i : i + width]
            if all(p in window for p in phrase) and not _NEGATIONS & set(said[max(0, i - 2) : i]):
                return True
        return False
