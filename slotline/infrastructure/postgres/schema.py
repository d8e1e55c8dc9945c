"""The versioned schema: plain SQL files in `migrations/`, applied in order, each in its own transaction.

`migrations/0001_initial.sql` takes a database from version 0 to 1, `0002_*.sql` from 1 to 2, and so on. The
version is the highest row of `slotline_schema_version`. Migrators take a transaction-scoped advisory lock, so
two `slotline db migrate` runs at once apply each file exactly once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from psycopg import Connection
from psycopg.rows import DictRow

from slotline.application.errors import StorageUnavailable

__all__ = [
    "MIGRATE_HINT",
    "Migration",
    "SchemaOutdated",
    "SchemaTooNew",
    "applied_version",
    "ensure_current",
    "latest_version",
    "migrate",
    "migrations",
]

MIGRATE_HINT = "run `slotline db migrate`"
_LOCK = 0x510711E  # pg_advisory_xact_lock key shared by every slotline migrator
_NAME = re.compile(r"(\d{4})_[a-z0-9_]+\.sql")
_VERSION_TABLE = (
    b"CREATE TABLE IF NOT EXISTS slotline_schema_version ("
    b" version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
)


class SchemaOutdated(StorageUnavailable):
    """The database's schema is older than this slotline: an operator must migrate it first."""

    def __init__(self, where: str, found: int, wanted: int) -> None:
        super().__init__(f"PostgreSQL {where} has schema version {found}, this slotline needs {wanted}; {MIGRATE_HINT}")
        self.found, self.wanted = found, wanted


class SchemaTooNew(StorageUnavailable):
    """The database was migrated by a newer slotline; this one must not write to it."""

    def __init__(self, where: str, found: int, wanted: int) -> None:
        super().__init__(
            f"PostgreSQL {where} has schema version {found}, newer than this slotline ({wanted}); upgrade slotline"
        )
        self.found, self.wanted = found, wanted


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: bytes


@cache
def migrations() -> tuple[Migration, ...]:
    """Every migration file, by version; versions run 1, 2, 3... without gaps."""
    folder = files("slotline.infrastructure.postgres") / "migrations"
    found = sorted(
        (int(match.group(1)), entry.name, entry.read_bytes())
        for entry in folder.iterdir()
        if (match := _NAME.fullmatch(entry.name))
    )
    if [version for version, _, _ in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migration files must be numbered 0001, 0002... without gaps: {[n for _, n, _ in found]}")
    return tuple(Migration(version, name, sql) for version, name, sql in found)


def latest_version() -> int:
    """The schema version this slotline works with."""
    return len(migrations())


def applied_version(conn: Connection[DictRow]) -> int:
    """The database's schema version; 0 for a database slotline never migrated."""
    row = conn.execute("SELECT to_regclass('slotline_schema_version') IS NOT NULL AS present").fetchone()
    if row is None or not row["present"]:
        return 0
    row = conn.execute("SELECT coalesce(max(version), 0) AS version FROM slotline_schema_version").fetchone()
    return 0 if row is None else int(row["version"])


def ensure_current(conn: Connection[DictRow], where: str) -> None:
    """Refuse a database whose schema is older (SchemaOutdated) or newer (SchemaTooNew) than this slotline."""
    found, wanted = applied_version(conn), latest_version()
    if found < wanted:
        raise SchemaOutdated(where, found, wanted)
    if found > wanted:
        raise SchemaTooNew(where, found, wanted)


def migrate(conn: Connection[DictRow], where: str) -> list[Migration]:
    """Apply the missing migrations, each in one transaction; returns those applied (none when up to date)."""
    applied: list[Migration] = []
    for migration in migrations():
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
            conn.execute(_VERSION_TABLE)
            found = applied_version(conn)
            if found > latest_version():
                raise SchemaTooNew(where, found, latest_version())
            if found >= migration.version:
                continue
            conn.execute(migration.sql)
            conn.execute(
                "INSERT INTO slotline_schema_version (version, name) VALUES (%s, %s)",
                (migration.version, migration.name),
            )
            applied.append(migration)
    return applied
