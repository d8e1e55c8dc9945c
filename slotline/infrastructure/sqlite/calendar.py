"""SqliteCalendarGateway: the embedded staff calendar, for businesses without Microsoft 365."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from uuid import uuid4

from slotline.application.errors import EventNotFound
from slotline.application.ports.clock import Clock
from slotline.domain.appointment import Appointment, AppointmentStatus
from slotline.domain.catalogue import StaffMember
from slotline.domain.ids import AppointmentId, ServiceId, StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.sqlite.database import SqliteDatabase
from slotline.infrastructure.sqlite.epoch import floor_epoch, window_from
from slotline.infrastructure.sqlite.ledger_rows import span

_BOOKED = "staff_id, calendar_id, start, end, subject, body, customer_phone, customer_name, appointment_id, service_id"


def _booked_values(appointment: Appointment, staff: StaffMember) -> tuple[str | int | None, ...]:
    who = appointment.customer_name or "a customer"
    return (
        staff.id,
        staff.calendar,
        *span(appointment.window),
        f"{appointment.service_id} with {who}",
        f"Booked by slotline for {who} ({appointment.customer_phone}); appointment {appointment.id}.",
        appointment.customer_phone.e164,
        appointment.customer_name,
        appointment.id,
        appointment.service_id,
    )


def _appointment(row: sqlite3.Row) -> Appointment:
    return Appointment(
        id=AppointmentId(row["appointment_id"]),
        service_id=ServiceId(row["service_id"]),
        staff_id=StaffId(row["staff_id"]),
        window=window_from(row["start"], row["end"]),
        customer_phone=PhoneNumber(row["customer_phone"]),
        status=AppointmentStatus.CONFIRMED,
        customer_name=row["customer_name"],
        external_event_id=row["id"],
    )


class SqliteCalendarGateway:
    """CalendarGateway on the `calendar_events` table. It records what it is told and never refuses an overlap:
    slotline's ledger is the double-booking guard. `busy` returns whole events (not clipped to the window).
    """

    def __init__(self, db: SqliteDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    async def busy(self, staff: Sequence[StaffMember], window: TimeWindow) -> dict[StaffId, list[TimeWindow]]:
        """Events meeting `window` per staff member, earliest first; every asked member has a key."""
        found: dict[StaffId, list[TimeWindow]] = {m.id: [] for m in staff}
        if not found:
            return found
        query = (
            f"SELECT staff_id, start, end FROM calendar_events WHERE staff_id IN ({', '.join('?' * len(found))})"
            " AND start < ? AND end > ? ORDER BY staff_id, start, end"
        )
        start, end = span(window)
        rows = await self._db.read(lambda c: c.execute(query, (*found, end, start)).fetchall())
        for row in rows:
            found[StaffId(row["staff_id"])].append(window_from(row["start"], row["end"]))
        return found

    async def create(self, appointment: Appointment, staff: StaffMember, *, idempotency_key: str) -> str:
        """Add the appointment's event; a key seen before returns the event it made."""
        event_id = uuid4().hex
        created = floor_epoch(self._clock.now())
        insert = (
            f"INSERT INTO calendar_events (id, {_BOOKED}, idempotency_key, slotline, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT (idempotency_key) DO NOTHING"
        )
        params = (event_id, *_booked_values(appointment, staff), idempotency_key, created)

        def work(conn: sqlite3.Connection) -> str:
            conn.execute(insert, params)
            row = conn.execute("SELECT id FROM calendar_events WHERE idempotency_key = ?", (idempotency_key,))
            return str(row.fetchone()["id"])

        return await self._db.write(work)

    async def move(self, appointment: Appointment, staff: StaffMember, event_id: str) -> str:
        """Rewrite the event for the appointment's window and staff member; the event keeps its id."""
        columns = ", ".join(f"{c.strip()} = ?" for c in _BOOKED.split(","))
        query = f"UPDATE calendar_events SET {columns} WHERE id = ?"
        params = (*_booked_values(appointment, staff), event_id)
        changed = await self._db.write(lambda c: c.execute(query, params).rowcount)
        if changed == 0:
            raise EventNotFound(event_id)
        return event_id

    async def cancel(self, staff: StaffMember, event_id: str) -> None:
        """Delete the event; one already gone is fine."""
        await self._db.write(lambda c: c.execute("DELETE FROM calendar_events WHERE id = ?", (event_id,)))

    async def upcoming(self, phone: PhoneNumber, now: datetime) -> list[Appointment]:
        """slotline's events for this customer starting after `now`, soonest first."""
        query = (
            "SELECT id, staff_id, start, end, customer_phone, customer_name, appointment_id, service_id"
            " FROM calendar_events WHERE customer_phone = ? AND start > ? AND slotline = 1"
            " AND appointment_id IS NOT NULL AND service_id IS NOT NULL ORDER BY start, id"
        )
        rows = await self._db.read(lambda c: c.execute(query, (phone.e164, floor_epoch(now))).fetchall())
        return [_appointment(r) for r in rows]

    def add_busy_blocking(self, staff_id: StaffId, window: TimeWindow, subject: str = "Busy") -> str:
        """Put a plain busy block (not a booking) in a staff member's calendar; returns its event id."""
        event_id = uuid4().hex
        query = "INSERT INTO calendar_events (id, staff_id, start, end, subject, created_at) VALUES (?, ?, ?, ?, ?, ?)"
        params = (event_id, staff_id, *span(window), subject, floor_epoch(self._clock.now()))
        self._db.write_blocking(lambda c: c.execute(query, params))
        return event_id

    async def add_busy(self, staff_id: StaffId, window: TimeWindow, subject: str = "Busy") -> str:
        """`add_busy_blocking` off the event loop."""
        return await asyncio.to_thread(self.add_busy_blocking, staff_id, window, subject)
