"""How appointments and holds map to rows of the `appointments` and `holds` tables."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from slotline.domain.appointment import Appointment, AppointmentStatus, Hold
from slotline.domain.ids import AppointmentId, ServiceId, StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow

__all__ = [
    "APPOINTMENT_COLUMNS",
    "HOLD_COLUMNS",
    "LIVE",
    "Row",
    "appointment_from",
    "appointment_params",
    "hold_from",
    "hold_params",
]

Row = dict[str, Any]

APPOINTMENT_COLUMNS = (
    "id, service_id, staff_id, starts_at, ends_at, occupied_start, occupied_end, customer_phone, customer_name,"
    " status, external_event_id, idempotency_key, created_at, updated_at"
)
HOLD_COLUMNS = (
    "id, key, staff_id, service_id, starts_at, ends_at, occupied_start, occupied_end, created_at, expires_at, replacing"
)

LIVE = [AppointmentStatus.HELD.value, AppointmentStatus.CONFIRMED.value]


def appointment_params(appointment: Appointment, occupied: TimeWindow, key: str, now: datetime) -> tuple[object, ...]:
    """Values for an INSERT with APPOINTMENT_COLUMNS."""
    return (
        appointment.id,
        appointment.service_id,
        appointment.staff_id,
        appointment.window.start,
        appointment.window.end,
        occupied.start,
        occupied.end,
        appointment.customer_phone.e164,
        appointment.customer_name,
        appointment.status.value,
        appointment.external_event_id,
        key,
        now,
        now,
    )


def hold_params(hold: Hold, now: datetime, replacing: str | None) -> tuple[object, ...]:
    """Values for an INSERT with HOLD_COLUMNS."""
    slot = hold.slot
    return (
        hold.id,
        hold.key,
        slot.staff_id,
        slot.service_id,
        slot.window.start,
        slot.window.end,
        hold.occupied.start,
        hold.occupied.end,
        now,
        hold.expires_at,
        replacing,
    )


def appointment_from(row: Row) -> Appointment:
    """Rebuild an appointment from a row selected with APPOINTMENT_COLUMNS."""
    return Appointment(
        id=AppointmentId(row["id"]),
        service_id=ServiceId(row["service_id"]),
        staff_id=StaffId(row["staff_id"]),
        window=TimeWindow(row["starts_at"], row["ends_at"]),
        customer_phone=PhoneNumber(row["customer_phone"]),
        status=AppointmentStatus(row["status"]),
        customer_name=row["customer_name"],
        external_event_id=row["external_event_id"],
    )


def hold_from(row: Row) -> Hold:
    """Rebuild a hold from a row selected with HOLD_COLUMNS."""
    return Hold(
        id=row["id"],
        slot=Slot(TimeWindow(row["starts_at"], row["ends_at"]), StaffId(row["staff_id"]), ServiceId(row["service_id"])),
        occupied=TimeWindow(row["occupied_start"], row["occupied_end"]),
        expires_at=row["expires_at"],
        key=row["key"],
    )
