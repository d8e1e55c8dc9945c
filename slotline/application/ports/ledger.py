from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from slotline.application.ports.outbox import OutboxMessage
from slotline.domain.appointment import Appointment, Hold
from slotline.domain.ids import StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow


class SlotLedger(Protocol):
    """slotline's own record of holds and bookings. It makes double booking impossible, even with
    concurrent writers in several processes: overlapping occupied windows for one staff member are refused
    by the store itself, as are two live holds on the same time.

    Errors: SlotNoLongerAvailable (someone else has it), HoldExpired, AppointmentNotFound, StorageUnavailable.
    """

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
        """Reserve a slot. The same key returns the same live hold instead of a second one.

        `replacing` names an appointment being moved: its own time does not block the hold.
        """
        ...

    async def release(self, hold_id: str) -> None:
        """Drop a hold; releasing one already gone is not an error."""
        ...

    async def live_holds(self, staff: Sequence[StaffId], window: TimeWindow, now: datetime) -> list[Hold]: ...

    async def appointments(self, staff: Sequence[StaffId], window: TimeWindow) -> list[Appointment]:
        """Live (held or confirmed) appointments whose window meets `window`."""
        ...

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
        """Record a confirmed booking, consume the hold and enqueue its messages in one transaction.

        A key seen before returns the booking it made, and enqueues nothing again.
        """
        ...

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
        """Move one booking to a new slot in place (no gap in which another caller can take it)."""
        ...

    async def cancel(self, appointment_id: str, *, key: str, outbox: Sequence[OutboxMessage]) -> Appointment: ...

    async def get(self, appointment_id: str) -> Appointment: ...

    async def set_external_id(self, appointment_id: str, event_id: str) -> None: ...

    async def for_customer(self, phone: PhoneNumber) -> list[Appointment]:
        """All of a customer's bookings, any status, soonest first."""
        ...

    async def all(self) -> list[Appointment]: ...
