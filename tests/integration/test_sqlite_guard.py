"""The double-booking guard lives in the database: raw SQL that bypasses the adapter is refused too."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from slotline.infrastructure.sqlite import SqliteDatabase

GUARD = "slotline overlap"


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    db = SqliteDatabase(tmp_path / "slotline.db")
    db.migrate()
    raw = sqlite3.connect(db.path, isolation_level=None)
    yield raw
    raw.close()


def appointment(
    conn: sqlite3.Connection, id_: str, staff: str, start: int, end: int, status: str = "confirmed", now: int = 0
) -> None:
    conn.execute(
        "INSERT INTO appointments (id, service_id, staff_id, start, end, occupied_start, occupied_end, customer_phone,"
        " status, idempotency_key, created_at, updated_at) VALUES (?, 'haircut', ?, ?, ?, ?, ?, '+12125550123', ?, ?,"
        " ?, ?)",
        (id_, staff, start, end, start, end, status, f"key-{id_}", now, now),
    )


def hold(
    conn: sqlite3.Connection,
    id_: str,
    staff: str,
    start: int,
    end: int,
    *,
    now: int,
    expires: int,
    replacing: str | None = None,
) -> None:
    conn.execute(
        "INSERT INTO holds (id, key, staff_id, service_id, start, end, occupied_start, occupied_end, created_at,"
        " expires_at, replacing) VALUES (?, ?, ?, 'haircut', ?, ?, ?, ?, ?, ?, ?)",
        (id_, f"key-{id_}", staff, start, end, start, end, now, expires, replacing),
    )


def test_overlapping_appointments_of_one_staff_member_are_refused(conn: sqlite3.Connection) -> None:
    appointment(conn, "a", "sam", 1000, 2000)

    with pytest.raises(sqlite3.IntegrityError, match=GUARD):
        appointment(conn, "b", "sam", 1999, 2500)
    with pytest.raises(sqlite3.IntegrityError, match=GUARD):
        appointment(conn, "c", "sam", 500, 3000, status="held")
    appointment(conn, "d", "sam", 2000, 3000)  # back to back
    appointment(conn, "e", "alex", 1000, 2000)  # someone else
    appointment(conn, "f", "sam", 1000, 2000, status="cancelled")


def test_updates_that_would_overlap_are_refused(conn: sqlite3.Connection) -> None:
    appointment(conn, "a", "sam", 1000, 2000)
    appointment(conn, "b", "sam", 3000, 4000)
    appointment(conn, "c", "sam", 1000, 2000, status="cancelled")
    appointment(conn, "d", "alex", 1000, 2000)

    with pytest.raises(sqlite3.IntegrityError, match=GUARD):
        conn.execute("UPDATE appointments SET occupied_start = 1500, start = 1500 WHERE id = 'b'")
    with pytest.raises(sqlite3.IntegrityError, match=GUARD):
        conn.execute("UPDATE appointments SET staff_id = 'sam' WHERE id = 'd'")
    with pytest.raises(sqlite3.IntegrityError, match=GUARD):
        conn.execute("UPDATE appointments SET status = 'confirmed' WHERE id = 'c'")
    conn.execute("UPDATE appointments SET occupied_start = 1500, occupied_end = 2500, start = 1500 WHERE id = 'a'")
    assert conn.execute("SELECT count(*) FROM appointments WHERE staff_id = 'sam'").fetchone() == (3,)


def test_holds_refuse_unexpired_holds_and_live_appointments(conn: sqlite3.Connection) -> None:
    hold(conn, "h1", "sam", 1000, 2000, now=100, expires=400)
    appointment(conn, "a", "sam", 5000, 6000)

    with pytest.raises(sqlite3.IntegrityError, match=GUARD):
        hold(conn, "h2", "sam", 1500, 2500, now=399, expires=700)
    with pytest.raises(sqlite3.IntegrityError, match=GUARD):
        hold(conn, "h3", "sam", 5500, 5600, now=100, expires=400)
    with pytest.raises(sqlite3.IntegrityError, match=GUARD):
        conn.execute("UPDATE holds SET occupied_start = 5500, occupied_end = 5600 WHERE id = 'h1'")
    hold(conn, "h4", "sam", 1500, 2500, now=400, expires=700)  # h1 expired at 400


def test_an_appointment_over_an_unexpired_hold_is_refused(conn: sqlite3.Connection) -> None:
    hold(conn, "h1", "sam", 1000, 2000, now=100, expires=400)

    with pytest.raises(sqlite3.IntegrityError, match=GUARD):
        appointment(conn, "a", "sam", 1000, 2000, now=399)
    conn.execute("BEGIN IMMEDIATE")  # the holder's own booking: delete the hold first, in the same transaction
    conn.execute("DELETE FROM holds WHERE id = 'h1'")
    appointment(conn, "a", "sam", 1000, 2000, now=399)
    conn.execute("COMMIT")


def test_a_hold_replacing_an_appointment_ignores_only_that_appointment(conn: sqlite3.Connection) -> None:
    appointment(conn, "a", "sam", 1000, 2000)
    appointment(conn, "b", "sam", 2000, 3000)

    with pytest.raises(sqlite3.IntegrityError, match=GUARD):
        hold(conn, "h1", "sam", 1500, 2500, now=100, expires=400, replacing="a")  # b is still there
    hold(conn, "h2", "sam", 1200, 1800, now=100, expires=400, replacing="a")
    appointment(conn, "c", "sam", 1200, 1800, status="cancelled", now=100)
    with pytest.raises(sqlite3.IntegrityError, match=GUARD):  # the hold still blocks everyone else
        conn.execute("UPDATE appointments SET status = 'confirmed', updated_at = 100 WHERE id = 'c'")
    conn.execute(
        "UPDATE appointments SET start = 1200, end = 1800, occupied_start = 1200, occupied_end = 1800,"
        " updated_at = 100 WHERE id = 'a'"
    )  # but not the appointment it was taken to move
