"""How the business wants bookings taken."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from slotline.domain.errors import InvalidValue


@dataclass(frozen=True, slots=True)
class BookingPolicy:
    slot_interval: timedelta = timedelta(minutes=15)
    min_notice: timedelta = timedelta(hours=1)
    max_days_ahead: int = 60
    hold_ttl: timedelta = timedelta(minutes=5)
    offers_per_turn: int = 3
    daily_cap_per_staff: int | None = None
    # True: buffers, like the service itself, must fit inside working hours.
    buffers_within_hours: bool = True

    def __post_init__(self) -> None:
        seconds = self.slot_interval.total_seconds()
        if seconds < 60 or seconds % 60 or (24 * 3600) % seconds:
            raise InvalidValue("slot interval must be whole minutes that divide a day")
        if self.min_notice < timedelta(0):
            raise InvalidValue("minimum notice cannot be negative")
        if self.max_days_ahead < 0:
            raise InvalidValue("maximum days ahead cannot be negative")
        if self.hold_ttl <= timedelta(0):
            raise InvalidValue("a hold must last some time")
        if self.offers_per_turn < 1:
            raise InvalidValue("offer at least one slot per turn")
        if self.daily_cap_per_staff is not None and self.daily_cap_per_staff < 1:
            raise InvalidValue("a daily cap must be at least 1")
