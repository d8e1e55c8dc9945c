"""What a caller asked for, as far as it narrows the choice of a slot."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time
from enum import StrEnum

from domain.ids import StaffId


class PartOfDay(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"

    def includes(self, at: time) -> bool:
        if self is PartOfDay.MORNING:
            return at < time(12)
        if self is PartOfDay.AFTERNOON:
            return time(12) <= at < time(17)
        return at >= time(17)


@dataclass(frozen=True, slots=True)
class Preference:
    day: date | None = None
    part_of_day: PartOfDay | None = None
    at: time | None = None
    approximate: bool = False  # "around three" rather than "at three"
    earliest: bool = False
    staff_id: StaffId | None = None

    def merged(self, newer: Preference) -> Preference:
        """A newer statement refines an older one; a new day drops the old time wishes unless restated."""
        day_changed = newer.day is not None and newer.day != self.day
        base = replace(self, at=None, part_of_day=None, approximate=False) if day_changed else self
        return replace(
            base,
            day=newer.day or base.day,
            part_of_day=newer.part_of_day or base.part_of_day,
            at=newer.at or base.at,
            approximate=newer.approximate if newer.at else base.approximate,
            earliest=newer.earliest or (base.earliest and newer.at is None),
            staff_id=newer.staff_id or base.staff_id,
        )
