"""Typing slips in the words that decide a day ("tommorow", "wensday", "febuary"): a typed turn is read as meant.

Only a word that is no word the interpreter knows is corrected, only towards a day word, and only when one day word
is clearly the closest: a slip that could be two days ("thusday": Thursday or Tuesday?) is left alone, so the turn
is not read as either.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from slotline.infrastructure.rules_nlu.vocabulary import MONTHS, WEEKDAYS

__all__ = ["respelled"]

_DAY_WORDS = tuple(
    w
    for w in (*WEEKDAYS, *MONTHS, "today", "tomorrow", "tonight", "fortnight", "morning", "afternoon", "evening")
    if len(w) >= 5
)
_KNOWN = frozenset((*WEEKDAYS, *(f"{d}s" for d in WEEKDAYS), *MONTHS, "today", "tomorrow", "tonight", "todays"))
_SHORTHAND = {"tmrw": "tomorrow", "tmr": "tomorrow", "tmw": "tomorrow", "2moro": "tomorrow", "2morrow": "tomorrow"}
_CLOSE = 0.8  # how alike a slip and the day word must be
_CLEARLY = 0.1  # how much closer than the next day word ("thusday" is Thursday or Tuesday)


@lru_cache(maxsize=8192)
def _respell(word: str) -> str:
    if word in _SHORTHAND:
        return _SHORTHAND[word]
    if word.endswith("dy") and f"{word[:-2]}day" in WEEKDAYS:
        return f"{word[:-2]}day"  # Australian "Thursdy", "Fridy", "Mondy": the weekday as it is said
    if len(word) < 6 or word in _KNOWN or word.removesuffix("s") in _KNOWN or not word.isalpha():
        return word
    near = [w for w in _DAY_WORDS if abs(len(w) - len(word)) <= 2 and w[0] == word[0]]  # a slip keeps the rest
    scored = sorted(((SequenceMatcher(None, word, w).ratio(), w) for w in near), reverse=True) + [(0.0, "")] * 2
    (best, meant), (second, _) = scored[0], scored[1]
    return meant if best >= _CLOSE and best - second >= _CLEARLY else word


def respelled(words: list[str], known: frozenset[str]) -> list[str]:
    """`words` with typing slips in day words corrected; words in `known` (the interpreter's own) stay."""
    return [w if w in known else _respell(w) for w in words]
