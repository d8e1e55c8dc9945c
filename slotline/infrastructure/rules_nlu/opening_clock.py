"""A bare hour's a.m. or p.m., settled by when the business is open: "at 7" is 7 PM only where 7 AM is closed.

"Tomorrow at 2" said to a business open 9 to 5 is 2 PM; "at 7" said to a bakery open from 6 AM is 7 AM. The
rule: a bare 12-hour time (no a.m./p.m., no part of the day) keeps the fixed reading (1-7 p.m., 8-11 a.m.)
unless the business is closed then on every weekday and open twelve hours away on some weekday; then it is the
open one. Weekly staff hours only: a closure or special day never turns a time round.
"""

from __future__ import annotations

from datetime import time

from slotline.domain.catalogue import Catalogue
from slotline.infrastructure.rules_nlu.times import TimeReading

__all__ = ["OpeningClock"]

_DAY = 24 * 60


class OpeningClock:
    """The minutes of the day at which some staff member works on some weekday."""

    def __init__(self, catalogue: Catalogue) -> None:
        spans = [span for member in catalogue.staff for weekday in range(7) for span in member.hours.on(weekday)]
        self._spans = tuple((s.start_second // 60, s.end_second // 60) for s in spans)

    def _open(self, minute: int) -> bool:
        return any(start <= minute < end for start, end in self._spans)

    def settle(self, reading: TimeReading) -> TimeReading:
        """`reading`, or the same time twelve hours away when only that one falls in the opening hours."""
        if not reading.flexible:
            return reading
        minute = reading.at.hour * 60 + reading.at.minute
        other = (minute + _DAY // 2) % _DAY
        if self._open(minute) or not self._open(other):
            return reading
        return TimeReading(time(other // 60, other % 60), reading.approximate, reading.counts)
