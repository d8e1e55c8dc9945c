"""PostgresSlotLedger: holds and bookings in PostgreSQL, where exclusion constraints make double booking impossible."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from slotline.application.errors import AppointmentNotFound
from slotline.application.ports.clock import Clock
from slotline.application.ports.outbox import OutboxMessage
from slotline.domain.appointment import Appointment, Hold
from slotline.domain.ids import StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.postgres import ledger_writes as writes
from slotline.infrastructure.postgres.database import PostgresDatabase
from slotline.infrastructure.postgres.ledger_rows import (
    APPOINTMENT_COLUMNS,
    HOLD_COLUMNS,
    LIVE,
    appointment_from,
    hold_from,
)

__all__ = ["PostgresSlotLedger"]


class PostgresSlotLedger:
    """The SlotLedger on PostgreSQL, shared by any number of worker processes on any number of machines.

    `clock` only stamps changes whose port call carries no `now` (cancel, external id). Reads of a window return
    records whose occupied window (buffers included) overlaps it. Times are kept exactly (microseconds).
    """

    def __init__(self, db: PostgresDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    async def hold(
        self,
        slot: Slot,
        occupied: TimeWindow,
        *,
        key: str,
        now: datetime,
        expires_at: datetime,
        replacing: str | None = None,
    ) -> Hold:
        """Reserve a slot; the same key returns the same live hold. A key whose hold lapsed reserves afresh.

        `replacing` names an appointment being moved: its own time does not block the hold (nor the hold it).
        """
        return await self._db.write(lambda c: writes.take_hold(c, slot, occupied, key, now, expires_at, replacing))

    async def release(self, hold_id: str) -> None:
        """Drop a hold; releasing one already gone is not an error."""
        await self._db.write(lambda c: c.execute("DELETE FROM holds WHERE id = %s", (hold_id,)))

    async def live_holds(self, staff: Sequence[StaffId], window: TimeWindow, now: datetime) -> list[Hold]:
        """Unexpired holds of these staff members whose occupied window overlaps `window`."""
        query = (
            f"SELECT {HOLD_COLUMNS} FROM holds WHERE staff_id = ANY(%s) AND occupied_start < %s"
            ' AND occupied_end > %s AND expires_at > %s ORDER BY starts_at, id COLLATE "C"'
        )
        params = (list(staff), window.end, window.start, now)
        rows = await self._db.read(lambda c: c.execute(query, params).fetchall())
        return [hold_from(r) for r in rows]

    async def appointments(self, staff: Sequence[StaffId], window: TimeWindow) -> list[Appointment]:
        """Live appointments of these staff members whose occupied window overlaps `window`, soonest first."""
        query = (
            f"SELECT {APPOINTMENT_COLUMNS} FROM appointments WHERE staff_id = ANY(%s) AND status = ANY(%s)"
            ' AND occupied_start < %s AND occupied_end > %s ORDER BY starts_at, id COLLATE "C"'
        )
        params = (list(staff), LIVE, window.end, window.start)
        rows = await self._db.read(lambda c: c.execute(query, params).fetchall())
        return [appointment_from(r) for r in rows]

    async def book(
        self,
        appointment: Appointment,
        occupied: TimeWindow,
        *,
        key: str,
        now: datetime,
        hold_id: str | None,
        outbox: Sequence[OutboxMessage],
    ) -> Appointment:
        """Record the booking, consume the hold and enqueue its messages in one transaction; a known key returns."""
        return await self._db.write(lambda c: writes.book(c, appointment, occupied, key, now, hold_id, outbox))

    async def move(
        self,
        appointment_id: str,
        slot: Slot,
        occupied: TimeWindow,
        *,
        key: str,
        now: datetime,
        hold_id: str | None,
        outbox: Sequence[OutboxMessage],
    ) -> Appointment:
        """Move one live booking in place, with its messages, in one transaction; a known key returns."""
        return await self._db.write(lambda c: writes.move(c, appointment_id, slot, occupied, key, now, hold_id, outbox))

    async def cancel(self, appointment_id: str, *, key: str, outbox: Sequence[OutboxMessage]) -> Appointment:
        """Cancel with its messages in one transaction; a known key or an already cancelled booking enqueues nothing."""
        now = self._clock.now()
        return await self._db.write(lambda c: writes.cancel(c, appointment_id, key, now, outbox))

    async def get(self, appointment_id: str) -> Appointment:
        """One appointment, any status, or AppointmentNotFound."""
        return await self._db.read(lambda c: writes.load(c, appointment_id))

    async def set_external_id(self, appointment_id: str, event_id: str) -> None:
        """Remember the calendar event that mirrors the appointment."""
        query = "UPDATE appointments SET external_event_id = %s, updated_at = %s WHERE id = %s"
        params = (event_id, self._clock.now(), appointment_id)
        changed = await self._db.write(lambda c: c.execute(query, params).rowcount)
        if changed == 0:
            raise AppointmentNotFound(appointment_id)

    async def for_customer(self, phone: PhoneNumber) -> list[Appointment]:
        """All of a customer's bookings, any status, soonest first."""
        query = (
            f"SELECT {APPOINTMENT_COLUMNS} FROM appointments WHERE customer_phone = %s"
            ' ORDER BY starts_at, id COLLATE "C"'
        )
        rows = await self._db.read(lambda c: c.execute(query, (phone.e164,)).fetchall())
        return [appointment_from(r) for r in rows]

    async def all(self) -> list[Appointment]:
        """Every appointment, any status, soonest first."""
        query = f'SELECT {APPOINTMENT_COLUMNS} FROM appointments ORDER BY starts_at, id COLLATE "C"'
        rows = await self._db.read(lambda c: c.execute(query).fetchall())
        return [appointment_from(r) for r in rows]
