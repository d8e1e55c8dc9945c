"""`storage.backend = "postgres"` by configuration: whole conversations book into PostgreSQL, and `slotline db`
migrates and reports the schema; a database at another version is refused before any call."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import make_conninfo

from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.postgres.adapters import PostgresDatabase, PostgresOutbox, PostgresSlotLedger
from slotline.infrastructure.sqlite import SqliteDatabase, SqliteSlotLedger
from tests.e2e.conftest import CALLER, Slotline, bookings, chat, confirmations
from tests.factories import NOW
from tests.postgres_helpers import create_database, describe, drop_database

SECRET = "not-a-real-password-7f3a"


def use_postgres(monkeypatch: pytest.MonkeyPatch, dsn: str) -> None:
    """Every store in PostgreSQL, by environment, the way an operator sets it (the DSN carries a password that
    trust auth ignores, to prove it is never printed)."""
    monkeypatch.setenv("SLOTLINE_STORAGE__BACKEND", "postgres")
    monkeypatch.setenv("SLOTLINE_STORAGE__POSTGRES__DSN", make_conninfo(dsn, password=SECRET))
    monkeypatch.setenv("SLOTLINE_CUSTOMERS__BACKEND", "postgres")
    monkeypatch.setenv("SLOTLINE_CALENDAR__BACKEND", "postgres")


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A database never migrated, selected by environment; yields its DSN."""
    name, dsn = create_database("slotline_cli")
    use_postgres(monkeypatch, dsn)
    yield dsn
    drop_database(name)


def test_a_conversation_books_into_postgres(
    slotline: Slotline, postgres: PostgresDatabase, postgres_dsn: str, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_postgres(monkeypatch, postgres_dsn)
    assert slotline("customers", "add", "--phone", CALLER, "--name", "Dana Scully").code == 0

    run = chat(slotline, "i would like a haircut next tuesday afternoon with sam", "the second one", "yes", "no thanks")

    assert run.code == 0, run.err
    assert run.agent[0].startswith("Hi Dana, thanks for calling Maple Street Clinic.")
    assert run.agent[3] == "You're booked: a haircut on Tuesday, December 1st at 2 PM with Sam."
    (listed,) = bookings(slotline)
    (stored,) = asyncio.run(PostgresSlotLedger(postgres, FixedClock(NOW)).all())
    assert (listed["id"], listed["start"], stored.customer_name) == (
        stored.id,
        "2026-12-01T14:00:00-05:00",
        "Dana Scully",
    )
    assert stored.external_event_id  # mirrored into the embedded calendar, in PostgreSQL too
    assert [m["status"] for m in confirmations(slotline)] == ["sent"]
    assert [m.is_reminder for m in asyncio.run(PostgresOutbox(postgres).all())] == [False, True]
    assert asyncio.run(SqliteSlotLedger(SqliteDatabase(db), FixedClock(NOW)).all()) == []  # nothing went to SQLite
    assert SECRET not in run.err + "".join(run.out)


def test_db_migrate_then_status_and_an_unmigrated_database_is_refused(slotline: Slotline, fresh: str) -> None:
    where = f"PostgreSQL {describe(fresh)}"
    status = slotline("db", "status")
    refused = chat(slotline, "hello")

    assert status.code == 1
    assert status.out[-1] == f"{where}: schema version 0, this slotline needs 3; run `slotline db migrate`"
    assert refused.code == 2 and refused.out == []
    assert refused.err.count("\n") == 1 and refused.err.rstrip().endswith("run `slotline db migrate`")

    migrated = slotline("db", "migrate")
    again = slotline("db", "migrate")
    after = slotline("db", "status")

    assert migrated.code == 0
    assert [
        f"{where}: applied 0001_initial.sql",
        f"{where}: applied 0002_call_records.sql",
        f"{where}: applied 0003_reminders.sql",
    ] == [line for line in migrated.out if "applied" in line]
    assert again.code == 0 and not any("applied" in line for line in again.out)
    assert after.code == 0 and after.out[-1] == f"{where}: schema version 3, up to date"
    assert chat(slotline, "no thanks, bye").code == 0
    everything = "".join(status.out + migrated.out + after.out) + status.err + refused.err + migrated.err
    assert SECRET not in everything


def test_a_newer_schema_is_refused_at_start_up(slotline: Slotline, fresh: str) -> None:
    slotline("db", "migrate")
    with psycopg.connect(fresh, autocommit=True) as conn:
        conn.execute("INSERT INTO slotline_schema_version (version, name) VALUES (99, 'from the future')")

    refused = chat(slotline, "hello")
    status = slotline("db", "status")

    newer = "schema version 99, newer than this slotline (3); upgrade slotline"
    assert refused.code == 2 and newer in refused.err and refused.err.count("\n") == 1
    assert status.code == 1 and status.out[-1].endswith(newer)
