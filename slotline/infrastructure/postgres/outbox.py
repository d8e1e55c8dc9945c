"""PostgresOutbox: texts stored with the booking change that caused them, claimed by dispatchers in any process."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from slotline.application.ports.outbox import OutboxMessage, OutboxMessageNotDead, OutboxMessageNotFound, OutboxStatus
from slotline.domain.appointment import Appointment
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.postgres.database import Conn, PostgresDatabase
from slotline.infrastructure.postgres.ledger_rows import APPOINTMENT_COLUMNS, Row, appointment_from

__all__ = ["PostgresOutbox", "delete_unsent_reminders", "insert_messages"]

_COLUMNS = (
    "id, to_phone, body, dedupe_key, status, attempts, last_error, next_attempt_at, provider_id, created_at,"
    " due_at, reminder_for"
)
_DUE = "status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= %(now)s)"
_CLAIM = (
    "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = %(until)s"
    f" WHERE id = (SELECT id FROM outbox WHERE id = %(id)s AND {_DUE} FOR UPDATE SKIP LOCKED)"
)
"""A lease: the claimer's row lock is skipped, not waited for, by every other claimer; once committed the row is
hidden until `until` because it is no longer due. A dispatcher that dies mid-send leaves the lease to run out."""


def insert_messages(conn: Conn, messages: Sequence[OutboxMessage]) -> None:
    """Enqueue messages on `conn`, inside the caller's transaction; a dedupe key already queued is skipped."""
    if not messages:
        return
    with conn.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO outbox ({_COLUMNS}) VALUES ({', '.join(['%s'] * 12)}) ON CONFLICT (dedupe_key) DO NOTHING",
            [
                (
                    m.id,
                    m.to.e164,
                    m.body,
                    m.dedupe_key,
                    m.status.value,
                    m.attempts,
                    m.last_error,
                    m.next_attempt_at,
                    m.provider_id,
                    m.created_at,
                    m.due_at,
                    m.reminder_for,
                )
                for m in messages
            ],
        )


def _requeue(conn: Conn, message_ids: Sequence[str]) -> list[OutboxMessage]:
    """Check every id, then requeue them all, inside the caller's transaction (rows locked while checked)."""
    wanted = list(dict.fromkeys(message_ids))
    rows = conn.execute(
        'SELECT id, status FROM outbox WHERE id = ANY(%s) ORDER BY id COLLATE "C" FOR UPDATE', (wanted,)
    ).fetchall()
    found = {r["id"]: OutboxStatus(r["status"]) for r in rows}
    if unknown := [i for i in wanted if i not in found]:
        raise OutboxMessageNotFound(unknown)
    if alive := {i: found[i] for i in wanted if found[i] is not OutboxStatus.DEAD}:
        raise OutboxMessageNotDead(alive)
    conn.execute(
        "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = NULL WHERE id = ANY(%s)", (wanted,)
    )
    query = f"SELECT {_COLUMNS} FROM outbox WHERE id = ANY(%s) ORDER BY created_at, seq"
    return [_message(r) for r in conn.execute(query, (wanted,)).fetchall()]


def _message(row: Row) -> OutboxMessage:
    return OutboxMessage(
        id=row["id"],
        to=PhoneNumber(row["to_phone"]),
        body=row["body"],
        dedupe_key=row["dedupe_key"],
        created_at=row["created_at"],
        status=OutboxStatus(row["status"]),
        attempts=row["attempts"],
        last_error=row["last_error"],
        next_attempt_at=row["next_attempt_at"],
        provider_id=row["provider_id"],
        due_at=row["due_at"],
        reminder_for=row["reminder_for"],
    )


def delete_unsent_reminders(conn: Conn, appointment_id: str) -> None:
    """Withdraw an appointment's reminders not sent yet, inside the caller's transaction (its move or cancel, which
    holds the appointment's row lock)."""
    conn.execute("DELETE FROM outbox WHERE reminder_for = %s AND status <> 'sent'", (appointment_id,))


def _reminded(conn: Conn, message_id: str) -> Appointment | None:
    """Lock the appointment row first (a move or cancel holds it while it deletes reminders), then look again."""
    row = conn.execute("SELECT reminder_for FROM outbox WHERE id = %s", (message_id,)).fetchone()
    if row is None or row["reminder_for"] is None:
        return None
    query = f"SELECT {APPOINTMENT_COLUMNS} FROM appointments WHERE id = %s FOR SHARE"
    found = conn.execute(query, (row["reminder_for"],)).fetchone()
    still = conn.execute("SELECT 1 FROM outbox WHERE id = %s AND status = 'pending'", (message_id,)).fetchone()
    if still is None:
        return None
    if found is not None and (appointment := appointment_from(found)).is_live:
        return appointment
    conn.execute("DELETE FROM outbox WHERE id = %s", (message_id,))
    return None


class PostgresOutbox:
    """The outbox table; marking an unknown or already settled message does nothing, requeueing one is refused."""

    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db

    async def due(self, now: datetime, limit: int) -> list[OutboxMessage]:
        """Pending messages whose next attempt is due, oldest first."""
        query = f"SELECT {_COLUMNS} FROM outbox WHERE {_DUE} ORDER BY created_at, seq LIMIT %(limit)s"
        rows = await self._db.read(lambda c: c.execute(query, {"now": now, "limit": limit}).fetchall())
        return [_message(r) for r in rows]

    async def claim(self, message_id: str, now: datetime, until: datetime) -> bool:
        """Count an attempt and hide the message until `until`, atomically: two dispatchers never both win."""
        params = {"id": message_id, "now": now, "until": until}
        changed = await self._db.write(lambda c: c.execute(_CLAIM, params).rowcount)
        return bool(changed)

    async def mark_sent(self, message_id: str, provider_id: str, now: datetime) -> None:
        """Record a successful attempt."""
        query = (
            "UPDATE outbox SET status = 'sent', provider_id = %s, sent_at = %s, next_attempt_at = NULL"
            " WHERE id = %s AND status <> 'sent'"
        )
        await self._db.write(lambda c: c.execute(query, (provider_id, now, message_id)))

    async def mark_failed(self, message_id: str, error: str, *, retry_at: datetime | None, now: datetime) -> None:
        """Record a failed attempt; `retry_at` None makes the message dead."""
        status = OutboxStatus.PENDING if retry_at is not None else OutboxStatus.DEAD
        query = (
            "UPDATE outbox SET status = %s, last_error = %s, next_attempt_at = %s WHERE id = %s AND status = 'pending'"
        )
        await self._db.write(lambda c: c.execute(query, (status.value, error, retry_at, message_id)))

    async def give_up(self, message_id: str, error: str, *, max_attempts: int, now: datetime) -> bool:
        """Make the message dead only if it is still pending with its attempts used up and no lease running."""
        query = (
            "UPDATE outbox SET status = 'dead', last_error = %(error)s, next_attempt_at = NULL"
            f" WHERE id = %(id)s AND attempts >= %(max)s AND {_DUE}"
        )
        params = {"error": error, "id": message_id, "max": max_attempts, "now": now}
        changed = await self._db.write(lambda c: c.execute(query, params).rowcount)
        return bool(changed)

    async def reminded_appointment(self, message_id: str) -> Appointment | None:
        """The live appointment a claimed reminder is for, or None (and the reminder withdrawn) if it changed."""
        return await self._db.write(lambda c: _reminded(c, message_id))

    async def requeue(self, message_ids: Sequence[str]) -> list[OutboxMessage]:
        """Dead messages back to pending, due at once, with fresh attempts; all or none, in one transaction.

        Only dead rows change and a claim takes only pending ones, so after this commits exactly one dispatcher
        wins the claim on each.
        """
        return await self._db.write(lambda c: _requeue(c, message_ids))

    async def requeue_dead(self, *, since: datetime | None = None) -> list[OutboxMessage]:
        """Every dead message (queued at or after `since`, to the second) back to pending, in one transaction."""
        query = "SELECT id FROM outbox WHERE status = 'dead'"
        params: tuple[datetime, ...] = ()
        if since is not None:  # floor: a message queued within the same second as `since` is included
            query, params = f"{query} AND created_at >= %s", (since.replace(microsecond=0),)

        def work(conn: Conn) -> list[OutboxMessage]:
            return _requeue(conn, [row["id"] for row in conn.execute(query, params).fetchall()])

        return await self._db.write(work)

    async def all(self, status: OutboxStatus | None = None) -> list[OutboxMessage]:
        """Every message (with `status`, when given), oldest first."""
        where, params = ("", ()) if status is None else (" WHERE status = %s", (status.value,))
        query = f"SELECT {_COLUMNS} FROM outbox{where} ORDER BY created_at, seq"
        rows = await self._db.read(lambda c: c.execute(query, params).fetchall())
        return [_message(r) for r in rows]

    async def enqueue(self, messages: Sequence[OutboxMessage]) -> None:
        """Add messages outside a booking change; a dedupe key already queued is skipped."""
        await self._db.write(lambda c: insert_messages(c, messages))
