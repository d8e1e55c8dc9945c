"""SqliteSmsSender: an SmsSender that sends nothing over the network and keeps every text in the slotline database.

It is what `sms.backend = "local"` runs on.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from uuid import uuid4

from slotline.application.errors import SmsSendFailed
from slotline.application.ports.clock import Clock
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.common.sms_recipient import sms_e164
from slotline.infrastructure.sqlite.database import SqliteDatabase
from slotline.infrastructure.sqlite.epoch import floor_epoch, from_epoch

__all__ = ["SentSms", "SqliteSmsSender"]


@dataclass(frozen=True, slots=True)
class SentSms:
    """One text as the SQLite sender recorded it."""

    id: str
    to: PhoneNumber
    body: str
    dedupe_key: str
    sent_at: datetime


@dataclass(slots=True)
class _Failures:
    remaining: int = 0
    permanent: bool = False
    reason: str = ""


class SqliteSmsSender:
    """Stores each text in `sms_sent`; a dedupe key sent before returns the earlier id; a number no text could reach
    fails for good, as with a real provider.

    `fail_next` makes the next sends raise SmsSendFailed, so the dispatcher's failure paths run on a real adapter.
    """

    def __init__(self, db: SqliteDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._failures = _Failures()

    def fail_next(self, count: int, *, permanent: bool = False, reason: str = "simulated outage") -> None:
        """Make the next `count` sends fail (temporarily unless `permanent`) without recording anything."""
        self._failures = _Failures(count, permanent, reason)

    async def send(self, to: PhoneNumber, body: str, *, dedupe_key: str) -> str:
        """Record the text; returns its id (the earlier one for a dedupe key already sent)."""
        failures = self._failures
        if failures.remaining > 0:
            failures.remaining -= 1
            raise SmsSendFailed(failures.reason, permanent=failures.permanent)
        number = sms_e164(to)  # refused like a real provider would, with the reason the outbox keeps
        new_id = uuid4().hex
        params = (new_id, number, body, dedupe_key, floor_epoch(self._clock.now()))

        def work(conn: sqlite3.Connection) -> str:
            conn.execute(
                "INSERT INTO sms_sent (id, to_phone, body, dedupe_key, sent_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (dedupe_key) DO NOTHING",
                params,
            )
            row = conn.execute("SELECT id FROM sms_sent WHERE dedupe_key = ?", (dedupe_key,)).fetchone()
            return str(row["id"])

        return await self._db.write(work)

    async def sent(self) -> list[SentSms]:
        """Every text recorded, oldest first."""
        query = "SELECT id, to_phone, body, dedupe_key, sent_at FROM sms_sent ORDER BY sent_at, rowid"
        rows = await self._db.read(lambda c: c.execute(query).fetchall())
        return [
            SentSms(r["id"], PhoneNumber(r["to_phone"]), r["body"], r["dedupe_key"], from_epoch(r["sent_at"]))
            for r in rows
        ]
