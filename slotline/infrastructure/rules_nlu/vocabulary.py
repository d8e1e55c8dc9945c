"""Weekday and month names as callers say or type them, and the words of a journey."""

from __future__ import annotations

from collections.abc import Sequence

from slotline.infrastructure.rules_nlu.words import word_at, wordset

__all__ = ["ABBREVIATION_LEADS", "AMBIGUOUS_WEEKDAYS", "MONTHS", "MOVES", "TRAVELLING", "WEEKDAYS", "weekday_named"]

WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "weds": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
# Abbreviations that are also words ("we'd", "i sat", "the sun") count only right after "on", "this" or "next".
AMBIGUOUS_WEEKDAYS = frozenset({"wed", "sat", "sun", "mon"})
ABBREVIATION_LEADS = frozenset({"on", "this", "next", "coming", "following", "last", "past", "previous"})
# "we're flying out Friday", "I'm travelling to Spain in July": someone on a journey, whose day is not the visit's
TRAVELLING = wordset("travelling traveling flying moving driving heading")
# "move Friday's follow-up to Monday", "push the Thursday one back": what is done to an appointment moved
MOVES = wordset("move shift change push bring switch swap bump reschedule postpone prepone")
MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}


def weekday_named(words: Sequence[str], i: int) -> int | None:
    """The weekday (0 = Monday) word `i` names; an abbreviation that is also a word ("sat") only after a lead."""
    name = word_at(words, i)
    if name not in WEEKDAYS or (name in AMBIGUOUS_WEEKDAYS and word_at(words, i - 1) not in ABBREVIATION_LEADS):
        return None
    return WEEKDAYS[name]
