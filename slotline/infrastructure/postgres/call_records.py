"""PostgresCallRecords: call records in the shared database, written by every worker as its calls go."""

from __future__ import annotations

from datetime import datetime

from psycopg import errors

from slotline.application.ports.call_records import CallRecordNotFound
from slotline.domain.call_record import CallEnding, CallEntry, CallQuery, CallRecord
from slotline.infrastructure.common.call_rows import ENTRY_COLUMNS, entry_from, entry_values, record_from
from slotline.infrastructure.postgres.database import Conn, PostgresDatabase

__all__ = ["PostgresCallRecords"]

_BEGIN = (
    "INSERT INTO call_records (call_id, business, caller, transcripts, started_at, answered_at)"
    " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (call_id) DO NOTHING"
)
_APPEND = (
    f"INSERT INTO call_entries (call_id, seq, at, {', '.join(ENTRY_COLUMNS)})"
    f" VALUES (%s, %s, %s, {', '.join(['%s'] * len(ENTRY_COLUMNS))}) ON CONFLICT (call_id, seq) DO NOTHING"
)
_FINISH = (
    "UPDATE call_records SET ended_at = %s, outcome = %s, answered_at = COALESCE(%s, answered_at),"
    " transfer_reason = %s, appointment_id = %s WHERE call_id = %s"
)
_COLUMNS = (
    "call_id, business, caller, transcripts, started_at, answered_at, ended_at, outcome, transfer_reason,"
    " appointment_id"
)


class PostgresCallRecords:
    """CallRecords on the `call_records` and `call_entries` tables; each write is its own transaction."""

    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db

    async def begin(self, record: CallRecord) -> None:
        """Put a new call on the record; beginning it again changes nothing."""
        caller = None if record.caller is None else record.caller.e164
        params = (record.call_id, record.business, caller, record.transcripts, record.started_at, record.answered_at)
        await self._db.write(lambda c: c.execute(_BEGIN, params))

    async def append(self, call_id: str, entry: CallEntry) -> None:
        """Add one entry to a begun call."""
        params = (call_id, entry.seq, entry.at, *entry_values(entry))

        def work(conn: Conn) -> None:
            try:
                conn.execute(_APPEND, params)
            except errors.ForeignKeyViolation as exc:
                raise CallRecordNotFound(call_id) from exc

        await self._db.write(work)

    async def finish(self, call_id: str, ending: CallEnding) -> None:
        """Record how the call ended."""
        params = (
            ending.ended_at,
            ending.outcome.value,
            ending.answered_at,
            ending.transfer_reason,
            ending.appointment_id,
            call_id,
        )

        def work(conn: Conn) -> None:
            if conn.execute(_FINISH, params).rowcount == 0:
                raise CallRecordNotFound(call_id)

        await self._db.write(work)

    async def list(self, query: CallQuery) -> list[CallRecord]:
        """The calls `query` selects, newest first, without entries."""
        where: list[str] = ["true"]
        params: list[object] = []
        if query.since is not None:
            where.append("started_at >= %s")
            params.append(query.since)
        if query.before is not None:
            where.append("started_at < %s")
            params.append(query.before)
        if query.outcome is not None:
            where.append("outcome = %s")
            params.append(query.outcome.value)
        if query.caller is not None:
            where.append("caller = %s")
            params.append(query.caller.e164)
        sql = (
            f"SELECT {_COLUMNS} FROM call_records WHERE {' AND '.join(where)}"
            " ORDER BY started_at DESC, call_id DESC LIMIT %s"
        )
        rows = await self._db.read(lambda c: c.execute(sql.encode(), (*params, query.limit)).fetchall())
        return [_record(row) for row in rows]

    async def get(self, call_id: str) -> CallRecord:
        """One call with every entry in order."""

        def work(conn: Conn) -> CallRecord:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM call_records WHERE call_id = %s".encode(), (call_id,)
            ).fetchone()
            if row is None:
                raise CallRecordNotFound(call_id)
            found = conn.execute("SELECT * FROM call_entries WHERE call_id = %s ORDER BY seq", (call_id,)).fetchall()
            return _record(row, tuple(entry_from(e, e["at"]) for e in found))

        return await self._db.read(work)

    async def purge(self, before: datetime) -> int:
        """Delete the calls that started before `before`, with their entries (ON DELETE CASCADE)."""

        def work(conn: Conn) -> int:
            return conn.execute("DELETE FROM call_records WHERE started_at < %s", (before,)).rowcount

        return await self._db.write(work)


def _record(row: dict[str, object], entries: tuple[CallEntry, ...] = ()) -> CallRecord:
    return record_from(
        row,
        started_at=_instant(row["started_at"]),
        answered_at=_maybe(row["answered_at"]),
        ended_at=_maybe(row["ended_at"]),
        entries=entries,
    )


def _instant(value: object) -> datetime:
    assert isinstance(value, datetime)
    return value


def _maybe(value: object) -> datetime | None:
    return None if value is None else _instant(value)
