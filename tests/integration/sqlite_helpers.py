"""Builders shared by the SQLite integration tests."""

from __future__ import annotations

from datetime import datetime, timedelta

from slotline.application.ports.outbox import OutboxMessage
from slotline.domain.appointment import Appointment, AppointmentStatus
from slotline.domain.ids import AppointmentId, ServiceId, StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.sqlite import SqliteSlotLedger
from tests.factories import NEW_YORK, NOW, sample_catalogue

CATALOGUE = sample_catalogue()
PHONE = PhoneNumber("+12125550123")
OTHER_PHONE = PhoneNumber("+12125550188")
HOLD_FOR = timedelta(minutes=5)


def at(hour: int, minute: int = 0) -> datetime:
    """A wall-clock time in New York on the day after NOW."""
    return datetime(2026, 11, 26, hour, minute, tzinfo=NEW_YORK)


def slot(hour: int, minute: int = 0, *, staff: str = "sam", service: str = "haircut") -> Slot:
    length = CATALOGUE.service(service).duration
    return Slot(TimeWindow.starting(at(hour, minute), length), StaffId(staff), ServiceId(service))


def occupied(s: Slot) -> TimeWindow:
    return s.occupied(CATALOGUE.service(s.service_id))


def appointment(
    s: Slot, appointment_id: str, *, phone: PhoneNumber = PHONE, name: str | None = "Jane Doe"
) -> Appointment:
    return Appointment(
        AppointmentId(appointment_id), s.service_id, s.staff_id, s.window, phone, AppointmentStatus.CONFIRMED, name
    )


def message(dedupe_key: str, *, created_at: datetime = NOW, to: PhoneNumber = PHONE) -> OutboxMessage:
    return OutboxMessage(f"msg-{dedupe_key}", to, f"text for {dedupe_key}", dedupe_key, created_at)


async def book(
    ledger: SqliteSlotLedger,
    s: Slot,
    appointment_id: str,
    *,
    hold_id: str | None = None,
    now: datetime = NOW,
    phone: PhoneNumber = PHONE,
) -> Appointment:
    """Book `s` with key `book-<id>` and one confirmation message keyed `confirm-<id>`."""
    return await ledger.book(
        appointment(s, appointment_id, phone=phone),
        occupied(s),
        key=f"book-{appointment_id}",
        now=now,
        hold_id=hold_id,
        outbox=[message(f"confirm-{appointment_id}", to=phone)],
    )
