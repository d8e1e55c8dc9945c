"""The database holds names and phone numbers: a file slotline creates is readable by its owner only."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from slotline.infrastructure.sqlite import SqliteDatabase


@contextmanager
def umask(mask: int) -> Iterator[None]:
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def modes_while_writing(db: SqliteDatabase) -> dict[str, int]:
    """The mode of every file next to the database, seen inside a write (the -wal and -shm exist only then)."""

    def write_and_look(conn: sqlite3.Connection) -> dict[str, int]:
        conn.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
        conn.execute("INSERT INTO scratch VALUES (1)")
        return {p.name: mode(p) for p in db.path.parent.iterdir()}

    return db.write_blocking(write_and_look)


@pytest.mark.parametrize("mask", [0o022, 0o000], ids=["umask-022", "umask-000"])
def test_a_new_database_and_its_wal_and_shm_are_owner_only(tmp_path: Path, mask: int) -> None:
    path = tmp_path / "slotline.db"
    db = SqliteDatabase(path)

    with umask(mask):
        modes = modes_while_writing(db)

    assert modes == {"slotline.db": 0o600, "slotline.db-shm": 0o600, "slotline.db-wal": 0o600}


def test_an_existing_file_keeps_the_mode_the_operator_gave_it(tmp_path: Path) -> None:
    path = tmp_path / "slotline.db"
    path.touch()
    path.chmod(0o640)

    with umask(0o022):
        SqliteDatabase(path).migrate()

    assert mode(path) == 0o640
