"""What a caller says relative to what is already on the table: "same time", "a week later", "anything earlier?"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

_ONWARDS_SPAN = timedelta(days=13)


class Nudge(StrEnum):
    """A move relative to the times already offered, held or booked."""

    LATER = "later"  # "anything later?", "a bit later the same day"
    EARLIER = "earlier"  # "anything earlier?"
    LATER_ONE = "the later one"  # a choice between the offers
    EARLIER_ONE = "the earlier one"


@dataclass(frozen=True, slots=True)
class Beside:
    """A day counted from the day on the table: "the Wednesday before" (weekday 2, -1), "the day after" (None, 1),
    "the week after, the Wednesday" (weekday 2, 1, in the week after)."""

    weekday: int | None  # Monday is 0; None: the very next or previous day
    direction: int  # -1 before, 1 after
    in_week: bool = False  # "the week after, the Wednesday": that weekday of the (Monday to Sunday) week after
    onwards: bool = False  # "the first day you've got after that": any day of the fortnight from the day after

    def days_of(self, anchor: date) -> tuple[date, date | None]:
        """The first and last day this names, counted from `anchor`: one day (last None), or a fortnight on."""
        first = self.of(anchor)
        return (first, first + _ONWARDS_SPAN) if self.onwards else (first, None)

    def of(self, anchor: date) -> date:
        """The day this names, counted from `anchor` (never `anchor` itself)."""
        if self.in_week and self.weekday is not None:
            monday = anchor - timedelta(days=anchor.weekday())
            return monday + timedelta(weeks=self.direction, days=self.weekday)
        step = timedelta(days=self.direction)
        day = anchor + step
        while self.weekday is not None and day.weekday() != self.weekday:
            day += step
        return day


@dataclass(frozen=True, slots=True)
class Reference:
    same_time: bool = False  # "same time": the time already said, or the appointment's own time when moving
    same_day: bool = False  # "the same day"
    nudge: Nudge | None = None
    weeks: int = 0  # "push it back a week" is 1, "bring it forward a week" is -1
    minutes_past: int | None = None  # "make that quarter past": minutes past the hour already on the table
    instead: bool = False  # "Friday at ten instead": a change to something that exists, not something new
    beside: Beside | None = None  # "the Wednesday before", "the day after": counted from the day on the table
    shift_minutes: int = 0  # "an hour later" is 60, "push it back half an hour" 30, "an hour earlier" -60

    @property
    def said(self) -> bool:
        """Something that changes the wish (`instead` alone does not)."""
        return (
            self.same_time
            or self.same_day
            or self.nudge is not None
            or self.weeks != 0
            or self.minutes_past is not None
            or self.beside is not None
            or self.shift_minutes != 0
        )


NO_REFERENCE = Reference()
"""Nothing said relative to the table."""
