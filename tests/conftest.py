"""Fixtures every test folder may use: the PostgreSQL test database (created per run, dropped at the end)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from slotline.infrastructure.postgres.adapters import PostgresDatabase
from tests.postgres_helpers import create_database, drop_database, emptied, settings


@pytest.fixture(scope="session")
def postgres_dsn() -> Iterator[str]:
    """The DSN of this run's own database, migrated to the current schema; dropped when the run ends."""
    name, dsn = create_database()
    try:
        PostgresDatabase(settings(dsn)).migrate()
        yield dsn
    finally:
        drop_database(name)


@pytest.fixture
def postgres(postgres_dsn: str) -> Iterator[PostgresDatabase]:
    """The run's database with every slotline table empty, and a pool closed after the test."""
    db = emptied(postgres_dsn)
    yield db
    db.close()
