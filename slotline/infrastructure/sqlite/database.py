"""SqliteDatabase: owns the slotline database file and runs blocking sqlite3 work off the event loop."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from os import PathLike
from pathlib import Path
from typing import TypeVar

from tenacity import Retrying, retry_if_exception, stop_after_delay, wait_random

from slotline.application.errors import StorageUnavailable
from slotline.infrastructure.sqlite.schema import SCHEMA_VERSION, migrate

T = TypeVar("T")

_HEADER = b"SQLite format 3\x00"
_EFFECTIVE_IDS = os.access in os.supports_effective_ids


def _one_line(text: str) -> str:
    return " ".join(text.split())


@contextmanager
def _storage_errors(path: Path) -> Iterator[None]:
    """Re-raise "cannot use the file" failures as StorageUnavailable; constraint errors pass through."""
    try:
        yield
    except (sqlite3.OperationalError, sqlite3.InternalError) as exc:
        raise StorageUnavailable(_one_line(f"{path}: {exc}")) from exc
    except sqlite3.DatabaseError as exc:
        if type(exc) is not sqlite3.DatabaseError:  # IntegrityError and friends are the caller's business
            raise
        raise StorageUnavailable(_one_line(f"{path}: {exc}")) from exc
    except OSError as exc:
        raise StorageUnavailable(_one_line(f"{path}: {exc.strerror or exc}")) from exc


def _ensure_sqlite(path: Path) -> None:
    """Refuse, before SQLite touches it, a non-empty file that is not a SQLite database."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as file:
        if file.read(len(_HEADER)) != _HEADER:
            raise StorageUnavailable(f"{path} is not a SQLite database")


def _ensure_writable(path: Path) -> None:
    """Refuse a file or folder this process cannot write, before SQLite opens it: SQLite would open it read-only,
    leave -wal and -shm behind, and fail only at the first write (every booking handed to a person)."""
    if path.exists():
        try:
            os.close(os.open(path, os.O_RDWR))  # the kernel's own answer, for this process's user and privileges
        except PermissionError:
            raise StorageUnavailable(f"{path} is read-only for this user; slotline must be able to write it") from None
    folder = path.absolute().parent
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK, effective_ids=_EFFECTIVE_IDS):
        raise StorageUnavailable(
            f"{path}: the folder {folder} is read-only for this user; SQLite writes {path.name}-wal and -shm there"
        )


def _create_owner_only(path: Path) -> None:
    """Create a missing database file as 0600 whatever the umask; SQLite gives its -wal and -shm the same mode.
    An existing file keeps the mode its owner chose."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except (FileExistsError, FileNotFoundError):  # a missing folder is SQLite's to report, in its own words
        return
    try:
        os.fchmod(fd, 0o600)  # the umask can only have taken bits away; put back the owner's read and write
    finally:
        os.close(fd)


def _is_locked(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)


def _keeper(path: Path) -> sqlite3.Connection:
    """A connection that holds the WAL open: it has read the file once (a connection that never read is not one)."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchall()  # stepped to the end: no read transaction stays
    return conn


class SqliteDatabase:
    """The one SQLite file behind every embedded backend: a fresh connection per operation, WAL, foreign keys on.

    Writes run in `BEGIN IMMEDIATE` transactions, so writers serialise across threads and processes;
    a writer waits up to `busy_timeout` seconds for the lock before StorageUnavailable.
    Constructing it touches nothing; the schema is created or upgraded before the first operation.

    Once the schema is ready, one idle connection stays open until `close()`: when the last connection to a WAL
    database closes, SQLite checkpoints the log into the file and deletes it, with fsyncs, which made every
    operation cost ~16 ms instead of ~0.5 ms (docs/performance.md#storage-sqlite-and-postgresql). The log is then
    checkpointed as it grows (every 1000 pages), as SQLite does by default.
    """

    def __init__(self, path: str | PathLike[str], *, busy_timeout: float = 5.0) -> None:
        self.path = Path(path)
        self._busy_timeout = busy_timeout
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self._keeper: sqlite3.Connection | None = None

    def migrate(self) -> None:
        """Check the file and bring its schema up to date; idempotent and cheap once done."""
        if self._ready.is_set():
            return
        with self._lock:
            if self._ready.is_set():
                return
            with _storage_errors(self.path):
                _ensure_sqlite(self.path)
                _create_owner_only(self.path)
                with closing(self._connect()) as conn:
                    self._enable_wal(conn)
                    migrate(conn)
                self._keeper = _keeper(self.path)
            self._ready.set()

    def close(self) -> None:
        """Close the idle connection kept open (the log is checkpointed if it was the last); later use reopens it."""
        with self._lock:
            keeper, self._keeper = self._keeper, None
            self._ready.clear()
        if keeper is not None:
            keeper.close()

    def schema_version(self) -> int:
        """The file's schema version, read without creating or upgrading anything (0: no file yet)."""
        if not self.path.exists():
            return 0
        with _storage_errors(self.path):
            _ensure_sqlite(self.path)
            with closing(sqlite3.connect(f"{self.path.absolute().as_uri()}?mode=ro", uri=True)) as conn:
                version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        return version

    latest_version = SCHEMA_VERSION
    """The schema version this slotline creates and works with."""

    def ensure_writable(self) -> None:
        """Fail with StorageUnavailable unless this process can write the file and create its -wal and -shm:
        the start-up check of a command that writes, so that a read-only file is refused before any call."""
        with _storage_errors(self.path):
            _ensure_writable(self.path)

    def _enable_wal(self, conn: sqlite3.Connection) -> None:
        # Switching the journal mode can fail with SQLITE_BUSY without waiting on the busy handler when another
        # connection is opening the same new file, so retry it within the busy timeout.
        for attempt in Retrying(
            retry=retry_if_exception(_is_locked),
            stop=stop_after_delay(self._busy_timeout),
            wait=wait_random(0.005, 0.05),
            reraise=True,
        ):
            with attempt:
                conn.execute("PRAGMA journal_mode = WAL")

    def read_blocking(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` on a fresh autocommit connection in the calling thread."""
        self.migrate()
        with _storage_errors(self.path), closing(self._connect()) as conn:
            return work(conn)

    def write_blocking(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` inside one BEGIN IMMEDIATE transaction: committed if it returns, rolled back if it raises."""
        self.migrate()
        with _storage_errors(self.path), closing(self._connect()) as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                result = work(conn)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            return result

    async def read(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """`read_blocking` in a worker thread."""
        return await asyncio.to_thread(self.read_blocking, work)

    async def write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """`write_blocking` in a worker thread."""
        return await asyncio.to_thread(self.write_blocking, work)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=self._busy_timeout, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    def __repr__(self) -> str:
        return f"SqliteDatabase({str(self.path)!r})"
