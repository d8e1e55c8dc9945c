"""A throwaway PostgreSQL database per test run, on the server at 127.0.0.1:5432 (or SLOTLINE_TEST_POSTGRES_DSN)."""

from __future__ import annotations

import os
import uuid

import psycopg
import pytest
from psycopg.conninfo import make_conninfo
from pydantic import SecretStr

from slotline.infrastructure.postgres.adapters import PostgresDatabase, PostgresSettings
from slotline.infrastructure.postgres.database import describe

__all__ = [
    "DEFAULT_DSN",
    "ENV",
    "TABLES",
    "admin_dsn",
    "create_database",
    "describe",
    "drop_database",
    "emptied",
    "settings",
]

ENV = "SLOTLINE_TEST_POSTGRES_DSN"
DEFAULT_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=test"
TABLES = (
    "call_entries",
    "call_records",
    "appointment_changes",
    "reservations",
    "holds",
    "appointments",
    "outbox",
    "calendar_events",
    "customers",
)
"""Every slotline table, children first (DELETE is much faster than TRUNCATE on a few rows)."""


def admin_dsn() -> str:
    """Where test databases are created from: a database the test user may connect to and CREATE DATABASE in."""
    return os.environ.get(ENV) or DEFAULT_DSN


def _unreachable(exc: psycopg.OperationalError) -> str:
    reason = (str(exc).strip().splitlines() or ["no answer"])[0]
    return (
        f"PostgreSQL is not reachable at {describe(admin_dsn())} ({reason}); the PostgreSQL tests need a server:"
        " start one with `sudo service postgresql start` or `docker run -d -p 127.0.0.1:5432:5432"
        f" -e POSTGRES_HOST_AUTH_METHOD=trust postgres:15`, or set {ENV} to a libpq DSN of one"
    )


def create_database(prefix: str = "slotline_test") -> tuple[str, str]:
    """A new empty database with a unique name; returns its name and DSN. Fails the test if no server answers."""
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        with psycopg.connect(admin_dsn(), autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"'.encode())
    except psycopg.OperationalError as exc:
        pytest.fail(_unreachable(exc), pytrace=False)
    return name, make_conninfo(admin_dsn(), dbname=name)


def drop_database(name: str) -> None:
    with psycopg.connect(admin_dsn(), autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'.encode())


def settings(dsn: str, **pool: int) -> PostgresSettings:
    return PostgresSettings(dsn=SecretStr(dsn), **pool)


def emptied(dsn: str) -> PostgresDatabase:
    """A database handle on the migrated test database, with every slotline table emptied."""
    db = PostgresDatabase(settings(dsn, pool_min_size=0, pool_max_size=4))
    with db.connect() as conn:
        conn.execute("; ".join(f"DELETE FROM {table}" for table in TABLES).encode())
    return db
