"""A span of real time. Stored in UTC so arithmetic and comparisons are in elapsed time, across DST."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from slotline.domain.errors import InvalidTimeWindow


@dataclass(frozen=True, slots=True, order=True)
class TimeWindow:
    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise InvalidTimeWindow(self.start, self.end)
        # Aware datetimes sharing a ZoneInfo compare by wall clock, which is wrong in the repeated hour:
        # convert to UTC before comparing or doing arithmetic.
        start, end = self.start.astimezone(UTC), self.end.astimezone(UTC)
        if end <= start:
            raise InvalidTimeWindow(self.start, self.end)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    @classmethod
    def starting(cls, start: datetime, length: timedelta) -> TimeWindow:
        utc = start.astimezone(UTC)
        return cls(utc, utc + length)

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    def overlaps(self, other: TimeWindow) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: TimeWindow) -> bool:
        return self.start <= other.start and other.end <= self.end

    def widened(self, before: timedelta, after: timedelta) -> TimeWindow:
        return TimeWindow(self.start - before, self.end + after)
