"""PostgresDatabase: a connection pool to the shared slotline database, and transactions run off the event loop."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import psycopg
from psycopg import Connection, errors
from psycopg.conninfo import conninfo_to_dict
from psycopg.rows import DictRow, dict_row
from psycopg_pool import ConnectionPool, PoolClosed, PoolTimeout
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_random

from slotline.application.errors import StorageUnavailable
from slotline.infrastructure.postgres import schema
from slotline.infrastructure.postgres.schema import Migration
from slotline.infrastructure.postgres.settings import PostgresSettings

__all__ = ["Conn", "PostgresDatabase"]

T = TypeVar("T")
Conn = Connection[DictRow]

_RETRIED = (errors.DeadlockDetected, errors.SerializationFailure)
"""Transaction failures that mean "run me again": PostgreSQL rolled back one of two transactions that crossed."""


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def describe(conninfo: str) -> str:
    """Where the database is, for messages: host, port and database name, never the user or password."""
    try:
        parts = conninfo_to_dict(conninfo)
    except psycopg.ProgrammingError:
        raise StorageUnavailable("storage.postgres.dsn is not a valid libpq connection string or URI") from None
    env = os.environ
    host = parts.get("host") or parts.get("hostaddr") or env.get("PGHOST") or "(libpq default host)"
    port = parts.get("port") or env.get("PGPORT") or "5432"
    return f"{host}:{port}/{parts.get('dbname') or env.get('PGDATABASE') or '(libpq default database)'}"


def _utc(conn: Conn) -> None:
    conn.execute("SET TIME ZONE 'UTC'")


class PostgresDatabase:
    """The database behind every PostgreSQL adapter: a psycopg pool, opened at the first operation.

    Connections are in autocommit: a read is one statement, a write runs in one transaction (READ COMMITTED) that
    is retried when PostgreSQL aborts it for a deadlock or a serialization failure. The schema version is checked
    once, before the first operation: an older or newer schema is StorageUnavailable, never silently upgraded.
    Constructing it touches nothing.
    """

    def __init__(self, settings: PostgresSettings) -> None:
        self._settings = settings
        self.where = describe(settings.conninfo())
        self._pool: ConnectionPool[Conn] | None = None
        self._lock = threading.Lock()
        self._checked = threading.Event()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Re-raise "cannot reach or use the server" as StorageUnavailable; constraint errors pass through."""
        try:
            yield
        except (psycopg.OperationalError, psycopg.InterfaceError, PoolTimeout, PoolClosed) as exc:
            raise StorageUnavailable(f"PostgreSQL {self.where}: {_first_line(exc)}") from exc

    def connect(self) -> Conn:
        """A new connection outside the pool (the caller closes it): migrations, status, tests."""
        with self._errors():
            conn: Conn = psycopg.connect(
                self._settings.conninfo(),
                autocommit=True,
                row_factory=dict_row,
                connect_timeout=max(1, round(self._settings.connect_timeout_seconds)),
            )
        _utc(conn)
        return conn

    @property
    def latest_version(self) -> int:
        """The schema version this slotline works with."""
        return schema.latest_version()

    def version(self) -> int:
        """The schema version of the database (0 when never migrated)."""
        with self.connect() as conn, self._errors():
            return schema.applied_version(conn)

    def migrate(self) -> list[Migration]:
        """Apply the missing migrations; returns those applied."""
        with self.connect() as conn, self._errors():
            applied = schema.migrate(conn, self.where)
        self._checked.clear()
        return applied

    def check(self) -> None:
        """Fail with StorageUnavailable unless the server answers and its schema is exactly this slotline's:
        the start-up check, so a database that was never migrated is one line before any call."""
        if self._checked.is_set():
            return
        with self.connect() as conn, self._errors():
            schema.ensure_current(conn, self.where)
        self._checked.set()

    def _opened(self) -> ConnectionPool[Conn]:
        with self._lock:
            if self._pool is None:
                settings = self._settings
                self._pool = ConnectionPool(
                    settings.conninfo(),
                    connection_class=Connection[DictRow],
                    kwargs={"autocommit": True, "row_factory": dict_row},
                    configure=_utc,
                    min_size=settings.pool_min_size,
                    max_size=settings.pool_max_size,
                    timeout=settings.connect_timeout_seconds,
                    name="slotline",
                    open=False,
                )
                self._pool.open(wait=False)
            return self._pool

    def read_blocking(self, work: Callable[[Conn], T]) -> T:
        """Run `work` on a pooled autocommit connection in the calling thread."""
        self.check()
        with self._errors(), self._opened().connection() as conn:
            return work(conn)

    def write_blocking(self, work: Callable[[Conn], T]) -> T:
        """Run `work` in one transaction: committed if it returns, rolled back if it raises; run again (a few
        times) when PostgreSQL aborts it for a deadlock or serialization failure."""
        self.check()
        with self._errors():
            for attempt in Retrying(
                retry=retry_if_exception_type(_RETRIED),
                stop=stop_after_attempt(5),
                wait=wait_random(0.001, 0.05),
                reraise=True,
            ):
                with attempt, self._opened().connection() as conn, conn.transaction():
                    return work(conn)
        raise AssertionError("unreachable: tenacity re-raises the last failure")

    async def read(self, work: Callable[[Conn], T]) -> T:
        """`read_blocking` in a worker thread."""
        return await asyncio.to_thread(self.read_blocking, work)

    async def write(self, work: Callable[[Conn], T]) -> T:
        """`write_blocking` in a worker thread."""
        return await asyncio.to_thread(self.write_blocking, work)

    def close(self) -> None:
        """Close the pool's connections; a later operation opens a new pool."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()

    def __repr__(self) -> str:
        return f"PostgresDatabase({self.where!r})"
