"""What a caller asked for, as far as it narrows the choice of a slot."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time
from enum import StrEnum

from slotline.domain.errors import InvalidValue
from slotline.domain.ids import StaffId


class PartOfDay(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"

    @property
    def span(self) -> tuple[time, time | None]:
        """The first time of this part of the day and the first time after it (None: midnight)."""
        if self is PartOfDay.MORNING:
            return time(0), time(12)
        if self is PartOfDay.AFTERNOON:
            return time(12), time(17)
        return time(17), None

    def includes(self, at: time) -> bool:
        start, end = self.span
        return start <= at and (end is None or at < end)


class EmptyStartBounds(InvalidValue):
    def __init__(self, lowest: time, highest: time, highest_included: bool) -> None:
        upper = f"at or before {highest}" if highest_included else f"before {highest}"
        super().__init__(f"no time is both at or after {lowest} and {upper}")
        self.lowest = lowest
        self.highest = highest


class TwoUpperBounds(InvalidValue):
    def __init__(self) -> None:
        super().__init__("a start can be bounded by `before` or by `not_after`, not both")


class DaysOutOfOrder(InvalidValue):
    def __init__(self, first: date | None, last: date) -> None:
        super().__init__(f"a range of days needs a first day before its last day, got {first} .. {last}")
        self.first = first
        self.last = last


@dataclass(frozen=True, slots=True)
class StartBounds:
    """When a slot may start, as a caller limits it.

    "after four" is `not_before` 16:00 (a 16:00 start is fine); "before eleven" is `before` 11:00 (it must start
    before 11:00, so 11:00 is not); "no later than three" is `not_after` 15:00 (15:00 is fine);
    "between two and four" is 14:00 up to, not including, 16:00.
    """

    not_before: time | None = None
    before: time | None = None
    not_after: time | None = None

    def __post_init__(self) -> None:
        if self.before is not None and self.not_after is not None:
            raise TwoUpperBounds()
        low = self.not_before
        if low is not None and self.before is not None and self.before <= low:
            raise EmptyStartBounds(low, self.before, highest_included=False)
        if low is not None and self.not_after is not None and self.not_after < low:
            raise EmptyStartBounds(low, self.not_after, highest_included=True)

    @property
    def unbounded(self) -> bool:
        return self.not_before is None and self.before is None and self.not_after is None

    def admits(self, at: time) -> bool:
        """True if a slot starting at `at` (local wall time) keeps within the bounds."""
        if self.not_before is not None and at < self.not_before:
            return False
        if self.before is not None and at >= self.before:
            return False
        return self.not_after is None or at <= self.not_after

    def overlaps(self, part: PartOfDay) -> bool:
        """True if some time in that part of the day keeps within the bounds."""
        start, end = part.span
        lowest = max(start, self.not_before or time(0))
        return (end is None or lowest < end) and self.admits(lowest)

    def narrowed(self, newer: StartBounds) -> StartBounds:
        """Newer bounds refine these ("after four", then "before six": 16:00 to 18:00); if the two together
        leave no time at all, the newer ones alone count ("after four", then "before noon": before noon)."""
        if newer.unbounded:
            return self
        newer_upper = newer.before is not None or newer.not_after is not None
        try:
            return StartBounds(
                not_before=newer.not_before or self.not_before,
                before=newer.before if newer_upper else self.before,
                not_after=newer.not_after if newer_upper else self.not_after,
            )
        except EmptyStartBounds:
            return newer


UNBOUNDED = StartBounds()
"""Any start time will do."""


@dataclass(frozen=True, slots=True)
class Preference:
    day: date | None = None
    last_day: date | None = None
    """With `day`, the last of a range of days: "next week" is its Monday (`day`) to its Sunday (`last_day`)."""
    part_of_day: PartOfDay | None = None
    at: time | None = None
    approximate: bool = False  # "around three" rather than "at three"
    bounds: StartBounds = UNBOUNDED
    earliest: bool = False
    staff_id: StaffId | None = None
    latest: bool = False  # "the latest you have": the last start of the day first

    def __post_init__(self) -> None:
        if self.last_day is not None and (self.day is None or self.last_day <= self.day):
            raise DaysOutOfOrder(self.day, self.last_day)

    @property
    def says_when(self) -> bool:
        """True if the caller gave any wish about the day or the time, enough to search on."""
        return (
            self.day is not None
            or self.at is not None
            or self.part_of_day is not None
            or not self.bounds.unbounded
            or self.earliest
            or self.latest
        )

    def wants_day(self, day: date) -> bool:
        """True if `day` is the day named or inside the range of days named (any day when none was named)."""
        if self.day is None:
            return True
        return self.day <= day <= (self.last_day or self.day)

    def days_away(self, day: date) -> int:
        """How many days `day` lies outside the day or days named (0 inside, or when none was named)."""
        if self.day is None or self.wants_day(day):
            return 0
        if day < self.day:
            return (self.day - day).days
        return (day - (self.last_day or self.day)).days

    def merged(self, newer: Preference) -> Preference:
        """A newer statement refines an older one; a new day drops the old time wishes unless restated.

        Where a newer wish and an older one rule each other out, the newer one stays: "after four", then
        "at three" is at three; "at three", then "after four" is after four.
        """
        day_changed = newer.day is not None and (newer.day, newer.last_day) != (self.day, self.last_day)
        base = replace(self, at=None, part_of_day=None, approximate=False, bounds=UNBOUNDED) if day_changed else self
        at = newer.at or base.at
        part = newer.part_of_day or base.part_of_day
        bounds = base.bounds.narrowed(newer.bounds)
        if newer.bounds.unbounded:
            if (at is not None and not bounds.admits(at)) or (part is not None and not bounds.overlaps(part)):
                bounds = UNBOUNDED
        else:
            if newer.at is None and at is not None and not bounds.admits(at):
                at = None
            if newer.part_of_day is None and part is not None and not bounds.overlaps(part):
                part = None
        return replace(
            base,
            day=newer.day or base.day,
            last_day=newer.last_day if newer.day is not None else base.last_day,
            part_of_day=part,
            at=at,
            approximate=(newer.approximate if newer.at else base.approximate) and at is not None,
            bounds=bounds,
            earliest=newer.earliest or (base.earliest and newer.at is None and not newer.latest),
            staff_id=newer.staff_id or base.staff_id,
            latest=newer.latest or (base.latest and newer.at is None and not newer.earliest),
        )
