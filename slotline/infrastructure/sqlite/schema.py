"""The tables of the one slotline database file, and the versioned migration that creates them.

Every time column holds integer epoch seconds (UTC), except the call records' `*_ms` columns (epoch milliseconds:
turns are a fraction of a second apart); the `agenda` view shows appointments as readable UTC text.
Phone numbers are E.164 text. Add a version by appending to MIGRATIONS; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3

from slotline.application.errors import StorageUnavailable
from slotline.infrastructure.sqlite.guard import GUARD_TRIGGERS

_RESERVATION = """
    staff_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    occupied_start INTEGER NOT NULL,
    occupied_end INTEGER NOT NULL,
    CHECK (start < end AND occupied_start <= start AND end <= occupied_end)"""

_V1: tuple[str, ...] = (
    f"""CREATE TABLE appointments (
    id TEXT PRIMARY KEY,
    customer_phone TEXT NOT NULL CHECK (customer_phone GLOB '+[1-9]*'),
    customer_name TEXT,
    status TEXT NOT NULL CHECK (status IN ('held', 'confirmed', 'cancelled')),
    external_event_id TEXT,
    idempotency_key TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,{_RESERVATION})""",
    "CREATE INDEX appointments_by_staff ON appointments (staff_id, occupied_start)",
    "CREATE INDEX appointments_by_phone ON appointments (customer_phone, start)",
    f"""CREATE TABLE holds (
    id TEXT PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    replacing TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,{_RESERVATION})""",
    "CREATE INDEX holds_by_staff ON holds (staff_id, occupied_start)",
    "CREATE INDEX holds_by_expiry ON holds (expires_at)",
    """CREATE TABLE appointment_changes (
    key TEXT PRIMARY KEY,
    appointment_id TEXT NOT NULL REFERENCES appointments (id),
    kind TEXT NOT NULL CHECK (kind IN ('move', 'cancel')),
    created_at INTEGER NOT NULL)""",
    """CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    to_phone TEXT NOT NULL CHECK (to_phone GLOB '+[1-9]*'),
    body TEXT NOT NULL,
    dedupe_key TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    next_attempt_at INTEGER,
    provider_id TEXT,
    created_at INTEGER NOT NULL,
    sent_at INTEGER)""",
    "CREATE INDEX outbox_due ON outbox (status, next_attempt_at)",
    """CREATE TABLE calendar_events (
    id TEXT PRIMARY KEY,
    staff_id TEXT NOT NULL,
    calendar_id TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL CHECK (start < end),
    subject TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    customer_phone TEXT,
    customer_name TEXT,
    appointment_id TEXT,
    service_id TEXT,
    idempotency_key TEXT UNIQUE,
    slotline INTEGER NOT NULL DEFAULT 0 CHECK (slotline IN (0, 1)),
    created_at INTEGER NOT NULL)""",
    "CREATE INDEX calendar_events_by_staff ON calendar_events (staff_id, start)",
    "CREATE INDEX calendar_events_by_phone ON calendar_events (customer_phone, start)",
    """CREATE TABLE customers (
    phone TEXT PRIMARY KEY CHECK (phone GLOB '+[1-9]*'),
    name TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL)""",
    """CREATE TABLE sms_sent (
    id TEXT PRIMARY KEY,
    to_phone TEXT NOT NULL,
    body TEXT NOT NULL,
    dedupe_key TEXT NOT NULL UNIQUE,
    sent_at INTEGER NOT NULL)""",
    """CREATE VIEW agenda AS
    SELECT id, staff_id, service_id, status, customer_name,
           datetime(start, 'unixepoch') AS start_utc, datetime(end, 'unixepoch') AS end_utc
    FROM appointments ORDER BY start""",
    *GUARD_TRIGGERS,
)

_V2: tuple[str, ...] = (
    """CREATE TABLE call_records (
    call_id TEXT PRIMARY KEY,
    business TEXT,
    caller TEXT CHECK (caller GLOB '+[1-9]*'),
    transcripts INTEGER NOT NULL CHECK (transcripts IN (0, 1)),
    started_ms INTEGER NOT NULL,
    answered_ms INTEGER,
    ended_ms INTEGER,
    outcome TEXT,
    transfer_reason TEXT,
    appointment_id TEXT)""",
    "CREATE INDEX call_records_by_start ON call_records (started_ms)",
    "CREATE INDEX call_records_by_caller ON call_records (caller, started_ms)",
    """CREATE TABLE call_entries (
    call_id TEXT NOT NULL REFERENCES call_records (call_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL CHECK (seq >= 0),
    at_ms INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT,
    understood TEXT,
    recognised_ms INTEGER,
    decided_ms INTEGER,
    first_audio_ms INTEGER,
    duration_ms INTEGER,
    error TEXT,
    PRIMARY KEY (call_id, seq))""",
)
"""Version 2: call records (docs/call-records.md)."""

_V3: tuple[str, ...] = (
    "ALTER TABLE outbox ADD COLUMN due_at INTEGER",
    "ALTER TABLE outbox ADD COLUMN reminder_for TEXT",
    "CREATE INDEX outbox_by_reminder ON outbox (reminder_for) WHERE reminder_for IS NOT NULL",
)
"""Version 3: reminders, texts scheduled for a time before an appointment (docs/sms.md#reminders)."""

MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1, _V2, _V3)
"""MIGRATIONS[n] takes a database from `PRAGMA user_version` n to n + 1."""

SCHEMA_VERSION = len(MIGRATIONS)
"""The `PRAGMA user_version` of an up-to-date database."""


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema up to SCHEMA_VERSION in one write transaction; safe to race from several processes."""
    if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StorageUnavailable(f"schema version {version} is newer than this slotline ({SCHEMA_VERSION})")
        for statements in MIGRATIONS[version:]:
            for statement in statements:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
