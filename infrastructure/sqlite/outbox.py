"""SqliteOutbox: text messages stored with the booking change that caused them, until a dispatcher sends them."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from application.ports.outbox import OutboxMessage, OutboxStatus
from domain.phone import PhoneNumber
from infrastructure.sqlite.database import SqliteDatabase
from infrastructure.sqlite.epoch import ceil_epoch, floor_epoch, from_epoch

_COLUMNS = "id, to_phone, body, dedupe_key, status, attempts, last_error, next_attempt_at, provider_id, created_at"


def insert_messages(conn: sqlite3.Connection, messages: Sequence[OutboxMessage]) -> None:
    """Enqueue messages on `conn`, inside the caller's transaction; a dedupe key already queued is skipped."""
    conn.executemany(
        f"INSERT INTO outbox ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING",
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
            )
            for m in messages
        ],
    )


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
    )


class SqliteOutbox:
    """The outbox table of the slotline database; marking an unknown or already settled message does nothing."""

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

    async def all(self) -> list[OutboxMessage]:
        """Every message, oldest first."""
        rows = await self._db.read(
            lambda c: c.execute(f"SELECT {_COLUMNS} FROM outbox ORDER BY created_at, rowid").fetchall()
        )
        return [_message(r) for r in rows]

    async def enqueue(self, messages: Sequence[OutboxMessage]) -> None:
        """Add messages outside a booking change; a dedupe key already queued is skipped."""
        await self._db.write(lambda c: insert_messages(c, messages))
