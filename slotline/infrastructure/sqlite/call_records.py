"""SqliteCallRecords: call records in the `call_records` and `call_entries` tables of the slotline file."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from slotline.application.ports.call_records import CallRecordNotFound
from slotline.domain.call_record import CallEnding, CallEntry, CallQuery, CallRecord
from slotline.infrastructure.common.call_rows import ENTRY_COLUMNS, entry_from, entry_values, record_from
from slotline.infrastructure.sqlite.database import SqliteDatabase
from slotline.infrastructure.sqlite.epoch import epoch_ms, from_epoch_ms

__all__ = ["SqliteCallRecords"]

_BEGIN = (
    "INSERT INTO call_records (call_id, business, caller, transcripts, started_ms, answered_ms)"
    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (call_id) DO NOTHING"
)
_APPEND = (
    f"INSERT INTO call_entries (call_id, seq, at_ms, {', '.join(ENTRY_COLUMNS)})"
    f" VALUES (?, ?, ?, {', '.join('?' * len(ENTRY_COLUMNS))}) ON CONFLICT (call_id, seq) DO NOTHING"
)
_FINISH = (
    "UPDATE call_records SET ended_ms = ?, outcome = ?, answered_ms = COALESCE(?, answered_ms),"
    " transfer_reason = ?, appointment_id = ? WHERE call_id = ?"
)
_COLUMNS = "call_id, business, caller, transcripts, started_ms, answered_ms, ended_ms, outcome, transfer_reason," + (
    " appointment_id"
)


def _optional(millis: int | None) -> datetime | None:
    return None if millis is None else from_epoch_ms(millis)


def _record(row: sqlite3.Row, entries: tuple[CallEntry, ...] = ()) -> CallRecord:
    return record_from(
        row,
        started_at=from_epoch_ms(row["started_ms"]),
        answered_at=_optional(row["answered_ms"]),
        ended_at=_optional(row["ended_ms"]),
        entries=entries,
    )


class SqliteCallRecords:
    """CallRecords in the slotline SQLite file; each write is its own short transaction."""

    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    async def begin(self, record: CallRecord) -> None:
        """Put a new call on the record; beginning it again changes nothing."""
        params = (
            record.call_id,
            record.business,
            None if record.caller is None else record.caller.e164,
            int(record.transcripts),
            epoch_ms(record.started_at),
            None if record.answered_at is None else epoch_ms(record.answered_at),
        )
        await self._db.write(lambda c: c.execute(_BEGIN, params))

    async def append(self, call_id: str, entry: CallEntry) -> None:
        """Add one entry to a begun call."""
        params = (call_id, entry.seq, epoch_ms(entry.at), *entry_values(entry))

        def work(conn: sqlite3.Connection) -> None:
            try:
                conn.execute(_APPEND, params)
            except sqlite3.IntegrityError as exc:  # the foreign key: no such call
                raise CallRecordNotFound(call_id) from exc

        await self._db.write(work)

    async def finish(self, call_id: str, ending: CallEnding) -> None:
        """Record how the call ended."""
        answered = None if ending.answered_at is None else epoch_ms(ending.answered_at)
        params = (
            epoch_ms(ending.ended_at),
            ending.outcome.value,
            answered,
            ending.transfer_reason,
            ending.appointment_id,
            call_id,
        )

        def work(conn: sqlite3.Connection) -> None:
            if conn.execute(_FINISH, params).rowcount == 0:
                raise CallRecordNotFound(call_id)

        await self._db.write(work)

    async def list(self, query: CallQuery) -> list[CallRecord]:
        """The calls `query` selects, newest first, without entries."""
        where, params = ["1 = 1"], list[str | int]()
        if query.since is not None:
            where.append("started_ms >= ?")
            params.append(epoch_ms(query.since))
        if query.before is not None:
            where.append("started_ms < ?")
            params.append(epoch_ms(query.before))
        if query.outcome is not None:
            where.append("outcome = ?")
            params.append(query.outcome.value)
        if query.caller is not None:
            where.append("caller = ?")
            params.append(query.caller.e164)
        sql = (
            f"SELECT {_COLUMNS} FROM call_records WHERE {' AND '.join(where)}"
            " ORDER BY started_ms DESC, call_id DESC LIMIT ?"
        )
        rows = await self._db.read(lambda c: c.execute(sql, (*params, query.limit)).fetchall())
        return [_record(row) for row in rows]

    async def get(self, call_id: str) -> CallRecord:
        """One call with every entry in order."""

        def work(conn: sqlite3.Connection) -> CallRecord:
            row = conn.execute(f"SELECT {_COLUMNS} FROM call_records WHERE call_id = ?", (call_id,)).fetchone()
            if row is None:
                raise CallRecordNotFound(call_id)
            found = conn.execute("SELECT * FROM call_entries WHERE call_id = ? ORDER BY seq", (call_id,)).fetchall()
            return _record(row, tuple(entry_from(e, from_epoch_ms(e["at_ms"])) for e in found))

        return await self._db.read(work)

    async def purge(self, before: datetime) -> int:
        """Delete the calls that started before `before`, with their entries."""
        cutoff = epoch_ms(before)

        def work(conn: sqlite3.Connection) -> int:
            conn.execute(
                "DELETE FROM call_entries WHERE call_id IN (SELECT call_id FROM call_records WHERE started_ms < ?)",
                (cutoff,),
            )
            return conn.execute("DELETE FROM call_records WHERE started_ms < ?", (cutoff,)).rowcount

        return await self._db.write(work)
