"""Instants as integer epoch seconds (UTC), the form every time column uses."""

from __future__ import annotations

import math
from datetime import UTC, datetime

from slotline.domain.errors import InvalidValue
from slotline.domain.time_window import TimeWindow


def _seconds(moment: datetime) -> float:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidValue(f"stored instants must be time-zone aware, got {moment.isoformat()}")
    return moment.timestamp()


def floor_epoch(moment: datetime) -> int:
    """Whole seconds at or before `moment`: starts, and the `now` a row is compared with."""
    return math.floor(_seconds(moment))


def ceil_epoch(moment: datetime) -> int:
    """Whole seconds at or after `moment`: ends and expiries, so rounding never shrinks a reservation."""
    return math.ceil(_seconds(moment))


def from_epoch(seconds: int) -> datetime:
    """The aware UTC instant of a stored epoch second."""
    return datetime.fromtimestamp(seconds, UTC)


def window_from(start: int, end: int) -> TimeWindow:
    """Rebuild a stored window."""
    return TimeWindow(from_epoch(start), from_epoch(end))


def epoch_ms(moment: datetime) -> int:
    """Whole milliseconds since the epoch: call records, whose turns are a fraction of a second apart."""
    return round(_seconds(moment) * 1000)


def from_epoch_ms(millis: int) -> datetime:
    """The aware UTC instant of a stored epoch millisecond."""
    return datetime.fromtimestamp(millis / 1000, UTC)
