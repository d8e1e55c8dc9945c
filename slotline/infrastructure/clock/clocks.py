"""The clocks slotline runs on: the real one, one pinned to an instant, and one running from a pinned instant."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

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


class ShiftedClock:
    """The real clock moved so that it read `at` at the real instant `since`, running on from there.

    Several processes given the same pair keep one time between them, on a chosen day, while holds, leases and
    retries still run out: rehearsals, and tests of expiry across worker processes (`now` with `now_since`).
    """

    def __init__(self, at: datetime, since: datetime) -> None:
        for instant in (at, since):
            if instant.tzinfo is None or instant.utcoffset() is None:
                raise InvalidValue(f"a shifted clock needs time-zone-aware instants, got {instant.isoformat()}")
        self._at = at
        self._shift: timedelta = at - since

    def now(self) -> datetime:
        return (datetime.now(UTC) + self._shift).astimezone(self._at.tzinfo)

    def __repr__(self) -> str:
        return f"ShiftedClock(read {self._at.isoformat()}, shifted by {self._shift})"
