"""How a spoken hour becomes a time of day, and which day "today" is, in the business time zone. Pure arithmetic.

Shared by every interpreter, so that "at two" or "tomorrow" means the same whoever read the words.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Literal
from zoneinfo import ZoneInfo

from slotline.domain.catalogue import Catalogue
from slotline.domain.preference import PartOfDay

__all__ = ["Meridiem", "OpenMinutes", "local_today", "resolve_hour"]

Meridiem = Literal["am", "pm"]
_DAY = 24 * 60


def local_today(now: datetime, zone: ZoneInfo) -> date:
    """Today in the business time zone; a naive `now` is taken to be business-local already."""
    if now.tzinfo is None:
        return now.date()
    return now.astimezone(zone).date()


def resolve_hour(hour: int, meridiem: Meridiem | None, part_of_day: PartOfDay | None = None) -> int | None:
    """A 12-hour clock hour on the 24-hour clock; with neither a.m./p.m. nor a part of the day, 1-7 is p.m."""
    if not 1 <= hour <= 12:
        return None
    if meridiem is not None:
        return hour % 12 + (12 if meridiem == "pm" else 0)
    if part_of_day is PartOfDay.MORNING or hour == 12:
        return hour
    if part_of_day is not None:
        return hour + 12
    return hour + 12 if hour <= 7 else hour


class OpenMinutes:
    """The minutes of the day at which some staff member works on some weekday (weekly hours only)."""

    def __init__(self, catalogue: Catalogue) -> None:
        spans = [span for member in catalogue.staff for weekday in range(7) for span in member.hours.on(weekday)]
        self._spans = tuple((s.start_second // 60, s.end_second // 60) for s in spans)

    def _open(self, minute: int) -> bool:
        return any(start <= minute < end for start, end in self._spans)

    def settle(self, at: time) -> time:
        """`at` read by the bare-hour rule, or the time twelve hours away when only that one is ever open."""
        minute = at.hour * 60 + at.minute
        other = (minute + _DAY // 2) % _DAY
        if self._open(minute) or not self._open(other):
            return at
        return time(other // 60, other % 60)
