"""SettableClock: a Clock a test pins, then moves on by hand."""

from __future__ import annotations

from datetime import datetime, timedelta

from slotline.domain.errors import InvalidValue


def _aware(at: datetime) -> datetime:
    if at.tzinfo is None or at.utcoffset() is None:
        raise InvalidValue(f"a clock needs a time-zone-aware instant, got {at.isoformat()}")
    return at


class SettableClock:
    """Now is whatever the test last said; it never moves by itself."""

    def __init__(self, at: datetime) -> None:
        self._at = _aware(at)

    def now(self) -> datetime:
        return self._at

    def set(self, at: datetime) -> None:
        """Jump to `at` (forwards or back)."""
        self._at = _aware(at)

    def advance(self, by: timedelta) -> datetime:
        """Move on by `by`; returns the new now."""
        self._at += by
        return self._at

    def __repr__(self) -> str:
        return f"SettableClock({self._at.isoformat()})"
