"""The twelve hours of a twelve-hour clock as a caller says them, in words and in digits: shared by the readers of
what was said and the recognisers' grammars."""

from __future__ import annotations

__all__ = ["HOUR_DIGITS", "HOUR_WORDS"]

HOUR_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
HOUR_DIGITS = tuple(str(h) for h in range(1, 13))
