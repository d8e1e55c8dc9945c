"""The ledger's write transactions, run synchronously on a connection already inside a transaction.

Each takes a transaction-scoped advisory lock on its idempotency key first, so a repeated request waits for the
first and returns what it wrote, then one on the staff member whose time it reserves (see guard.staff_lock).
Expired holds of the staff member are deleted in the same transaction before the insert or move, so the exclusion
constraint (which knows nothing of time) never sees a hold that has lapsed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import uuid4

from slotline.application.errors import AppointmentNotFound, HoldExpired
from slotline.application.ports.outbox import OutboxMessage
from slotline.domain.appointment import Appointment, AppointmentStatus, Hold
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.postgres.database import Conn
from slotline.infrastructure.postgres.guard import guarded, key_lock, staff_lock
from slotline.infrastructure.postgres.ledger_rows import (
    APPOINTMENT_COLUMNS,
    HOLD_COLUMNS,
    appointment_from,
    appointment_params,
    hold_from,
    hold_params,
)
from slotline.infrastructure.postgres.outbox import delete_unsent_reminders, insert_messages

__all__ = ["book", "cancel", "load", "move", "take_hold"]

_INSERT_APPOINTMENT = f"INSERT INTO appointments ({APPOINTMENT_COLUMNS}) VALUES ({', '.join(['%s'] * 14)})"
_INSERT_HOLD = f"INSERT INTO holds ({HOLD_COLUMNS}) VALUES ({', '.join(['%s'] * 11)})"
_MOVE = (
    "UPDATE appointments SET staff_id = %s, service_id = %s, starts_at = %s, ends_at = %s, occupied_start = %s,"
    " occupied_end = %s, updated_at = %s WHERE id = %s"
)


def load(conn: Conn, appointment_id: str, *, for_update: bool = False) -> Appointment:
    """The appointment with this id (row-locked until the transaction ends, if asked), or AppointmentNotFound."""
    lock = " FOR UPDATE" if for_update else ""
    query = f"SELECT {APPOINTMENT_COLUMNS} FROM appointments WHERE id = %s{lock}"
    row = conn.execute(query, (appointment_id,)).fetchone()
    if row is None:
        raise AppointmentNotFound(appointment_id)
    return appointment_from(row)


def _purge_expired_holds(conn: Conn, staff_id: str, now: datetime, key: str | None = None) -> None:
    """Delete the staff member's holds that lapsed by `now` (and the lapsed hold of `key`, whoever it was for)."""
    conn.execute("DELETE FROM holds WHERE expires_at <= %s AND (staff_id = %s OR key = %s)", (now, staff_id, key))


def _consume_hold(conn: Conn, hold_id: str, now: datetime) -> None:
    gone = conn.execute("DELETE FROM holds WHERE id = %s AND expires_at > %s", (hold_id, now))
    if gone.rowcount == 0:
        raise HoldExpired(hold_id)


def _change_seen(conn: Conn, key: str) -> Appointment | None:
    row = conn.execute("SELECT appointment_id FROM appointment_changes WHERE key = %s", (key,)).fetchone()
    return None if row is None else load(conn, row["appointment_id"])


def _record_change(conn: Conn, key: str, appointment_id: str, kind: str, now: datetime) -> None:
    conn.execute(
        "INSERT INTO appointment_changes (key, appointment_id, kind, created_at) VALUES (%s, %s, %s, %s)",
        (key, appointment_id, kind, now),
    )


def take_hold(
    conn: Conn,
    slot: Slot,
    occupied: TimeWindow,
    key: str,
    now: datetime,
    expires_at: datetime,
    replacing: str | None,
) -> Hold:
    """Insert a hold (not blocked by the appointment it is `replacing`), or return the live one this key made."""
    key_lock(conn, f"hold:{key}")
    staff_lock(conn, slot.staff_id)
    _purge_expired_holds(conn, slot.staff_id, now, key)
    row = conn.execute(f"SELECT {HOLD_COLUMNS} FROM holds WHERE key = %s", (key,)).fetchone()
    if row is not None:
        return hold_from(row)
    hold = Hold(uuid4().hex, slot, occupied, expires_at, key)
    guarded(conn, _INSERT_HOLD, hold_params(hold, now, replacing), slot)
    return hold


def book(
    conn: Conn,
    appointment: Appointment,
    occupied: TimeWindow,
    key: str,
    now: datetime,
    hold_id: str | None,
    outbox: Sequence[OutboxMessage],
) -> Appointment:
    """Consume the hold (deleted first, so the guard does not see it), insert the booking, enqueue its messages."""
    key_lock(conn, f"book:{key}")
    query = f"SELECT {APPOINTMENT_COLUMNS} FROM appointments WHERE idempotency_key = %s"
    row = conn.execute(query, (key,)).fetchone()
    if row is not None:
        return appointment_from(row)
    staff_lock(conn, appointment.staff_id)
    if hold_id is not None:
        _consume_hold(conn, hold_id, now)
    _purge_expired_holds(conn, appointment.staff_id, now)
    guarded(conn, _INSERT_APPOINTMENT, appointment_params(appointment, occupied, key, now), appointment.slot)
    insert_messages(conn, outbox)
    return load(conn, appointment.id)


def move(
    conn: Conn,
    appointment_id: str,
    slot: Slot,
    occupied: TimeWindow,
    key: str,
    now: datetime,
    hold_id: str | None,
    outbox: Sequence[OutboxMessage],
) -> Appointment:
    """Update the one record in place (the guard checks the new window against everyone but itself); the reminders
    not sent yet go, the messages given (new reminders among them) come."""
    key_lock(conn, f"change:{key}")
    seen = _change_seen(conn, key)
    if seen is not None:
        return seen
    if not load(conn, appointment_id, for_update=True).is_live:
        raise AppointmentNotFound(appointment_id)
    staff_lock(conn, slot.staff_id)
    if hold_id is not None:
        _consume_hold(conn, hold_id, now)
    _purge_expired_holds(conn, slot.staff_id, now)
    window = slot.window
    params = (
        slot.staff_id,
        slot.service_id,
        window.start,
        window.end,
        occupied.start,
        occupied.end,
        now,
        appointment_id,
    )
    guarded(conn, _MOVE, params, slot)
    _record_change(conn, key, appointment_id, "move", now)
    delete_unsent_reminders(conn, appointment_id)
    insert_messages(conn, outbox)
    return load(conn, appointment_id)


def cancel(conn: Conn, appointment_id: str, key: str, now: datetime, outbox: Sequence[OutboxMessage]) -> Appointment:
    """Mark the booking cancelled, withdraw its unsent reminders and enqueue its messages; one already cancelled
    enqueues nothing."""
    key_lock(conn, f"change:{key}")
    seen = _change_seen(conn, key)
    if seen is not None:
        return seen
    if load(conn, appointment_id, for_update=True).is_live:
        conn.execute(
            "UPDATE appointments SET status = %s, updated_at = %s WHERE id = %s",
            (AppointmentStatus.CANCELLED.value, now, appointment_id),
        )
        delete_unsent_reminders(conn, appointment_id)
        insert_messages(conn, outbox)
    _record_change(conn, key, appointment_id, "cancel", now)
    return load(conn, appointment_id)
