"""A written transcript (Whisper's "Next Tuesday at 1:30 PM.") as the words a caller said ("next tuesday at one thirty
p m"): what the SpeechToText port returns, whatever the recogniser writes.

Lower case, no punctuation (apostrophes inside words kept: "i'd"), numbers as words: times ("1:30" one thirty, "9:05"
nine oh five, "10:00" ten), ordinals ("23rd" twenty third), years ("2026" twenty twenty six), and runs of three or
more digits digit by digit, as phone numbers are read ("555-0123" five five five zero one two three).
"""

from __future__ import annotations

import re

__all__ = ["spoken_words"]

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
_ONES += "seventeen eighteen nineteen"
_UNITS = _ONES.split()
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_ENDS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
_CLOCK = re.compile(r"\b(\d{1,2})[:.](\d{2})\b")
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_MERIDIEM = re.compile(r"\b(\d{1,2}(?::\d{2})?)\s*([ap])\.?\s?m\b\.?")
_NUMBER = re.compile(r"\d+")
_NOT_WORD = re.compile(r"[^a-z0-9' ]+")


def _under_hundred(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (f" {_UNITS[ones]}" if ones else "")


def _ordinal(n: int) -> str:
    words = _under_hundred(n).split()
    last = words[-1]
    if last in _ORDINAL_ENDS:
        words[-1] = _ORDINAL_ENDS[last]
    else:
        words[-1] = last[:-1] + "ieth" if last.endswith("y") else last + "th"
    return " ".join(words)


def _clock(match: re.Match[str]) -> str:
    hour, minute = int(match.group(1)), int(match.group(2))
    if minute == 0:
        return _under_hundred(hour)
    return f"{_under_hundred(hour)} {'oh ' if minute < 10 else ''}{_under_hundred(minute)}"


def _number(match: re.Match[str]) -> str:
    digits = match.group(0)
    if len(digits) <= 2:
        return _under_hundred(int(digits))
    if len(digits) == 4 and digits[:2] in ("19", "20") and digits[2:] != "00":
        return f"{_under_hundred(int(digits[:2]))} {_under_hundred(int(digits[2:]))}"
    return " ".join(_UNITS[int(d)] for d in digits)


def spoken_words(text: str) -> str:
    """`text` as lower-case spoken words separated by single spaces ("" for no words)."""
    text = text.lower()
    text = _MERIDIEM.sub(lambda m: f"{m.group(1)} {m.group(2)} m ", text)
    text = _CLOCK.sub(_clock, text)
    text = _ORDINAL.sub(lambda m: _ordinal(int(m.group(1))), text)
    text = _NUMBER.sub(lambda m: f" {_number(m)} ", text)
    text = _NOT_WORD.sub(" ", text.replace("\u2019", "'"))
    words = (word.strip("'") for word in text.split())
    return " ".join(word for word in words if word)
