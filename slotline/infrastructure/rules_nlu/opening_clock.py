"""A bare hour's a.m. or p.m., settled by when the business is open: "at 7" is 7 PM only where 7 AM is closed.

"Tomorrow at 2" said to a business open 9 to 5 is 2 PM; "at 7" said to a bakery open from 6 AM is 7 AM. The
rule: a bare 12-hour time (no a.m./p.m., no part of the day) keeps the fixed reading (1-7 p.m., 8-11 a.m.)
unless the business is closed then on every weekday and open twelve hours away on some weekday; then it is the
open one. Weekly staff hours only: a closure or special day never turns a time round.
"""

from __future__ import annotations

from slotline.domain.catalogue import Catalogue
from slotline.infrastructure.common.clock_rules import OpenMinutes
from slotline.infrastructure.rules_nlu.times import TimeReading

__all__ = ["OpeningClock"]


class OpeningClock:
    """A bare hour's reading, turned round when only the other half of the day is ever open."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._minutes = OpenMinutes(catalogue)

    def settle(self, reading: TimeReading) -> TimeReading:
        """`reading`, or the same time twelve hours away when only that one falls in the opening hours."""
        if not reading.flexible:
            return reading
        at = self._minutes.settle(reading.at)
        return reading if at == reading.at else TimeReading(at, reading.approximate, reading.counts)
