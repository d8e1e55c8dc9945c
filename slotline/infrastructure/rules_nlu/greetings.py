"""Greetings said to be friendly, never a day or a time to book: holiday greetings ("happy new year!", "merry
Christmas") and the time of day said as hello ("Evening! Can I get a wash tomorrow first thing?")."""

from __future__ import annotations

import re

from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.words import BLANK, Found, claim, word_at, wordset

__all__ = ["not_greetings", "unsaluted"]

# "Evening!", "Morning, ...", "Good afternoon.", "Evening boss", "Good night, sorry to call so late" (Caribbean hello
# after dark): the time of day as hello, before the request. "Morning
# works" or "morning please" (an answer to "when?") are not greetings: a greeting is followed by a stop or an address.
_SALUTATION = re.compile(
    r"^\s*(?:(?:good\s+)?(?:morning|mornin'?|mawnin'?|afternoon|evening|day)|good\s+night)"
    r"\s*(?:[!,.;:]+|\s+(?:boss|all|there|sir|"
    r"madam|ma'?am|miss|mate|guys|folks|love|bredda|sis)\b[!,.;:]*)",
    re.IGNORECASE,
)


def unsaluted(utterance: str) -> str:
    """`utterance` without the time of day said first as a greeting, if there is more after it."""
    greeting = _SALUTATION.match(utterance)
    rest = utterance[greeting.end() :] if greeting else utterance
    return rest if rest.strip() else utterance


_GREETINGS = wordset("happy merry")
_GREETING_LEADS = wordset("early belated and a")


def not_greetings(free: list[str], holidays: list[Found[DayReading]]) -> list[Found[DayReading]]:
    """The holidays said that are no greeting; a greeting's words are claimed from `free` (they were understood)."""
    for i in range(len(free) - 2):
        if tuple(free[i : i + 3]) == ("happy", "new", "year"):  # said in January too, when no holiday is near
            claim(free, Found(None, i, i + 3))
    kept = []
    for f in holidays:
        if BLANK in free[f.start : f.end]:
            continue
        k = f.start - 1
        while word_at(free, k) in _GREETING_LEADS and k > f.start - 3:
            k -= 1
        if word_at(free, k) in _GREETINGS:
            claim(free, Found(None, k, f.end))
        else:
            kept.append(f)
    return kept
