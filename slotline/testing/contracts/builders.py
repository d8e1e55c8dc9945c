"""Appointments, slots and messages in the sample business, as the contract suites build them."""

from __future__ import annotations

from datetime import datetime

from slotline.application.ports.outbox import OutboxMessage
from slotline.domain.appointment import Appointment, AppointmentStatus
from slotline.domain.catalogue import StaffMember
from slotline.domain.ids import AppointmentId, ServiceId, StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.testing.sample import CUSTOMER, NOW, sample_catalogue, tomorrow_at

CATALOGUE = sample_catalogue()
SAM, ALEX, JORDAN = (CATALOGUE.staff_member(StaffId(s)) for s in ("sam", "alex", "jordan"))


def member(staff_id: str) -> StaffMember:
    return CATALOGUE.staff_member(StaffId(staff_id))


def slot(hour: int, minute: int = 0, *, staff: str = "sam", service: str = "haircut") -> Slot:
    """The service's slot starting at hour:minute tomorrow with that staff member."""
    length = CATALOGUE.service(ServiceId(service)).duration
    return Slot(TimeWindow.starting(tomorrow_at(hour, minute), length), StaffId(staff), ServiceId(service))


def occupied(s: Slot) -> TimeWindow:
    """The slot with its service's buffers."""
    return s.occupied(CATALOGUE.service(s.service_id))


def appointment(
    s: Slot, appointment_id: str, *, phone: PhoneNumber = CUSTOMER, name: str | None = "Jane Doe"
) -> Appointment:
    """A confirmed appointment in `s`."""
    return Appointment(
        AppointmentId(appointment_id), s.service_id, s.staff_id, s.window, phone, AppointmentStatus.CONFIRMED, name
    )


def message(dedupe_key: str, *, created_at: datetime = NOW, to: PhoneNumber = CUSTOMER) -> OutboxMessage:
    """A pending text with id `msg-<dedupe_key>`."""
    return OutboxMessage(f"msg-{dedupe_key}", to, f"text for {dedupe_key}", dedupe_key, created_at)
