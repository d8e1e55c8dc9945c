"""Customers and their appointments."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from slotline.domain.catalogue import Service
from slotline.domain.errors import InvalidValue
from slotline.domain.ids import AppointmentId, ServiceId, StaffId
from slotline.domain.names import clean_name
from slotline.domain.phone import PhoneNumber
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow


def _cleaned(name: str | None) -> str | None:
    return (clean_name(name) or None) if name is not None else None


@dataclass(frozen=True, slots=True)
class Customer:
    """A caller the business knows. The name is cleaned by `clean_name` whoever builds one; blank means unknown."""

    phone: PhoneNumber
    name: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _cleaned(self.name))


class AppointmentStatus(StrEnum):
    HELD = "held"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Appointment:
    id: AppointmentId
    service_id: ServiceId
    staff_id: StaffId
    window: TimeWindow
    customer_phone: PhoneNumber
    status: AppointmentStatus
    customer_name: str | None = None
    external_event_id: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            raise InvalidValue("an appointment needs an id")
        object.__setattr__(self, "customer_name", _cleaned(self.customer_name))

    @property
    def slot(self) -> Slot:
        return Slot(self.window, self.staff_id, self.service_id)

    @property
    def is_live(self) -> bool:
        return self.status is not AppointmentStatus.CANCELLED

    def occupied(self, service: Service) -> TimeWindow:
        return self.slot.occupied(service)

    def moved_to(self, slot: Slot) -> Appointment:
        return replace(self, window=slot.window, staff_id=slot.staff_id, service_id=slot.service_id)

    def cancelled(self) -> Appointment:
        return replace(self, status=AppointmentStatus.CANCELLED)

    def is_upcoming(self, now: datetime) -> bool:
        return self.is_live and self.window.start > now


@dataclass(frozen=True, slots=True)
class Hold:
    """A slot reserved for one caller while the booking is read back; it lapses at `expires_at`."""

    id: str
    slot: Slot
    occupied: TimeWindow
    expires_at: datetime
    key: str

    def is_live(self, now: datetime) -> bool:
        return now < self.expires_at
