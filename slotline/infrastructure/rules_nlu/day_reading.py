"""What a day phrase names, as the day readers return it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

__all__ = ["DayReading"]


@dataclass(frozen=True, slots=True)
class DayReading:
    """What a day phrase names. `day` is None when no valid future day fits ("february thirtieth", "last tuesday").

    A range of days ("next week") runs from `day` to `last`; `last` is None for a single day.
    """

    day: date | None
    exact: bool = False  # a calendar date ("the 23rd", "12/23") rather than a weekday or "tomorrow"
    counts: bool = True  # False when ruled out ("not tuesday", "can't do friday")
    last: date | None = None
    bare_weekday: bool = False  # "tuesday", "on tuesday": said with "next week", it is next week's
    ambiguous: bool = False  # two sensible days fit ("12/01", "the tuesday after next" on a Monday): ask
    whole_weeks: bool = False  # counted in whole weeks from today ("in two weeks"): a weekday with it is in that week
    # A numeric date with two readings: (month first, day first). "12/01" is (1 December, 12 January).
    either: tuple[date, date] | None = None
    counted_from: date | None = None  # "on monday ... the thursday after": the day said before it, counted from

    def within(self, days: DayReading) -> DayReading:
        """A bare weekday said with a range of days is the one in that range: "next week, maybe thursday"."""
        if not self.bare_weekday or self.day is None or days.day is None or days.last is None or days.covers(self.day):
            return self
        for offset in range((days.last - days.day).days + 1):
            candidate = days.day + timedelta(days=offset)
            if candidate.weekday() == self.day.weekday():
                return replace(self, day=candidate)
        return self

    def covers(self, other: date) -> bool:
        return self.day is not None and self.last is not None and self.day <= other <= self.last
