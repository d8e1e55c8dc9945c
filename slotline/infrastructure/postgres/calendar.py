"""PostgresCalendarGateway: the embedded staff calendar, for businesses without Microsoft 365, shared by workers."""

from __future__ import annotations

import asyncio
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
from slotline.infrastructure.postgres.database import Conn, PostgresDatabase
from slotline.infrastructure.postgres.ledger_rows import Row

__all__ = ["PostgresCalendarGateway"]

_BOOKED = (
    "staff_id, calendar_id, starts_at, ends_at, subject, body, customer_phone, customer_name, appointment_id,"
    " service_id"
)


def _booked_values(appointment: Appointment, staff: StaffMember) -> tuple[object, ...]:
    who = appointment.customer_name or "a customer"
    return (
        staff.id,
        staff.calendar,
        appointment.window.start,
        appointment.window.end,
        f"{appointment.service_id} with {who}",
        f"Booked by slotline for {who} ({appointment.customer_phone}); appointment {appointment.id}.",
        appointment.customer_phone.e164,
        appointment.customer_name,
        appointment.id,
        appointment.service_id,
    )


def _appointment(row: Row) -> Appointment:
    return Appointment(
        id=AppointmentId(row["appointment_id"]),
        service_id=ServiceId(row["service_id"]),
        staff_id=StaffId(row["staff_id"]),
        window=TimeWindow(row["starts_at"], row["ends_at"]),
        customer_phone=PhoneNumber(row["customer_phone"]),
        status=AppointmentStatus.CONFIRMED,
        customer_name=row["customer_name"],
        external_event_id=row["id"],
    )


class PostgresCalendarGateway:
    """CalendarGateway on the `calendar_events` table. It records what it is told and never refuses an overlap:
    slotline's ledger is the double-booking guard. `busy` returns whole events (not clipped to the window).
    """

    def __init__(self, db: PostgresDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    async def busy(self, staff: Sequence[StaffMember], window: TimeWindow) -> dict[StaffId, list[TimeWindow]]:
        """Events meeting `window` per staff member, earliest first; every asked member has a key."""
        found: dict[StaffId, list[TimeWindow]] = {m.id: [] for m in staff}
        if not found:
            return found
        query = (
            "SELECT staff_id, starts_at, ends_at FROM calendar_events WHERE staff_id = ANY(%s)"
            " AND starts_at < %s AND ends_at > %s ORDER BY staff_id, starts_at, ends_at"
        )
        params = (list(found), window.end, window.start)
        rows = await self._db.read(lambda c: c.execute(query, params).fetchall())
        for row in rows:
            found[StaffId(row["staff_id"])].append(TimeWindow(row["starts_at"], row["ends_at"]))
        return found

    async def create(self, appointment: Appointment, staff: StaffMember, *, idempotency_key: str) -> str:
        """Add the appointment's event; a key seen before returns the event it made."""
        insert = (
            f"INSERT INTO calendar_events (id, {_BOOKED}, idempotency_key, slotline, created_at)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, true, %s)"
            " ON CONFLICT (idempotency_key) DO NOTHING"
        )
        params = (uuid4().hex, *_booked_values(appointment, staff), idempotency_key, self._clock.now())

        def work(conn: Conn) -> str:
            conn.execute(insert, params)
            row = conn.execute("SELECT id FROM calendar_events WHERE idempotency_key = %s", (idempotency_key,))
            found = row.fetchone()
            assert found is not None  # inserted now, or by the earlier request ON CONFLICT found
            return str(found["id"])

        return await self._db.write(work)

    async def move(self, appointment: Appointment, staff: StaffMember, event_id: str) -> str:
        """Rewrite the event for the appointment's window and staff member; the event keeps its id."""
        columns = ", ".join(f"{c.strip()} = %s" for c in _BOOKED.split(","))
        query = f"UPDATE calendar_events SET {columns} WHERE id = %s"
        params = (*_booked_values(appointment, staff), event_id)
        changed = await self._db.write(lambda c: c.execute(query, params).rowcount)
        if changed == 0:
            raise EventNotFound(event_id)
        return event_id

    async def cancel(self, staff: StaffMember, event_id: str) -> None:
        """Delete the event; one already gone is fine."""
        await self._db.write(lambda c: c.execute("DELETE FROM calendar_events WHERE id = %s", (event_id,)))

    async def upcoming(self, phone: PhoneNumber, now: datetime) -> list[Appointment]:
        """slotline's events for this customer starting after `now`, soonest first."""
        query = (
            "SELECT id, staff_id, starts_at, ends_at, customer_phone, customer_name, appointment_id, service_id"
            " FROM calendar_events WHERE customer_phone = %s AND starts_at > %s AND slotline"
            ' AND appointment_id IS NOT NULL AND service_id IS NOT NULL ORDER BY starts_at, id COLLATE "C"'
        )
        rows = await self._db.read(lambda c: c.execute(query, (phone.e164, now)).fetchall())
        return [_appointment(r) for r in rows]

    def add_busy_blocking(self, staff_id: StaffId, window: TimeWindow, subject: str = "Busy") -> str:
        """Put a plain busy block (not a booking) in a staff member's calendar; returns its event id."""
        event_id = uuid4().hex
        query = (
            "INSERT INTO calendar_events (id, staff_id, starts_at, ends_at, subject, created_at)"
            " VALUES (%s, %s, %s, %s, %s, %s)"
        )
        params = (event_id, staff_id, window.start, window.end, subject, self._clock.now())
        self._db.write_blocking(lambda c: c.execute(query, params))
        return event_id

    async def add_busy(self, staff_id: StaffId, window: TimeWindow, subject: str = "Busy") -> str:
        """`add_busy_blocking` off the event loop."""
        return await asyncio.to_thread(self.add_busy_blocking, staff_id, window, subject)
