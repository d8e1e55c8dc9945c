"""The ledger's write transactions, run synchronously on a connection already inside BEGIN IMMEDIATE."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime
from uuid import uuid4

from slotline.application.errors import AppointmentNotFound, HoldExpired
from slotline.application.ports.outbox import OutboxMessage
from slotline.domain.appointment import Appointment, AppointmentStatus, Hold
from slotline.domain.errors import InvalidValue, SlotNoLongerAvailable
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.sqlite.epoch import floor_epoch
from slotline.infrastructure.sqlite.guard import is_overlap
from slotline.infrastructure.sqlite.ledger_rows import (
    APPOINTMENT_COLUMNS,
    HOLD_COLUMNS,
    Param,
    appointment_from,
    appointment_params,
    hold_from,
    hold_params,
    span,
)
from slotline.infrastructure.sqlite.outbox import delete_unsent_reminders, insert_messages

_INSERT_APPOINTMENT = f"INSERT INTO appointments ({APPOINTMENT_COLUMNS}) VALUES ({', '.join('?' * 14)})"
_INSERT_HOLD = f"INSERT INTO holds ({HOLD_COLUMNS}, replacing) VALUES ({', '.join('?' * 11)})"
_MOVE = (
    "UPDATE appointments SET staff_id = ?, service_id = ?, start = ?, end = ?, occupied_start = ?, occupied_end = ?,"
    " updated_at = ? WHERE id = ?"
)


def _guarded(conn: sqlite3.Connection, sql: str, params: Sequence[Param], slot: Slot) -> None:
    """Execute a write the overlap guard may refuse, in the domain's words."""
    try:
        conn.execute(sql, params)
    except sqlite3.IntegrityError as exc:
        if is_overlap(exc):
            raise SlotNoLongerAvailable(slot) from exc
        raise InvalidValue(f"the ledger refused the record: {exc}") from exc


def load(conn: sqlite3.Connection, appointment_id: str) -> Appointment:
    """The appointment with this id, or AppointmentNotFound."""
    row = conn.execute(f"SELECT {APPOINTMENT_COLUMNS} FROM appointments WHERE id = ?", (appointment_id,)).fetchone()
    if row is None:
        raise AppointmentNotFound(appointment_id)
    return appointment_from(row)


def _purge_expired_holds(conn: sqlite3.Connection, now: datetime) -> None:
    conn.execute("DELETE FROM holds WHERE expires_at <= ?", (floor_epoch(now),))


def _consume_hold(conn: sqlite3.Connection, hold_id: str, now: datetime) -> None:
    gone = conn.execute("DELETE FROM holds WHERE id = ? AND expires_at > ?", (hold_id, floor_epoch(now)))
    if gone.rowcount == 0:
        raise HoldExpired(hold_id)


def _change_seen(conn: sqlite3.Connection, key: str) -> Appointment | None:
    row = conn.execute("SELECT appointment_id FROM appointment_changes WHERE key = ?", (key,)).fetchone()
    return None if row is None else load(conn, row["appointment_id"])


def _record_change(conn: sqlite3.Connection, key: str, appointment_id: str, kind: str, now: datetime) -> None:
    conn.execute(
        "INSERT INTO appointment_changes (key, appointment_id, kind, created_at) VALUES (?, ?, ?, ?)",
        (key, appointment_id, kind, floor_epoch(now)),
    )


def take_hold(
    conn: sqlite3.Connection,
    slot: Slot,
    occupied: TimeWindow,
    key: str,
    now: datetime,
    expires_at: datetime,
    replacing: str | None,
) -> Hold:
    """Insert a hold (not blocked by the appointment it is `replacing`), or return the live one this key made."""
    _purge_expired_holds(conn, now)
    row = conn.execute(f"SELECT {HOLD_COLUMNS} FROM holds WHERE key = ?", (key,)).fetchone()
    if row is None:
        hold_id = uuid4().hex
        _guarded(conn, _INSERT_HOLD, hold_params(Hold(hold_id, slot, occupied, expires_at, key), now, replacing), slot)
        row = conn.execute(f"SELECT {HOLD_COLUMNS} FROM holds WHERE id = ?", (hold_id,)).fetchone()
    return hold_from(row)


def book(
    conn: sqlite3.Connection,
    appointment: Appointment,
    occupied: TimeWindow,
    key: str,
    now: datetime,
    hold_id: str | None,
    outbox: Sequence[OutboxMessage],
) -> Appointment:
    """Consume the hold (deleted first, so the guard does not see it), insert the booking, enqueue its messages."""
    row = conn.execute(f"SELECT {APPOINTMENT_COLUMNS} FROM appointments WHERE idempotency_key = ?", (key,)).fetchone()
    if row is not None:
        return appointment_from(row)
    if hold_id is not None:
        _consume_hold(conn, hold_id, now)
    _purge_expired_holds(conn, now)
    _guarded(conn, _INSERT_APPOINTMENT, appointment_params(appointment, occupied, key, now), appointment.slot)
    insert_messages(conn, outbox)
    return load(conn, appointment.id)


def move(
    conn: sqlite3.Connection,
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
    seen = _change_seen(conn, key)
    if seen is not None:
        return seen
    if not load(conn, appointment_id).is_live:
        raise AppointmentNotFound(appointment_id)
    if hold_id is not None:
        _consume_hold(conn, hold_id, now)
    _purge_expired_holds(conn, now)
    params = (slot.staff_id, slot.service_id, *span(slot.window), *span(occupied), floor_epoch(now), appointment_id)
    _guarded(conn, _MOVE, params, slot)
    _record_change(conn, key, appointment_id, "move", now)
    delete_unsent_reminders(conn, appointment_id)
    insert_messages(conn, outbox)
    return load(conn, appointment_id)


def cancel(
    conn: sqlite3.Connection, appointment_id: str, key: str, now: datetime, outbox: Sequence[OutboxMessage]
) -> Appointment:
    """Mark the booking cancelled, withdraw its unsent reminders and enqueue its messages; one already cancelled
    enqueues nothing."""
    seen = _change_seen(conn, key)
    if seen is not None:
        return seen
    if load(conn, appointment_id).is_live:
        conn.execute(
            "UPDATE appointments SET status = ?, updated_at = ? WHERE id = ?",
            (AppointmentStatus.CANCELLED.value, floor_epoch(now), appointment_id),
        )
        delete_unsent_reminders(conn, appointment_id)
        insert_messages(conn, outbox)
    _record_change(conn, key, appointment_id, "cancel", now)
    return load(conn, appointment_id)
