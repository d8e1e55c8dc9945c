"""Phone numbers said digit by digit ("two one two, five five five, oh one two three", "double five") or typed."""

from __future__ import annotations

import re
from collections.abc import Sequence

import phonenumbers

from slotline.domain.phone import PhoneNumber
from slotline.domain.understanding import HeardNumber
from slotline.infrastructure.rules_nlu.numbers import TENS, UNITS
from slotline.infrastructure.rules_nlu.words import Found, word_at

__all__ = ["MIN_DIGITS", "find_phone"]

# Fewer digits in a row are never a phone number ("at two", "the second one", "2026"); no region's numbers are shorter.
MIN_DIGITS = 7
_ZERO = frozenset({"oh", "o"})
_REPEATS = {"double": 2, "triple": 3}
_GROUP = re.compile(r"\+?\d+")
_EXTENSION = frozenset({"extension", "ext", "x"})  # typed ";ext=4" and "x4" reach here as "ext 4" and "x 4"


def _digit(word: str) -> str | None:
    if word in _ZERO:
        return "0"
    value = UNITS.get(word)
    return str(value) if value is not None and value < 10 else None


def _digits_at(words: Sequence[str], i: int, started: bool) -> tuple[str, int] | None:
    """The digits said at word `i` and where they end; teens and tens ("five five five, twelve thirty four") only
    inside a run, so that "twelve thirty" alone stays a time."""
    word = word_at(words, i)
    if word.isdigit():
        return word, i + 1
    digit = _digit(word)
    if digit is not None:
        return digit, i + 1
    if word in _REPEATS and (repeated := _digit(word_at(words, i + 1))) is not None:
        return repeated * _REPEATS[word], i + 2
    if not started:
        return None
    if word in UNITS:
        return str(UNITS[word]), i + 1
    if word in TENS:
        unit = UNITS.get(word_at(words, i + 1), 0)
        if 1 <= unit <= 9:
            return str(TENS[word] + unit), i + 2
        return str(TENS[word]), i + 1
    return None


def _run_at(words: Sequence[str], i: int) -> tuple[str, int]:
    """The digits said from word `i` on (with a leading '+' for "plus"), and the index after them."""
    plus = word_at(words, i) == "plus"
    j = i + 1 if plus else i
    digits = ""
    while (found := _digits_at(words, j, bool(digits))) is not None:
        digits += found[0]
        j = found[1]
    return ("+" if plus and digits else "") + digits, j


def _heard(digits: str, region: str) -> HeardNumber:
    """Validated with phonenumbers, like every number at the edges; read back the way it is written at home
    ('212', '555', '0123') or abroad ('+44', '20', '7946', '0958')."""
    try:
        parsed = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return HeardNumber(None)
    if not phonenumbers.is_valid_number(parsed):
        return HeardNumber(None)
    at_home = phonenumbers.region_code_for_number(parsed) == region
    style = phonenumbers.PhoneNumberFormat.NATIONAL if at_home else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    number = PhoneNumber(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
    return HeardNumber(number, tuple(_GROUP.findall(phonenumbers.format_number(parsed, style))))


def find_phone(words: Sequence[str], region: str) -> Found[HeardNumber] | None:
    """The first run of at least MIN_DIGITS digits, as a valid number in `region` or as an invalid attempt (one with
    an extension among them: a text cannot go to an extension)."""
    i = 0
    while i < len(words):
        digits, end = _run_at(words, i)
        if len(digits.lstrip("+")) >= MIN_DIGITS:
            if word_at(words, end) in _EXTENSION and (extension := _run_at(words, end + 1))[0]:
                return Found(HeardNumber(None, extension=extension[0]), i, extension[1])
            heard = _heard(digits, region)
            if heard.number is None and words[i] in _ZERO:  # "oh, two one two ..." starts with a sound, not a zero
                rest = _heard(digits[1:], region)
                if rest.number is not None:
                    return Found(rest, i + 1, end)
            return Found(heard, i, end)
        i = max(end, i + 1)
    return None
