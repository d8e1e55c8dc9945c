"""InMemoryStore: the records the in-memory ledger and outbox share, and the double-booking guard over them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import count

from slotline.application.ports.outbox import OutboxMessage, OutboxStatus
from slotline.domain.appointment import Appointment, Hold
from slotline.domain.errors import InvalidValue, SlotNoLongerAvailable
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow


@dataclass(frozen=True, slots=True)
class StoredAppointment:
    appointment: Appointment
    occupied: TimeWindow
    key: str


@dataclass(frozen=True, slots=True)
class StoredHold:
    hold: Hold
    replacing: str | None


class InMemoryStore:
    """One process's bookings, holds and outbox. Every write checks first and changes after, with no await between,
    so a refused write leaves nothing behind and two writers on one event loop never interleave.

    Like the SQLite store, a reservation is a live appointment or an unexpired hold, and for one staff member no two
    reservations' occupied windows (buffers included) may overlap; an appointment and the hold taken to move it do
    not block each other.
    """

    def __init__(self) -> None:
        self.appointments: dict[str, StoredAppointment] = {}
        self.holds: dict[str, StoredHold] = {}
        self.changes: dict[str, str] = {}  # move and cancel keys -> the appointment they changed
        self.messages: dict[str, OutboxMessage] = {}  # by id, in the order they were queued
        self._hold_numbers = count(1)

    def new_hold_id(self) -> str:
        return f"hold-{next(self._hold_numbers)}"

    def purge_expired_holds(self, now: datetime) -> None:
        for hold_id in [i for i, h in self.holds.items() if h.hold.expires_at <= now]:
            del self.holds[hold_id]

    def ensure_free(
        self,
        slot: Slot,
        occupied: TimeWindow,
        now: datetime,
        *,
        appointment_id: str | None = None,
        replacing: str | None = None,
        ignore_hold: str | None = None,
    ) -> None:
        """SlotNoLongerAvailable unless `occupied` is free for `slot`'s staff member, apart from the writer's own
        records: the appointment being written or moved, and the hold it consumes."""
        mine = {appointment_id, replacing} - {None}
        for stored in self.appointments.values():
            a = stored.appointment
            if a.staff_id == slot.staff_id and a.is_live and a.id not in mine and stored.occupied.overlaps(occupied):
                raise SlotNoLongerAvailable(slot)
        for held in self.holds.values():
            h = held.hold
            if (
                h.slot.staff_id == slot.staff_id
                and h.id != ignore_hold
                and h.expires_at > now
                and (appointment_id is None or held.replacing != appointment_id)
                and h.occupied.overlaps(occupied)
            ):
                raise SlotNoLongerAvailable(slot)

    def live_hold(self, hold_id: str, now: datetime) -> Hold | None:
        held = self.holds.get(hold_id)
        return held.hold if held is not None and held.hold.expires_at > now else None

    def check_messages(self, messages: Sequence[OutboxMessage]) -> None:
        """InvalidValue if a message reuses the id of another (a known dedupe key is fine: it is skipped)."""
        known = {m.dedupe_key for m in self.messages.values()}
        for m in messages:
            other = self.messages.get(m.id)
            if other is not None and m.dedupe_key not in known:
                raise InvalidValue(f"outbox message id {m.id!r} is already taken by {other.dedupe_key!r}")

    def add_messages(self, messages: Sequence[OutboxMessage]) -> None:
        """Queue messages checked by `check_messages`; a dedupe key already queued is skipped."""
        for m in messages:
            if all(m.dedupe_key != known.dedupe_key for known in self.messages.values()):
                self.messages[m.id] = m

    def delete_unsent_reminders(self, appointment_id: str) -> None:
        """Withdraw an appointment's reminders not sent yet (its move or cancel)."""
        for m in list(self.messages.values()):
            if m.reminder_for == appointment_id and m.status is not OutboxStatus.SENT:
                del self.messages[m.id]

    def ordered_messages(self) -> list[OutboxMessage]:
        """Every message, oldest first (queue order among equals)."""
        return sorted(self.messages.values(), key=lambda m: m.created_at)
