from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Protocol

from slotline.domain.appointment import Appointment
from slotline.domain.catalogue import StaffMember
from slotline.domain.ids import StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.time_window import TimeWindow


class CalendarGateway(Protocol):
    """The staff members' own calendars (the embedded SQLite one, or Microsoft Graph).

    Errors: CalendarUnavailable (retry later / hand over), CalendarConflict, EventNotFound.
    """

    async def busy(self, staff: Sequence[StaffMember], window: TimeWindow) -> Mapping[StaffId, list[TimeWindow]]:
        """Busy time of several staff members at once within `window`; every asked member has a key."""
        ...

    async def create(self, appointment: Appointment, staff: StaffMember, *, idempotency_key: str) -> str:
        """Put the appointment in the staff member's calendar; the same key never creates a second event.

        Returns the calendar's event id.
        """
        ...

    async def move(self, appointment: Appointment, staff: StaffMember, event_id: str) -> str:
        """Move an event to the appointment's (new) window and staff member; returns the event id now holding it."""
        ...

    async def cancel(self, staff: StaffMember, event_id: str) -> None:
        """Remove the event; cancelling one already gone is not an error."""
        ...

    async def upcoming(self, phone: PhoneNumber, now: datetime) -> list[Appointment]:
        """Appointments booked for this customer that start after `now`, soonest first."""
        ...
