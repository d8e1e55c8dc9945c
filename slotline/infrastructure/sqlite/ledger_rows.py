"""How appointments and holds map to rows of the `appointments` and `holds` tables."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from slotline.domain.appointment import Appointment, AppointmentStatus, Hold
from slotline.domain.ids import AppointmentId, ServiceId, StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.sqlite.epoch import ceil_epoch, floor_epoch, from_epoch, window_from

APPOINTMENT_COLUMNS = (
    "id, service_id, staff_id, start, end, occupied_start, occupied_end, customer_phone, customer_name,"
    " status, external_event_id, idempotency_key, created_at, updated_at"
)
HOLD_COLUMNS = "id, key, staff_id, service_id, start, end, occupied_start, occupied_end, created_at, expires_at"

LIVE = (AppointmentStatus.HELD.value, AppointmentStatus.CONFIRMED.value)

Param = str | int | None


def span(window: TimeWindow) -> tuple[int, int]:
    """A window as stored: start rounded down, end rounded up to whole seconds."""
    return floor_epoch(window.start), ceil_epoch(window.end)


def appointment_params(appointment: Appointment, occupied: TimeWindow, key: str, now: datetime) -> tuple[Param, ...]:
    """Values for an INSERT with APPOINTMENT_COLUMNS."""
    at = floor_epoch(now)
    return (
        appointment.id,
        appointment.service_id,
        appointment.staff_id,
        *span(appointment.window),
        *span(occupied),
        appointment.customer_phone.e164,
        appointment.customer_name,
        appointment.status.value,
        appointment.external_event_id,
        key,
        at,
        at,
    )


def hold_params(hold: Hold, now: datetime, replacing: str | None) -> tuple[Param, ...]:
    """Values for an INSERT with HOLD_COLUMNS, then `replacing`."""
    slot = hold.slot
    return (
        hold.id,
        hold.key,
        slot.staff_id,
        slot.service_id,
        *span(slot.window),
        *span(hold.occupied),
        floor_epoch(now),
        ceil_epoch(hold.expires_at),
        replacing,
    )


def appointment_from(row: sqlite3.Row) -> Appointment:
    """Rebuild an appointment from a row selected with APPOINTMENT_COLUMNS."""
    return Appointment(
        id=AppointmentId(row["id"]),
        service_id=ServiceId(row["service_id"]),
        staff_id=StaffId(row["staff_id"]),
        window=window_from(row["start"], row["end"]),
        customer_phone=PhoneNumber(row["customer_phone"]),
        status=AppointmentStatus(row["status"]),
        customer_name=row["customer_name"],
        external_event_id=row["external_event_id"],
    )


def hold_from(row: sqlite3.Row) -> Hold:
    """Rebuild a hold from a row selected with HOLD_COLUMNS."""
    return Hold(
        id=row["id"],
        slot=Slot(window_from(row["start"], row["end"]), StaffId(row["staff_id"]), ServiceId(row["service_id"])),
        occupied=window_from(row["occupied_start"], row["occupied_end"]),
        expires_at=from_epoch(row["expires_at"]),
        key=row["key"],
    )
