"""Wall-clock time in the business's zone, turned into real instants with the DST edges decided once, here.

Rules: a wall-clock time that does not exist (skipped by a spring-forward) means the instant the clocks
jumped; a wall-clock time that occurs twice (the repeated hour of a fall-back) means its first occurrence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from slotline.domain.errors import InvalidValue


@dataclass(frozen=True, slots=True)
class LocalSpan:
    """Opening hours on one day, e.g. 09:00-12:00, in wall-clock time. End 00:00 means midnight at day end."""

    start: time
    end: time
    start_second: int = field(init=False, repr=False, compare=False)
    """Seconds from midnight to start; end_second likewise, 86400 for midnight at day end."""
    end_second: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise InvalidValue("a local span holds wall-clock times without a zone")
        if self.end != time(0) and self.end <= self.start:
            raise InvalidValue(f"span {self.start:%H:%M}-{self.end:%H:%M} ends before it starts")
        begin = self.start.hour * 3600 + self.start.minute * 60 + self.start.second
        finish = 86400 if self.end == time(0) else self.end.hour * 3600 + self.end.minute * 60 + self.end.second
        object.__setattr__(self, "start_second", begin)
        object.__setattr__(self, "end_second", finish)

    @property
    def ends_at_midnight(self) -> bool:
        return self.end == time(0)

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


def _utc_seconds(moment: datetime) -> int:
    return int(moment.timestamp())


def _transition_between(low: int, high: int, zone: tzinfo) -> int:
    """First instant (epoch s) in (low, high] whose UTC offset differs from the one at low."""
    before = datetime.fromtimestamp(low, zone).utcoffset()
    while high - low > 1:
        mid = (low + high) // 2
        if datetime.fromtimestamp(mid, zone).utcoffset() == before:
            low = mid
        else:
            high = mid
    return high


def wall_to_epoch(day: date, at: time, zone: tzinfo) -> int:
    """Epoch seconds of wall-clock `at` on `day` in `zone`, with the module's DST rules."""
    naive = datetime.combine(day, at)
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    a, b = _utc_seconds(first), _utc_seconds(second)
    if a == b:
        return a
    earlier, later = min(a, b), max(a, b)
    if datetime.fromtimestamp(earlier, zone).replace(tzinfo=None) == naive:
        return earlier  # repeated hour: the first occurrence exists and comes first
    return _transition_between(earlier, later, zone)  # skipped hour: the instant the clocks jumped


def wall_to_instant(day: date, at: time, zone: tzinfo) -> datetime:
    return datetime.fromtimestamp(wall_to_epoch(day, at, zone), UTC)


def day_start_epoch(day: date, zone: tzinfo) -> int:
    return wall_to_epoch(day, time(0), zone)


@dataclass(frozen=True, slots=True)
class OffsetPiece:
    """Part of a local day during which the UTC offset is constant: [start, end) in epoch seconds."""

    start: int
    end: int
    offset: int  # seconds east of UTC
    wall_midnight: int  # epoch seconds that local midnight would have with this offset
    fresh_from: int  # first instant whose wall-clock time did not already occur earlier this day


def offset_pieces(day: date, zone: tzinfo) -> tuple[OffsetPiece, ...]:
    """Split a local day at its DST transitions (normally none, so one piece)."""
    start = day_start_epoch(day, zone)
    end = day_start_epoch(day + timedelta(days=1), zone)
    naive_midnight = datetime.combine(day, time(0)).replace(tzinfo=UTC).timestamp()
    pieces: list[OffsetPiece] = []
    cursor = start
    latest_wall = -(2**62)
    while cursor < end:
        offset = datetime.fromtimestamp(cursor, zone).utcoffset()
        assert offset is not None
        seconds = int(offset.total_seconds())
        end_offset = datetime.fromtimestamp(end - 1, zone).utcoffset()
        piece_end = end if end_offset == offset else _transition_between(cursor, end - 1, zone)
        fresh = max(cursor, latest_wall - seconds)
        pieces.append(OffsetPiece(cursor, piece_end, seconds, int(naive_midnight) - seconds, fresh))
        latest_wall = max(latest_wall, piece_end + seconds)
        cursor = piece_end
    return tuple(pieces)


def local_date_of(epoch: int, zone: tzinfo) -> date:
    return datetime.fromtimestamp(epoch, zone).date()
