"""SqliteOutbox: text messages stored with the booking change that caused them, until a dispatcher sends them."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from slotline.application.ports.outbox import OutboxMessage, OutboxMessageNotDead, OutboxMessageNotFound, OutboxStatus
from slotline.domain.appointment import Appointment
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.sqlite.database import SqliteDatabase
from slotline.infrastructure.sqlite.epoch import ceil_epoch, floor_epoch, from_epoch
from slotline.infrastructure.sqlite.ledger_rows import APPOINTMENT_COLUMNS, appointment_from

_COLUMNS = (
    "id, to_phone, body, dedupe_key, status, attempts, last_error, next_attempt_at, provider_id, created_at,"
    " due_at, reminder_for"
)


def insert_messages(conn: sqlite3.Connection, messages: Sequence[OutboxMessage]) -> None:
    """Enqueue messages on `conn`, inside the caller's transaction; a dedupe key already queued is skipped."""
    conn.executemany(
        f"INSERT INTO outbox ({_COLUMNS}) VALUES ({', '.join('?' * 12)}) ON CONFLICT (dedupe_key) DO NOTHING",
        [
            (
                m.id,
                m.to.e164,
                m.body,
                m.dedupe_key,
                m.status.value,
                m.attempts,
                m.last_error,
                None if m.next_attempt_at is None else ceil_epoch(m.next_attempt_at),
                m.provider_id,
                floor_epoch(m.created_at),
                None if m.due_at is None else ceil_epoch(m.due_at),
                m.reminder_for,
            )
            for m in messages
        ],
    )


_REQUEUE = "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = NULL WHERE status = 'dead' AND id = ?"


def _requeue(conn: sqlite3.Connection, message_ids: Sequence[str]) -> list[OutboxMessage]:
    """Check every id, then requeue them all, inside the caller's write transaction."""
    wanted = list(dict.fromkeys(message_ids))
    found: dict[str, OutboxStatus] = {}
    for message_id in wanted:
        row = conn.execute("SELECT status FROM outbox WHERE id = ?", (message_id,)).fetchone()
        if row is not None:
            found[message_id] = OutboxStatus(row["status"])
    if unknown := [i for i in wanted if i not in found]:
        raise OutboxMessageNotFound(unknown)
    if alive := {i: status for i, status in found.items() if status is not OutboxStatus.DEAD}:
        raise OutboxMessageNotDead(alive)
    conn.executemany(_REQUEUE, [(i,) for i in wanted])
    rows = [conn.execute(f"SELECT {_COLUMNS}, rowid FROM outbox WHERE id = ?", (i,)).fetchone() for i in wanted]
    return [_message(r) for r in sorted(rows, key=lambda r: (r["created_at"], r["rowid"]))]


def _message(row: sqlite3.Row) -> OutboxMessage:
    return OutboxMessage(
        id=row["id"],
        to=PhoneNumber(row["to_phone"]),
        body=row["body"],
        dedupe_key=row["dedupe_key"],
        created_at=from_epoch(row["created_at"]),
        status=OutboxStatus(row["status"]),
        attempts=row["attempts"],
        last_error=row["last_error"],
        next_attempt_at=None if row["next_attempt_at"] is None else from_epoch(row["next_attempt_at"]),
        provider_id=row["provider_id"],
        due_at=None if row["due_at"] is None else from_epoch(row["due_at"]),
        reminder_for=row["reminder_for"],
    )


def delete_unsent_reminders(conn: sqlite3.Connection, appointment_id: str) -> None:
    """Withdraw an appointment's reminders not sent yet, inside the caller's transaction (its move or cancel)."""
    conn.execute("DELETE FROM outbox WHERE reminder_for = ? AND status <> 'sent'", (appointment_id,))


def _reminded(conn: sqlite3.Connection, message_id: str) -> Appointment | None:
    row = conn.execute("SELECT reminder_for FROM outbox WHERE id = ? AND status = 'pending'", (message_id,)).fetchone()
    if row is None or row["reminder_for"] is None:
        return None
    found = conn.execute(
        f"SELECT {APPOINTMENT_COLUMNS} FROM appointments WHERE id = ?", (row["reminder_for"],)
    ).fetchone()
    if found is not None and (appointment := appointment_from(found)).is_live:
        return appointment
    conn.execute("DELETE FROM outbox WHERE id = ?", (message_id,))
    return None


class SqliteOutbox:
    """The outbox table of the slotline database; marking an unknown or already settled message does nothing,
    requeueing one is refused."""

    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    async def due(self, now: datetime, limit: int) -> list[OutboxMessage]:
        """Pending messages whose next attempt is due, oldest first."""
        query = (
            f"SELECT {_COLUMNS} FROM outbox WHERE status = 'pending'"
            " AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY created_at, rowid LIMIT ?"
        )
        rows = await self._db.read(lambda c: c.execute(query, (floor_epoch(now), limit)).fetchall())
        return [_message(r) for r in rows]

    async def claim(self, message_id: str, now: datetime, until: datetime) -> bool:
        """Count an attempt and hide the message until `until`, atomically: two dispatchers never both win."""
        query = (
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?"
            " WHERE id = ? AND status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
        )
        changed = await self._db.write(
            lambda c: c.execute(query, (ceil_epoch(until), message_id, floor_epoch(now))).rowcount
        )
        return bool(changed)

    async def mark_sent(self, message_id: str, provider_id: str, now: datetime) -> None:
        """Record a successful attempt."""
        query = (
            "UPDATE outbox SET status = 'sent', provider_id = ?, sent_at = ?,"
            " next_attempt_at = NULL WHERE id = ? AND status <> 'sent'"
        )
        await self._db.write(lambda c: c.execute(query, (provider_id, floor_epoch(now), message_id)))

    async def mark_failed(self, message_id: str, error: str, *, retry_at: datetime | None, now: datetime) -> None:
        """Record a failed attempt; `retry_at` None makes the message dead."""
        status = OutboxStatus.PENDING if retry_at is not None else OutboxStatus.DEAD
        retry = None if retry_at is None else ceil_epoch(retry_at)
        query = "UPDATE outbox SET status = ?, last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'pending'"
        await self._db.write(lambda c: c.execute(query, (status.value, error, retry, message_id)))

    async def give_up(self, message_id: str, error: str, *, max_attempts: int, now: datetime) -> bool:
        """Make the message dead only if it is still pending with its attempts used up and no lease running."""
        query = (
            "UPDATE outbox SET status = 'dead', last_error = ?, next_attempt_at = NULL"
            " WHERE id = ? AND status = 'pending' AND attempts >= ?"
            " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
        )
        changed = await self._db.write(
            lambda c: c.execute(query, (error, message_id, max_attempts, floor_epoch(now))).rowcount
        )
        return bool(changed)

    async def reminded_appointment(self, message_id: str) -> Appointment | None:
        """The live appointment a claimed reminder is for, or None (and the reminder withdrawn) if it changed.

        A move or cancel deletes the appointment's unsent reminders in its own write transaction, and writes
        serialise, so a reminder still here was queued for the appointment as it is now."""
        return await self._db.write(lambda c: _reminded(c, message_id))

    async def requeue(self, message_ids: Sequence[str]) -> list[OutboxMessage]:
        """Dead messages back to pending, due at once, with fresh attempts; all or none, in one transaction.

        Only dead rows change and a claim takes only pending ones. A message dies only once its last attempt has
        answered or its lease has run out, so no dispatcher is sending it now, and after this commits exactly one
        dispatcher wins the claim on it.
        """
        return await self._db.write(lambda c: _requeue(c, message_ids))

    async def requeue_dead(self, *, since: datetime | None = None) -> list[OutboxMessage]:
        """Every dead message (queued at or after `since`) back to pending, in one transaction."""
        query = "SELECT id FROM outbox WHERE status = 'dead'"
        params: tuple[int, ...] = ()
        if since is not None:  # floor: a message queued within the same second as `since` is included
            query, params = f"{query} AND created_at >= ?", (floor_epoch(since),)

        def work(conn: sqlite3.Connection) -> list[OutboxMessage]:
            return _requeue(conn, [row["id"] for row in conn.execute(query, params).fetchall()])

        return await self._db.write(work)

    async def all(self, status: OutboxStatus | None = None) -> list[OutboxMessage]:
        """Every message (with `status`, when given), oldest first."""
        where, params = ("", ()) if status is None else (" WHERE status = ?", (status.value,))
        query = f"SELECT {_COLUMNS} FROM outbox{where} ORDER BY created_at, rowid"
        rows = await self._db.read(lambda c: c.execute(query, params).fetchall())
        return [_message(r) for r in rows]

    async def enqueue(self, messages: Sequence[OutboxMessage]) -> None:
        """Add messages outside a booking change; a dedupe key already queued is skipped."""
        await self._db.write(lambda c: insert_messages(c, messages))
