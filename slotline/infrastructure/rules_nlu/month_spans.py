"""Parts of a month said as a range of days: "sometime in March", "early January", "the second week of December",
"the end of the month", "next month".

A month is the next one with that name (this one while it lasts, from today); a span already under way starts
today. The agent then offers inside the span, or says it is past the booking horizon.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date

from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.numbers import cardinal_at, ordinal_at
from slotline.infrastructure.rules_nlu.phrases import PhraseTable
from slotline.infrastructure.rules_nlu.vocabulary import MONTHS
from slotline.infrastructure.rules_nlu.words import Found, word_at

__all__ = ["month_span_at"]

_WHOLE = (1, 31)
_PARTS = PhraseTable(
    [
        *((_WHOLE, p) for p in ("in", "during", "sometime in", "some time in", "for", "in the month of")),
        *(((1, 10), p) for p in ("early", "early in", "beginning of", "the beginning of", "start of", "the start of")),
        *(((11, 20), p) for p in ("mid", "middle of", "the middle of", "halfway through")),
        *(((21, 31), p) for p in ("late", "late in", "end of", "the end of", "towards the end of")),
    ]
)
_WEEK_OF = {1: (1, 7), 2: (8, 14), 3: (15, 21), 4: (22, 28)}
_RELATIVE = {"this": 0, "next": 1}


def _month(today: date, words: Sequence[str], i: int) -> tuple[int, int, int] | None:
    """(year, month, end) of the month named at word `i`: "march", "next month", "the month", "this month"."""
    word = word_at(words, i)
    if word in MONTHS and (len(word) > 3 or word == "may"):  # a month's name or short name, after a lead
        month = MONTHS[word]
        year = today.year + (month < today.month)
        return year, month, i + 1
    if word == "the" and word_at(words, i + 1) == "month":
        return today.year, today.month, i + 2
    if word in _RELATIVE and word_at(words, i + 1) == "month":
        month = today.month + _RELATIVE[word]
        return today.year + (month > 12), (month - 1) % 12 + 1, i + 2
    return None


def _span(today: date, year: int, month: int, first: int, last: int) -> DayReading:
    days_in = calendar.monthrange(year, month)[1]
    start, end = date(year, month, min(first, days_in)), date(year, month, min(last, days_in))
    if last == 31:
        end = date(year, month, days_in)
    if end < today:
        return DayReading(None)
    first_day = max(start, today)
    return DayReading(first_day, last=end if end > first_day else None)  # its last day alone is one day


def month_span_at(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    """A part of a month said from word `i`, or None."""
    if (word_at(words, i), word_at(words, i + 1)) == ("month", "end"):  # "month-end" (Southern African English)
        return Found(_span(today, today.year, today.month, 21, 31), i, i + 2)
    if word_at(words, i) == "the" and word_at(words, i + 2) == "week" and word_at(words, i + 3) == "of":
        which = ordinal_at(words, i + 1)
        last_week = word_at(words, i + 1) == "last"
        named = _month(today, words, i + 4)
        if named is not None and (last_week or (which is not None and which.value in _WEEK_OF)):
            year, month, end = named
            first, last = (22, 31) if last_week else _WEEK_OF[which.value if which else 4]
            if last_week:
                days_in = calendar.monthrange(year, month)[1]
                first = days_in - 6
            return Found(_span(today, year, month, first, last), i, end)
        return None
    lead = _PARTS.match_at(words, i)
    if lead is None:
        named = _month(today, words, i) if word_at(words, i) in _RELATIVE else None
        if named is None:
            return None  # a bare "march" is left to the date readers (or asked about)
        year, month, end = named
        return Found(_span(today, year, month, *_WHOLE), i, end)
    named = _month(today, words, lead.end)
    if named is None or _a_day_of_the_month(words, named[2]):
        return None  # "for may 28th" is a date, read by the date readers
    year, month, end = named
    return Found(_span(today, year, month, *lead.value), i, end)


def _a_day_of_the_month(words: Sequence[str], i: int) -> bool:
    """ "28th", "the 3rd", "28": a day of the month said right after the month's name."""
    i += word_at(words, i) == "the"
    day = ordinal_at(words, i) or cardinal_at(words, i)
    return day is not None and 1 <= day.value <= 31
