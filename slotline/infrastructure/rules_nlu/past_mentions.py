"""What the caller had before or is doing, said as background: "I had my hearing aids fitted in March and they need
a tweak", "we were away in June", "I'm running a half marathon in April". Neither the service had nor the month is
the booking's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.vocabulary import MONTHS
from slotline.infrastructure.rules_nlu.words import BLANK, Found, word_at, wordset

__all__ = ["had_before", "months_past"]

_OWNERS = wordset("my the our his her their")
_PAST = wordset("had was were did got")
_CLAUSE_BREAKS = wordset("and but so because then")
_PAST_REACH = 6
_DOING = wordset("im were shes hes theyre am are is")  # "I'm running", "we're getting married"
_WISHING = wordset("hoping looking wanting thinking trying wondering going planning aiming needing")


def had_before(words: Sequence[str], start: int) -> bool:
    """ "had my" just before the thing named at `start`: something the caller had."""
    return word_at(words, start - 1) in _OWNERS and word_at(words, start - 2) == "had"


def months_past(words: Sequence[str], days: list[Found[DayReading]]) -> list[Found[DayReading]]:
    """`days`, with a month said in a clause about the past ("had ... fitted in March") no longer counted."""
    kept = []
    for f in days:
        month = word_at(words, f.start + (word_at(words, f.start) == "in"))
        if f.value.counts and month in MONTHS and _said_of_the_past(words, f.start):
            f = Found(replace(f.value, counts=False), f.start, f.end)
        kept.append(f)
    return kept


def _said_of_the_past(words: Sequence[str], start: int) -> bool:
    """A past tense, or something the caller is doing ("I'm running a half marathon in April"), earlier in the
    clause: the month is when that happens."""
    for k in range(start - 1, max(start - 1 - _PAST_REACH, -1), -1):
        word = words[k]
        if word in _CLAUSE_BREAKS or word == BLANK:
            return False
        if word in _PAST:
            return not word_at(words, k + 1).endswith("ing")  # "I was hoping for July" is a wish
        if word.endswith("ing") and word_at(words, k - 1) in _DOING and word not in _WISHING:
            return True
    return False
