"""SqliteDatabase: schema and pragmas, and files it cannot use failing clearly without being touched."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from slotline.application.errors import StorageUnavailable
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.sqlite import SqliteDatabase, SqliteSlotLedger
from slotline.infrastructure.sqlite.schema import SCHEMA_VERSION
from tests.factories import NOW
from tests.integration.sqlite_helpers import HOLD_FOR, occupied, slot


async def _use(db: SqliteDatabase) -> None:
    await SqliteSlotLedger(db, FixedClock(NOW)).hold(
        slot(10), occupied(slot(10)), key="k", now=NOW, expires_at=NOW + HOLD_FOR
    )


def test_constructing_touches_nothing(tmp_path: Path) -> None:
    SqliteDatabase(tmp_path / "slotline.db")

    assert list(tmp_path.iterdir()) == []


async def test_first_use_creates_the_schema_in_wal_mode(tmp_path: Path) -> None:
    db = SqliteDatabase(tmp_path / "slotline.db")

    await _use(db)

    def pragmas(conn: sqlite3.Connection) -> tuple[object, ...]:
        return tuple(
            conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("user_version", "journal_mode", "foreign_keys")
        )

    assert await db.read(pragmas) == (SCHEMA_VERSION, "wal", 1)


async def test_several_handles_may_migrate_the_same_new_file_at_once(tmp_path: Path) -> None:
    path = tmp_path / "slotline.db"

    await asyncio.gather(*(SqliteDatabase(path).read(lambda c: c.execute("SELECT 1")) for _ in range(8)))

    assert (
        SqliteDatabase(path).read_blocking(lambda c: c.execute("PRAGMA user_version").fetchone()[0]) == SCHEMA_VERSION
    )


@pytest.mark.parametrize(
    "content",
    [b"Remember to buy milk.\nAnd eggs.\n", b"SQLite format 3\x00" + b"\xff" * 200],
    ids=["text-file", "broken-database"],
)
def test_a_file_that_is_not_a_database_fails_in_one_line_and_stays_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)

    with pytest.raises(StorageUnavailable) as failure:
        asyncio.run(_use(SqliteDatabase(path)))

    assert "\n" not in str(failure.value)
    assert str(path) in str(failure.value)
    assert path.read_bytes() == content
    assert list(tmp_path.iterdir()) == [path]


async def test_a_missing_directory_is_storage_unavailable(tmp_path: Path) -> None:
    with pytest.raises(StorageUnavailable, match="unable to open"):
        await _use(SqliteDatabase(tmp_path / "nowhere" / "slotline.db"))


async def test_a_lock_held_too_long_is_storage_unavailable(tmp_path: Path) -> None:
    db = SqliteDatabase(tmp_path / "slotline.db", busy_timeout=0.05)
    db.migrate()
    blocker = sqlite3.connect(db.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageUnavailable, match="locked"):
            await _use(db)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


async def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "slotline.db"
    future = sqlite3.connect(path)
    future.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    future.close()

    with pytest.raises(StorageUnavailable, match="newer"):
        await _use(SqliteDatabase(path))


async def test_the_log_stays_between_operations_and_close_folds_it_into_the_file(tmp_path: Path) -> None:
    # Without a connection kept open, every operation's close was the last one: a checkpoint and the log deleted.
    path = tmp_path / "slotline.db"
    db = SqliteDatabase(path)
    await _use(db)
    wal = tmp_path / "slotline.db-wal"

    assert wal.exists() and wal.stat().st_size > 0

    db.close()

    assert not wal.exists()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM holds").fetchone()[0] == 1
    await _use(db)  # usable again after close: the same hold by its key
    db.close()
