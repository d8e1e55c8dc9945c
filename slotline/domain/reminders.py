"""When reminder texts go out: offsets before the start in real elapsed time, quiet hours in the business's wall clock.

Offsets are elapsed minutes (24 h before a 10:00 appointment the day after a DST change is 09:00 or 11:00 on the wall
clock). Quiet hours are wall-clock times in the business's zone; a reminder that falls strictly inside them goes at
the moment they began instead (the end of the last allowed window), or not at all if that is before the booking was
made. A booking made closer to its start than an offset gets no reminder for that offset.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo

from slotline.domain.errors import InvalidValue
from slotline.domain.local_time import wall_to_instant

__all__ = [
    "DEFAULT_QUIET_HOURS",
    "DEFAULT_REMINDERS",
    "QuietHours",
    "ReminderPolicy",
    "reminder_times",
    "reminder_too_late",
]


@dataclass(frozen=True, slots=True)
class QuietHours:
    """Wall-clock times no text is sent between; `start` after `end` wraps midnight (21:00-08:00)."""

    start: time
    end: time

    def __post_init__(self) -> None:
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise InvalidValue("quiet hours are wall-clock times without a zone")
        if self.start == self.end:
            raise InvalidValue(f"quiet hours {self} are empty; leave them out instead")

    @property
    def wraps(self) -> bool:
        return self.start > self.end

    def contains(self, at: time) -> bool:
        """Strictly inside: a text at exactly the start or the end is allowed."""
        if self.wraps:
            return at > self.start or at < self.end
        return self.start < at < self.end

    def began(self, local: datetime, zone: tzinfo) -> datetime:
        """The instant the quiet period holding `local` (a wall-clock time in `zone`) began."""
        day = local.date()
        if self.wraps and local.time() < self.end:
            day -= timedelta(days=1)
        return wall_to_instant(day, self.start, zone)

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


DEFAULT_QUIET_HOURS = QuietHours(time(21), time(8))


@dataclass(frozen=True, slots=True)
class ReminderPolicy:
    """A business's reminders: how long before the start each goes out, and when none may."""

    before: tuple[timedelta, ...] = (timedelta(hours=24),)
    quiet_hours: QuietHours | None = DEFAULT_QUIET_HOURS

    def __post_init__(self) -> None:
        if any(offset <= timedelta(0) for offset in self.before):
            raise InvalidValue("a reminder goes out a positive time before the appointment")


DEFAULT_REMINDERS = ReminderPolicy()
"""One reminder 24 hours before, none between 21:00 and 08:00."""


def reminder_times(start: datetime, booked_at: datetime, policy: ReminderPolicy, zone: tzinfo) -> tuple[datetime, ...]:
    """When to remind of an appointment starting at `start`, booked (or moved) at `booked_at`: UTC, soonest first,
    each instant once, every one after `booked_at`."""
    if start.tzinfo is None or booked_at.tzinfo is None:
        raise InvalidValue("reminder times need time-zone-aware instants")
    due: set[datetime] = set()
    for offset in policy.before:
        at = start.astimezone(UTC) - offset
        quiet = policy.quiet_hours
        if quiet is not None:
            local = at.astimezone(zone)
            if quiet.contains(local.time()):
                at = quiet.began(local, zone)
        if at > booked_at:
            due.add(at)
    return tuple(sorted(due))


def reminder_too_late(start: datetime, now: datetime) -> bool:
    """A reminder not sent by the time its appointment begins is no use any more."""
    return now >= start
