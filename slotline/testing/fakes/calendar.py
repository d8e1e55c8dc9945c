"""InMemoryCalendarGateway: staff calendars in a dict, with back doors to put in what staff add by hand."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import count

from slotline.application.errors import EventNotFound
from slotline.domain.appointment import Appointment, AppointmentStatus
from slotline.domain.catalogue import StaffMember
from slotline.domain.ids import AppointmentId, ServiceId, StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.time_window import TimeWindow


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One event: a booking (with its appointment) or a plain busy block."""

    id: str
    staff_id: StaffId
    window: TimeWindow
    booking: Appointment | None = None
    key: str | None = None


class InMemoryCalendarGateway:
    """CalendarGateway that records what it is told and, like the shipped ones, never refuses an overlap.

    `fail_with(error)` makes every call raise `error` (e.g. CalendarUnavailable) until `fail_with(None)`;
    `stall()` makes every call wait, like a server that accepts and never answers, until `stall(False)`.
    """

    def __init__(self) -> None:
        self._events: dict[str, CalendarEvent] = {}
        self._numbers = count(1)
        self._failure: Exception | None = None
        self._answering = asyncio.Event()
        self._answering.set()

    def fail_with(self, error: Exception | None) -> None:
        self._failure = error

    def stall(self, stalled: bool = True) -> None:
        if stalled:
            self._answering.clear()
        else:
            self._answering.set()

    async def _check(self) -> None:
        await self._answering.wait()
        if self._failure is not None:
            raise self._failure

    def _new_id(self) -> str:
        return f"event-{next(self._numbers)}"

    def events(self) -> list[CalendarEvent]:
        """Every event, earliest first."""
        return sorted(self._events.values(), key=lambda e: (e.window.start, e.id))

    async def busy(self, staff: Sequence[StaffMember], window: TimeWindow) -> dict[StaffId, list[TimeWindow]]:
        """Whole events meeting `window` per staff member, earliest first; every asked member has a key."""
        await self._check()
        found: dict[StaffId, list[TimeWindow]] = {m.id: [] for m in staff}
        for event in self.events():
            if event.staff_id in found and event.window.overlaps(window):
                found[event.staff_id].append(event.window)
        return found

    async def create(self, appointment: Appointment, staff: StaffMember, *, idempotency_key: str) -> str:
        """Add the appointment's event; a key seen before returns the event it made."""
        await self._check()
        for event in self._events.values():
            if event.key == idempotency_key:
                return event.id
        event_id = self._new_id()
        self._events[event_id] = CalendarEvent(event_id, staff.id, appointment.window, appointment, idempotency_key)
        return event_id

    async def move(self, appointment: Appointment, staff: StaffMember, event_id: str) -> str:
        """Rewrite the event for the appointment's window and staff member; it keeps its id."""
        await self._check()
        event = self._events.get(event_id)
        if event is None:
            raise EventNotFound(event_id)
        self._events[event_id] = replace(event, staff_id=staff.id, window=appointment.window, booking=appointment)
        return event_id

    async def cancel(self, staff: StaffMember, event_id: str) -> None:
        """Delete the event; one already gone is fine."""
        await self._check()
        self._events.pop(event_id, None)

    async def upcoming(self, phone: PhoneNumber, now: datetime) -> list[Appointment]:
        """Bookings for this customer starting after `now`, soonest first."""
        await self._check()
        confirmed = AppointmentStatus.CONFIRMED
        return [
            replace(e.booking, staff_id=e.staff_id, window=e.window, external_event_id=e.id, status=confirmed)
            for e in self.events()
            if e.booking is not None and e.booking.customer_phone == phone and e.window.start > now
        ]

    def add_busy(self, staff_id: StaffId, window: TimeWindow) -> str:
        """Put a plain busy block (not a booking) in a staff member's calendar; returns its event id."""
        event_id = self._new_id()
        self._events[event_id] = CalendarEvent(event_id, staff_id, window)
        return event_id

    def add_hand_booking(
        self, staff_id: StaffId, window: TimeWindow, phone: PhoneNumber, service_id: ServiceId, name: str | None = None
    ) -> str:
        """Put in a booking a staff member made by hand for a customer (slotline's ledger has no record of it)."""
        event_id = self._new_id()
        booked = Appointment(
            AppointmentId(f"hand-{event_id}"), service_id, staff_id, window, phone, AppointmentStatus.CONFIRMED, name
        )
        self._events[event_id] = CalendarEvent(event_id, staff_id, window, booked)
        return event_id
