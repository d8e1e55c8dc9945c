"""A weekday said "this or next": "this or next Friday". Said on a Wednesday, "this Friday" is in two days and "next
Friday" in nine: two days, so which one is asked. Said of Tuesday on a Wednesday, both name the coming Tuesday.

A recogniser on a phone line says it this way when it cannot tell "this" from "next" (issue 14: their difference
lies above the 4 kHz of an 8 kHz line, and every hypothesis of the decode agrees on the wrong one)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from slotline.infrastructure.common.calendar_rules import WeekdayMode, resolve_weekday
from slotline.infrastructure.rules_nlu.vocabulary import WEEKDAYS

__all__ = ["this_or_next_days"]


def this_or_next_days(words: Sequence[str], today: date) -> tuple[date, ...]:
    """The two days "this or next <weekday>" names, when they differ; else none."""
    for i in range(len(words) - 3):
        weekday = WEEKDAYS.get(words[i + 3])
        if weekday is None or tuple(words[i : i + 3]) not in (("this", "or", "next"), ("next", "or", "this")):
            continue
        this = resolve_weekday(today, weekday, WeekdayMode.THIS)
        following = resolve_weekday(today, weekday, WeekdayMode.NEXT)
        if this != following:
            return (this, following)
    return ()
