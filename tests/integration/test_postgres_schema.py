"""The PostgreSQL schema is versioned: `migrate` applies the SQL files once, and any other version is refused."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from pydantic import SecretStr

from slotline.application.errors import StorageUnavailable
from slotline.infrastructure.postgres.adapters import (
    PostgresCustomerDirectory,
    PostgresDatabase,
    PostgresSettings,
    SchemaOutdated,
    SchemaTooNew,
)
from slotline.infrastructure.postgres.schema import latest_version, migrations
from slotline.testing.fakes import SettableClock
from slotline.testing.sample import CUSTOMER, NOW
from tests.postgres_helpers import create_database, drop_database, settings


@pytest.fixture
def fresh() -> Iterator[str]:
    """A database of its own, never migrated (this test changes its schema version)."""
    name, dsn = create_database("slotline_schema")
    yield dsn
    drop_database(name)


def test_a_database_never_migrated_is_refused_with_the_command_to_run(fresh: str) -> None:
    db = PostgresDatabase(settings(fresh))

    with pytest.raises(SchemaOutdated) as refused:
        db.check()

    assert db.version() == 0
    assert str(refused.value).endswith(
        f"has schema version 0, this slotline needs {latest_version()}; run `slotline db migrate`"
    )
    assert "\n" not in str(refused.value)


async def test_migrate_applies_every_file_once_and_then_the_adapters_work(fresh: str) -> None:
    db = PostgresDatabase(settings(fresh))

    with ThreadPoolExecutor(3) as pool:  # three operators at once: the advisory lock lets one apply each file
        applied = list(pool.map(lambda _: PostgresDatabase(settings(fresh)).migrate(), range(3)))

    assert sorted(len(a) for a in applied) == [0, 0, len(migrations())]
    assert db.version() == latest_version()
    db.check()
    assert PostgresDatabase(settings(fresh)).migrate() == []
    directory = PostgresCustomerDirectory(db, SettableClock(NOW))
    assert await directory.find(CUSTOMER) is None
    db.close()


def test_a_newer_schema_is_refused_and_not_touched(fresh: str) -> None:
    db = PostgresDatabase(settings(fresh))
    db.migrate()
    newer = latest_version() + 1
    with psycopg.connect(fresh, autocommit=True) as conn:
        conn.execute("INSERT INTO slotline_schema_version (version, name) VALUES (%s, 'from the future')", (newer,))

    with pytest.raises(SchemaTooNew, match=f"schema version {newer}, newer than this slotline"):
        PostgresDatabase(settings(fresh)).check()
    with pytest.raises(SchemaTooNew):
        PostgresDatabase(settings(fresh)).migrate()
    assert db.version() == newer


def test_an_unreachable_server_is_one_line_without_the_password() -> None:
    dsn = "postgresql://slotline:hunter2-secret@127.0.0.1:1/slotline?connect_timeout=1"
    db = PostgresDatabase(PostgresSettings(dsn=SecretStr(dsn), connect_timeout_seconds=1))

    with pytest.raises(StorageUnavailable) as refused:
        db.check()

    message = str(refused.value)
    assert message.startswith("storage unavailable: PostgreSQL 127.0.0.1:1/slotline: ")
    assert "hunter2" not in message and "\n" not in message
    assert "hunter2" not in repr(db) and "hunter2" not in repr(PostgresSettings(dsn=SecretStr(dsn)))


def test_a_dsn_that_is_no_connection_string_is_refused_without_echoing_it() -> None:
    with pytest.raises(StorageUnavailable, match="not a valid libpq connection string") as refused:
        PostgresDatabase(PostgresSettings(dsn=SecretStr("password=hunter2 this is not = a dsn '")))
    assert "hunter2" not in str(refused.value)
