"""SqliteCalendarGateway: busy time, idempotent events, moves, cancels and a customer's upcoming bookings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from slotline.application.errors import EventNotFound
from slotline.domain.ids import StaffId
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.sqlite import SqliteCalendarGateway, SqliteDatabase
from tests.factories import NOW
from tests.integration.sqlite_helpers import CATALOGUE, OTHER_PHONE, PHONE, appointment, at, slot

SAM, ALEX, JORDAN = (CATALOGUE.staff_member(s) for s in ("sam", "alex", "jordan"))
DAY = TimeWindow(at(0), at(23, 59))


@pytest.fixture
def calendar(tmp_path: Path) -> SqliteCalendarGateway:
    return SqliteCalendarGateway(SqliteDatabase(tmp_path / "slotline.db"), FixedClock(NOW))


async def test_busy_has_a_key_for_every_asked_member_and_whole_events(calendar: SqliteCalendarGateway) -> None:
    await calendar.add_busy(SAM.id, TimeWindow(at(8), at(10)), "Dentist")
    calendar.add_busy_blocking(SAM.id, TimeWindow(at(14), at(15)))
    await calendar.add_busy(ALEX.id, TimeWindow(at(9), at(9, 30)))
    await calendar.add_busy(SAM.id, TimeWindow(at(18), at(19)))

    busy = await calendar.busy([SAM, ALEX, JORDAN], TimeWindow(at(9), at(17)))

    assert busy == {
        SAM.id: [TimeWindow(at(8), at(10)), TimeWindow(at(14), at(15))],  # not clipped to the window
        ALEX.id: [TimeWindow(at(9), at(9, 30))],
        JORDAN.id: [],
    }
    assert await calendar.busy([], DAY) == {}


async def test_create_is_idempotent_per_key(calendar: SqliteCalendarGateway) -> None:
    booked = appointment(slot(10), "a1")

    first = await calendar.create(booked, SAM, idempotency_key="create-a1")
    again = await calendar.create(booked, SAM, idempotency_key="create-a1")

    assert first == again
    assert (await calendar.busy([SAM], DAY))[SAM.id] == [slot(10).window]


async def test_upcoming_rebuilds_the_customers_future_bookings_soonest_first(calendar: SqliteCalendarGateway) -> None:
    late = appointment(slot(15), "late")
    early = appointment(slot(10), "early")
    late_id = await calendar.create(late, SAM, idempotency_key="k-late")
    early_id = await calendar.create(early, SAM, idempotency_key="k-early")
    await calendar.create(appointment(slot(11), "theirs", phone=OTHER_PHONE), SAM, idempotency_key="k-other")
    await calendar.add_busy(SAM.id, TimeWindow(at(16), at(17)))

    upcoming = await calendar.upcoming(PHONE, NOW)

    assert upcoming == [replace(early, external_event_id=early_id), replace(late, external_event_id=late_id)]
    assert await calendar.upcoming(PHONE, at(12)) == upcoming[1:]


async def test_move_rewrites_the_same_event(calendar: SqliteCalendarGateway) -> None:
    booked = appointment(slot(10), "a1")
    event_id = await calendar.create(booked, SAM, idempotency_key="k1")

    moved_id = await calendar.move(booked.moved_to(slot(14, staff="alex")), ALEX, event_id)

    assert moved_id == event_id
    busy = await calendar.busy([SAM, ALEX], DAY)
    assert busy == {SAM.id: [], ALEX.id: [slot(14).window]}
    with pytest.raises(EventNotFound):
        await calendar.move(booked, SAM, "no-such-event")


async def test_cancel_removes_the_event_and_tolerates_a_missing_one(calendar: SqliteCalendarGateway) -> None:
    event_id = await calendar.create(appointment(slot(10), "a1"), SAM, idempotency_key="k1")

    await calendar.cancel(SAM, event_id)
    await calendar.cancel(SAM, event_id)

    assert await calendar.busy([SAM], DAY) == {StaffId("sam"): []}
    assert await calendar.upcoming(PHONE, NOW) == []
