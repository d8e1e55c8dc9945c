"""InMemorySlotLedger: the SlotLedger in a dict, refusing what the SQLite ledger refuses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from slotline.application.errors import AppointmentNotFound, HoldExpired
from slotline.application.ports.outbox import OutboxMessage
from slotline.domain.appointment import Appointment, Hold
from slotline.domain.errors import InvalidValue
from slotline.domain.ids import StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.testing.fakes.store import InMemoryStore, StoredAppointment, StoredHold


def _soonest_first(appointments: list[Appointment]) -> list[Appointment]:
    return sorted(appointments, key=lambda a: (a.window.start, a.id))


class InMemorySlotLedger:
    """SlotLedger over an InMemoryStore; share the store with an InMemoryOutbox to see the messages it queues."""

    def __init__(self, store: InMemoryStore | None = None) -> None:
        self.store = store or InMemoryStore()

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
        """Reserve a slot; the same key returns the same live hold. A key whose hold lapsed reserves afresh."""
        s = self.store
        s.purge_expired_holds(now)
        for held in s.holds.values():
            if held.hold.key == key:
                return held.hold
        s.ensure_free(slot, occupied, now, replacing=replacing)
        hold = Hold(s.new_hold_id(), slot, occupied, expires_at, key)
        s.holds[hold.id] = StoredHold(hold, replacing)
        return hold

    async def release(self, hold_id: str) -> None:
        self.store.holds.pop(hold_id, None)

    async def live_holds(self, staff: Sequence[StaffId], window: TimeWindow, now: datetime) -> list[Hold]:
        """Unexpired holds of these staff members whose occupied window overlaps `window`, soonest first."""
        found = [
            h.hold
            for h in self.store.holds.values()
            if h.hold.slot.staff_id in staff and h.hold.expires_at > now and h.hold.occupied.overlaps(window)
        ]
        return sorted(found, key=lambda h: (h.slot.window.start, h.id))

    async def appointments(self, staff: Sequence[StaffId], window: TimeWindow) -> list[Appointment]:
        """Live appointments of these staff members whose occupied window overlaps `window`, soonest first."""
        return _soonest_first(
            [
                s.appointment
                for s in self.store.appointments.values()
                if s.appointment.staff_id in staff and s.appointment.is_live and s.occupied.overlaps(window)
            ]
        )

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
        """Record the booking, consume the hold and queue its messages, all or nothing; a known key returns."""
        s = self.store
        for stored in s.appointments.values():
            if stored.key == key:
                return stored.appointment
        if hold_id is not None and s.live_hold(hold_id, now) is None:
            raise HoldExpired(hold_id)
        if appointment.id in s.appointments:
            raise InvalidValue(f"the ledger refused the record: appointment {appointment.id} exists")
        if appointment.is_live:
            s.ensure_free(appointment.slot, occupied, now, appointment_id=appointment.id, ignore_hold=hold_id)
        s.check_messages(outbox)
        if hold_id is not None:
            del s.holds[hold_id]
        s.purge_expired_holds(now)
        s.appointments[appointment.id] = StoredAppointment(appointment, occupied, key)
        s.add_messages(outbox)
        return appointment

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
        """Move one live booking in place with its messages, all or nothing; a known key returns."""
        s = self.store
        if key in s.changes:
            return await self.get(s.changes[key])
        stored = s.appointments.get(appointment_id)
        if stored is None or not stored.appointment.is_live:
            raise AppointmentNotFound(appointment_id)
        if hold_id is not None and s.live_hold(hold_id, now) is None:
            raise HoldExpired(hold_id)
        s.ensure_free(slot, occupied, now, appointment_id=appointment_id, ignore_hold=hold_id)
        s.check_messages(outbox)
        if hold_id is not None:
            del s.holds[hold_id]
        s.purge_expired_holds(now)
        moved = stored.appointment.moved_to(slot)
        s.appointments[appointment_id] = replace(stored, appointment=moved, occupied=occupied)
        s.changes[key] = appointment_id
        s.delete_unsent_reminders(appointment_id)
        s.add_messages(outbox)
        return moved

    async def cancel(self, appointment_id: str, *, key: str, outbox: Sequence[OutboxMessage]) -> Appointment:
        """Cancel with its messages; a known key or an already cancelled booking queues nothing."""
        s = self.store
        if key in s.changes:
            return await self.get(s.changes[key])
        stored = s.appointments.get(appointment_id)
        if stored is None:
            raise AppointmentNotFound(appointment_id)
        if stored.appointment.is_live:
            s.check_messages(outbox)
            s.appointments[appointment_id] = replace(stored, appointment=stored.appointment.cancelled())
            s.delete_unsent_reminders(appointment_id)
            s.add_messages(outbox)
        s.changes[key] = appointment_id
        return s.appointments[appointment_id].appointment

    async def get(self, appointment_id: str) -> Appointment:
        stored = self.store.appointments.get(appointment_id)
        if stored is None:
            raise AppointmentNotFound(appointment_id)
        return stored.appointment

    async def set_external_id(self, appointment_id: str, event_id: str) -> None:
        stored = self.store.appointments.get(appointment_id)
        if stored is None:
            raise AppointmentNotFound(appointment_id)
        changed = replace(stored.appointment, external_event_id=event_id)
        self.store.appointments[appointment_id] = replace(stored, appointment=changed)

    async def for_customer(self, phone: PhoneNumber) -> list[Appointment]:
        """All of a customer's bookings, any status, soonest first."""
        stored = self.store.appointments.values()
        return _soonest_first([s.appointment for s in stored if s.appointment.customer_phone == phone])

    async def all(self) -> list[Appointment]:
        """Every appointment, any status, soonest first."""
        return _soonest_first([s.appointment for s in self.store.appointments.values()])
