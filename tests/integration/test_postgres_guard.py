"""The double-booking guard lives in PostgreSQL: raw SQL that bypasses the adapter is refused too."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from psycopg import errors

from slotline.infrastructure.postgres.adapters import PostgresDatabase

T0 = datetime(2026, 11, 26, tzinfo=UTC)


def t(seconds: int) -> datetime:
    return T0 + timedelta(seconds=seconds)


@pytest.fixture
def conn(postgres: PostgresDatabase, postgres_dsn: str) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    """A plain connection to the emptied test database: no adapter in the way."""
    with psycopg.connect(postgres_dsn, autocommit=True) as raw:
        yield raw


Conn = psycopg.Connection[tuple[object, ...]]


def appointment(conn: Conn, id_: str, staff: str, start: int, end: int, status: str = "confirmed") -> None:
    conn.execute(
        "INSERT INTO appointments (id, service_id, staff_id, starts_at, ends_at, occupied_start, occupied_end,"
        " customer_phone, status, idempotency_key, created_at, updated_at)"
        " VALUES (%s, 'haircut', %s, %s, %s, %s, %s, '+12125550123', %s, %s, %s, %s)",
        (id_, staff, t(start), t(end), t(start), t(end), status, f"key-{id_}", T0, T0),
    )


def hold(conn: Conn, id_: str, staff: str, start: int, end: int, *, replacing: str | None = None) -> None:
    conn.execute(
        "INSERT INTO holds (id, key, staff_id, service_id, starts_at, ends_at, occupied_start, occupied_end,"
        " created_at, expires_at, replacing) VALUES (%s, %s, %s, 'haircut', %s, %s, %s, %s, %s, %s, %s)",
        (id_, f"key-{id_}", staff, t(start), t(end), t(start), t(end), T0, t(300), replacing),
    )


def overlap(constraint: str = "reservations_no_overlap") -> pytest.RaisesExc[errors.ExclusionViolation]:
    return pytest.raises(errors.ExclusionViolation, match=constraint)


def test_overlapping_appointments_of_one_staff_member_are_refused(conn: Conn) -> None:
    appointment(conn, "a", "sam", 1000, 2000)

    with overlap():
        appointment(conn, "b", "sam", 1999, 2500)
    with overlap():
        appointment(conn, "c", "sam", 500, 3000, status="held")
    appointment(conn, "d", "sam", 2000, 3000)  # back to back
    appointment(conn, "e", "alex", 1000, 2000)  # someone else
    appointment(conn, "f", "sam", 1000, 2000, status="cancelled")


def test_updates_that_would_overlap_are_refused(conn: Conn) -> None:
    appointment(conn, "a", "sam", 1000, 2000)
    appointment(conn, "b", "sam", 3000, 4000)
    appointment(conn, "c", "sam", 1000, 2000, status="cancelled")
    appointment(conn, "d", "alex", 1000, 2000)

    with overlap():
        conn.execute("UPDATE appointments SET occupied_start = %s, starts_at = %s WHERE id = 'b'", (t(1500), t(1500)))
    with overlap():
        conn.execute("UPDATE appointments SET staff_id = 'sam' WHERE id = 'd'")
    with overlap():
        conn.execute("UPDATE appointments SET status = 'confirmed' WHERE id = 'c'")
    conn.execute(
        "UPDATE appointments SET occupied_start = %s, occupied_end = %s, starts_at = %s WHERE id = 'a'",
        (t(1500), t(2500), t(1500)),
    )
    assert conn.execute("SELECT count(*) FROM appointments WHERE staff_id = 'sam'").fetchone() == (3,)


def test_holds_refuse_holds_and_live_appointments(conn: Conn) -> None:
    hold(conn, "h1", "sam", 1000, 2000)
    appointment(conn, "a", "sam", 5000, 6000)

    with overlap("reservations_no_overlapping_holds|reservations_no_overlap"):
        hold(conn, "h2", "sam", 1500, 2500)
    with overlap():
        hold(conn, "h3", "sam", 5500, 5600)
    with overlap():
        conn.execute(
            "UPDATE holds SET starts_at = %(s)s, occupied_start = %(s)s, ends_at = %(e)s, occupied_end = %(e)s"
            " WHERE id = 'h1'",
            {"s": t(5500), "e": t(5600)},
        )
    hold(conn, "h4", "alex", 1500, 2500)


def test_an_appointment_over_a_hold_is_refused_until_the_hold_is_gone(conn: Conn) -> None:
    """The constraint knows no time: a hold blocks until it is deleted. The ledger deletes lapsed holds of the
    staff member in the booking's own transaction, before the insert; the holder deletes its own hold likewise."""
    hold(conn, "h1", "sam", 1000, 2000)

    with overlap():
        appointment(conn, "a", "sam", 1000, 2000)
    with conn.transaction():
        conn.execute("DELETE FROM holds WHERE id = 'h1'")
        appointment(conn, "a", "sam", 1000, 2000)


def test_a_hold_replacing_an_appointment_ignores_only_that_appointment(conn: Conn) -> None:
    appointment(conn, "a", "sam", 1000, 2000)
    appointment(conn, "b", "sam", 2000, 3000)

    with overlap():
        hold(conn, "h1", "sam", 1500, 2500, replacing="a")  # b is still there
    hold(conn, "h2", "sam", 1200, 1800, replacing="a")
    appointment(conn, "c", "sam", 1200, 1800, status="cancelled")
    with overlap():  # the hold still blocks everyone else
        conn.execute("UPDATE appointments SET status = 'confirmed' WHERE id = 'c'")
    with overlap("reservations_no_overlapping_holds"):  # and every other hold, even one moving the same booking
        hold(conn, "h3", "sam", 1000, 1300, replacing="a")
    conn.execute(
        "UPDATE appointments SET starts_at = %s, ends_at = %s, occupied_start = %s, occupied_end = %s WHERE id = 'a'",
        (t(1200), t(1800), t(1200), t(1800)),
    )  # but not the appointment it was taken to move


def test_idempotency_keys_are_unique(conn: Conn) -> None:
    appointment(conn, "a", "sam", 1000, 2000)
    hold(conn, "h1", "sam", 3000, 4000)
    appointment(conn, "b", "alex", 1000, 2000)
    change = "INSERT INTO appointment_changes (key, appointment_id, kind, created_at) VALUES ('c1', 'a', %s, now())"

    with pytest.raises(errors.UniqueViolation, match="appointments_idempotency_key_key"):
        conn.execute("UPDATE appointments SET idempotency_key = 'key-a' WHERE id = 'b'")
    with pytest.raises(errors.UniqueViolation, match="holds_key_key"):
        conn.execute(
            "INSERT INTO holds (id, key, staff_id, service_id, starts_at, ends_at, occupied_start, occupied_end,"
            " created_at, expires_at) SELECT 'h2', key, 'alex', service_id, starts_at, ends_at, occupied_start,"
            " occupied_end, created_at, expires_at FROM holds WHERE id = 'h1'"
        )
    conn.execute(change, ("cancel",))
    with pytest.raises(errors.UniqueViolation, match="appointment_changes_pkey"):
        conn.execute(change, ("move",))


def test_a_reservation_cannot_be_written_or_dropped_behind_the_guard(conn: Conn) -> None:
    """Every reservation row belongs to exactly one live appointment or hold, and goes with it."""
    appointment(conn, "a", "sam", 1000, 2000)
    hold(conn, "h1", "sam", 3000, 4000)

    with pytest.raises(errors.CheckViolation):
        conn.execute(
            "INSERT INTO reservations (staff_id, occupied, owner) VALUES ('sam', tstzrange(%s, %s), 'x')",
            (t(5000), t(6000)),
        )
    conn.execute("DELETE FROM holds WHERE id = 'h1'")
    conn.execute("UPDATE appointments SET status = 'cancelled' WHERE id = 'a'")
    assert conn.execute("SELECT count(*) FROM reservations").fetchone() == (0,)
