"""Call records as table rows, for the SQLite and PostgreSQL adapters: the same columns, different time types."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from slotline.domain.call_record import CallEntry, CallRecord, CallResult, EntryKind, TurnTimings
from slotline.domain.phone import PhoneNumber

__all__ = ["ENTRY_COLUMNS", "Row", "entry_from", "entry_values", "record_from"]

ENTRY_COLUMNS = (
    "kind",
    "text",
    "understood",
    "recognised_ms",
    "decided_ms",
    "first_audio_ms",
    "duration_ms",
    "error",
)
"""The `call_entries` columns besides call_id, seq and the time, in the order `entry_values` gives them."""


class Row(Protocol):
    """A result row read by column name (sqlite3.Row, psycopg's dict rows)."""

    def __getitem__(self, key: str, /) -> Any: ...


def entry_values(entry: CallEntry) -> tuple[str | int | None, ...]:
    timings = entry.timings or TurnTimings()
    return (
        entry.kind.value,
        entry.text,
        entry.understood,
        timings.recognised_ms,
        timings.decided_ms,
        timings.first_audio_ms,
        entry.duration_ms,
        entry.error,
    )


def entry_from(row: Row, at: datetime) -> CallEntry:
    split = (row["recognised_ms"], row["decided_ms"], row["first_audio_ms"])
    return CallEntry(
        seq=row["seq"],
        at=at,
        kind=EntryKind(row["kind"]),
        text=row["text"],
        understood=row["understood"],
        timings=None if split == (None, None, None) else TurnTimings(*split),
        duration_ms=row["duration_ms"],
        error=row["error"],
    )


def record_from(
    row: Row,
    *,
    started_at: datetime,
    answered_at: datetime | None,
    ended_at: datetime | None,
    entries: tuple[CallEntry, ...] = (),
) -> CallRecord:
    return CallRecord(
        call_id=row["call_id"],
        started_at=started_at,
        caller=None if row["caller"] is None else PhoneNumber(row["caller"]),
        business=row["business"],
        transcripts=bool(row["transcripts"]),
        answered_at=answered_at,
        ended_at=ended_at,
        outcome=None if row["outcome"] is None else CallResult(row["outcome"]),
        transfer_reason=row["transfer_reason"],
        appointment_id=row["appointment_id"],
        entries=entries,
    )
