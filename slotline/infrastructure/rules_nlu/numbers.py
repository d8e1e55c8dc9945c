"""Numbers said as words ("twenty three", "twenty third") or typed as digits ("23", "23rd")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from slotline.infrastructure.rules_nlu.words import Found, normalise, word_at

__all__ = ["UNITS", "cardinal_at", "ordinal_at", "parse_cardinal", "parse_ordinal"]

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINAL_UNITS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
_ORDINAL_TENS = {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
}
_DIGIT_ORDINAL = re.compile(r"(\d{1,3})(?:st|nd|rd|th)")


def cardinal_at(words: Sequence[str], i: int) -> Found[int] | None:
    """A whole number starting at word `i`: "7", "seven", "twenty", "twenty three"."""
    word = word_at(words, i)
    if word.isdigit():
        return Found(int(word), i, i + 1)
    if word in TENS:
        unit = UNITS.get(word_at(words, i + 1), 0)
        if 1 <= unit <= 9:
            return Found(TENS[word] + unit, i, i + 2)
        return Found(TENS[word], i, i + 1)
    if word in UNITS:
        return Found(UNITS[word], i, i + 1)
    return None


def ordinal_at(words: Sequence[str], i: int) -> Found[int] | None:
    """An ordinal number starting at word `i`: "3rd", "third", "twentieth", "twenty third"."""
    word = word_at(words, i)
    digits = _DIGIT_ORDINAL.fullmatch(word)
    if digits:
        return Found(int(digits.group(1)), i, i + 1)
    if word in _ORDINAL_UNITS:
        return Found(_ORDINAL_UNITS[word], i, i + 1)
    if word in _ORDINAL_TENS:
        return Found(_ORDINAL_TENS[word], i, i + 1)
    unit = _ORDINAL_UNITS.get(word_at(words, i + 1), 0)
    if word in TENS and 1 <= unit <= 9:
        return Found(TENS[word] + unit, i, i + 2)
    return None


def parse_cardinal(text: str) -> int | None:
    """The number a whole phrase says ("twenty three" -> 23), or None if the phrase is not just a number."""
    words = normalise(text)
    found = cardinal_at(words, 0)
    return found.value if found is not None and found.end == len(words) else None


def parse_ordinal(text: str) -> int | None:
    """The ordinal a whole phrase says ("twenty third" -> 23, "1st" -> 1), or None."""
    words = normalise(text)
    found = ordinal_at(words, 0)
    return found.value if found is not None and found.end == len(words) else None
