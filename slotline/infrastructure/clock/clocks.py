"""The two clocks slotline runs on."""

from __future__ import annotations

from datetime import UTC, datetime

from slotline.domain.errors import InvalidValue


class SystemClock:
    """The machine's clock, as an aware UTC instant."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """Always the same instant: tests pin time with it, and so does `slotline --now`."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None or at.utcoffset() is None:
            raise InvalidValue(f"a fixed clock needs a time-zone-aware instant, got {at.isoformat()}")
        self._at = at

    def now(self) -> datetime:
        return self._at

    def __repr__(self) -> str:
        return f"FixedClock({self._at.isoformat()})"
