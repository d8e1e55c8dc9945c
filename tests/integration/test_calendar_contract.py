"""The CalendarGateway contract, run against every adapter: the embedded SQLite calendar and Graph (fake server).

Each adapter comes with a way to put things in a calendar behind the gateway's back: a plain busy block, and
a booking a staff member made by hand for a customer (in Graph: an event carrying slotline's phone property).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from uuid import uuid4

import pytest

from slotline.application.errors import EventNotFound
from slotline.application.ports import CalendarGateway
from slotline.domain.appointment import Appointment
from slotline.domain.catalogue import StaffMember
from slotline.domain.ids import ServiceId
from slotline.domain.phone import PhoneNumber
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.msgraph.gateway import GraphCalendarGateway
from slotline.infrastructure.sqlite import SqliteCalendarGateway, SqliteDatabase
from slotline.infrastructure.sqlite.ledger_rows import span
from tests.factories import NEW_YORK, NOW
from tests.integration.fake_graph import FakeGraph
from tests.integration.graph_helpers import ALEX, CALENDARS, JORDAN, SAM, config_for, tagged
from tests.integration.sqlite_helpers import CATALOGUE, OTHER_PHONE, PHONE, appointment, at, slot

DAY = TimeWindow(at(0), at(23, 59))


@dataclass
class Calendar:
    """A gateway under test and the back doors into the calendars behind it."""

    gateway: CalendarGateway
    add_busy: Callable[[StaffMember, TimeWindow], Awaitable[str]]
    add_hand_booking: Callable[[StaffMember, TimeWindow, PhoneNumber, ServiceId], Awaitable[str]]


def _sqlite(tmp_path: Path) -> Calendar:
    db = SqliteDatabase(tmp_path / "x.db")
    gateway = SqliteCalendarGateway(db, FixedClock(NOW))

    async def add_busy(staff: StaffMember, window: TimeWindow) -> str:
        return await gateway.add_busy(staff.id, window)

    async def add_hand_booking(staff: StaffMember, window: TimeWindow, phone: PhoneNumber, service: ServiceId) -> str:
        event_id = uuid4().hex
        query = (
            "INSERT INTO calendar_events (id, staff_id, start, end, subject, customer_phone, appointment_id,"
            " service_id, slotline, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 0)"
        )
        params = (event_id, staff.id, *span(window), "Booked by hand", phone.e164, f"hand-{event_id}", service)
        await db.write(lambda c: c.execute(query, params))
        return event_id

    return Calendar(gateway, add_busy, add_hand_booking)


def _graph(fake: FakeGraph) -> Calendar:
    gateway = GraphCalendarGateway(config_for(fake), CATALOGUE)

    async def add_busy(staff: StaffMember, window: TimeWindow) -> str:
        assert staff.calendar
        return f"{staff.calendar}|{fake.add_event(staff.calendar, window.start, window.end)}"

    async def add_hand_booking(staff: StaffMember, window: TimeWindow, phone: PhoneNumber, service: ServiceId) -> str:
        assert staff.calendar
        subject = f"{CATALOGUE.service(service).name} (booked by phone)"
        event_id = fake.add_event(
            staff.calendar, window.start, window.end, subject=subject, properties=tagged(phone.e164)
        )
        return f"{staff.calendar}|{event_id}"

    return Calendar(gateway, add_busy, add_hand_booking)


@pytest.fixture(params=["sqlite", "graph"])
async def calendar(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Calendar]:
    if request.param == "sqlite":
        yield _sqlite(tmp_path)
        return
    with FakeGraph.running(CALENDARS) as fake:
        under_test = _graph(fake)
        yield under_test
        assert isinstance(under_test.gateway, GraphCalendarGateway)
        await under_test.gateway.aclose()


def _with_id(booked: Appointment, event_id: str) -> Appointment:
    return replace(booked, external_event_id=event_id)


async def test_busy_has_every_asked_member_and_whole_events(calendar: Calendar) -> None:
    await calendar.add_busy(SAM, TimeWindow(at(8), at(10)))
    await calendar.add_busy(SAM, TimeWindow(at(14), at(15)))
    await calendar.add_busy(ALEX, TimeWindow(at(9), at(9, 30)))
    await calendar.add_busy(SAM, TimeWindow(at(18), at(19)))

    busy = await calendar.gateway.busy([SAM, ALEX, JORDAN], TimeWindow(at(9), at(17)))

    assert busy == {
        SAM.id: [TimeWindow(at(8), at(10)), TimeWindow(at(14), at(15))],  # not clipped to the window
        ALEX.id: [TimeWindow(at(9), at(9, 30))],
        JORDAN.id: [],
    }
    assert await calendar.gateway.busy([], DAY) == {}


async def test_busy_includes_bookings(calendar: Calendar) -> None:
    await calendar.gateway.create(appointment(slot(10), "a1"), SAM, idempotency_key="k1")
    await calendar.add_hand_booking(ALEX, slot(11).window, PHONE, ServiceId("haircut"))

    busy = await calendar.gateway.busy([SAM, ALEX], DAY)

    assert busy == {SAM.id: [slot(10).window], ALEX.id: [slot(11).window]}


async def test_create_is_idempotent_per_key(calendar: Calendar) -> None:
    booked = appointment(slot(10), "a1")

    first = await calendar.gateway.create(booked, SAM, idempotency_key="create-a1")
    again = await calendar.gateway.create(booked, SAM, idempotency_key="create-a1")
    other = await calendar.gateway.create(appointment(slot(12), "a2"), SAM, idempotency_key="create-a2")

    assert first == again != other
    assert (await calendar.gateway.busy([SAM], DAY))[SAM.id] == [slot(10).window, slot(12).window]
    assert await calendar.gateway.upcoming(PHONE, NOW) == [
        _with_id(booked, first),
        _with_id(appointment(slot(12), "a2"), other),
    ]


async def test_move_within_one_calendar(calendar: Calendar) -> None:
    booked = appointment(slot(10), "a1")
    event_id = await calendar.gateway.create(booked, SAM, idempotency_key="k1")
    later = booked.moved_to(slot(15, 30))

    moved_id = await calendar.gateway.move(later, SAM, event_id)

    assert (await calendar.gateway.busy([SAM], DAY))[SAM.id] == [slot(15, 30).window]
    assert await calendar.gateway.upcoming(PHONE, NOW) == [_with_id(later, moved_id)]


async def test_move_to_another_staff_member(calendar: Calendar) -> None:
    booked = appointment(slot(10), "a1")
    event_id = await calendar.gateway.create(booked, SAM, idempotency_key="k1")
    to_alex = booked.moved_to(slot(14, staff="alex"))

    moved_id = await calendar.gateway.move(to_alex, ALEX, event_id)

    assert await calendar.gateway.busy([SAM, ALEX], DAY) == {SAM.id: [], ALEX.id: [slot(14).window]}
    assert await calendar.gateway.upcoming(PHONE, NOW) == [_with_id(to_alex, moved_id)]
    back = await calendar.gateway.move(booked, SAM, moved_id)  # and back again, as a failed reschedule does
    assert await calendar.gateway.busy([SAM, ALEX], DAY) == {SAM.id: [slot(10).window], ALEX.id: []}
    assert await calendar.gateway.upcoming(PHONE, NOW) == [_with_id(booked, back)]


async def test_moving_a_missing_event_is_event_not_found(calendar: Calendar) -> None:
    with pytest.raises(EventNotFound):
        await calendar.gateway.move(appointment(slot(10), "a1"), SAM, "no-such-event")


async def test_cancel_twice_is_fine(calendar: Calendar) -> None:
    event_id = await calendar.gateway.create(appointment(slot(10), "a1"), SAM, idempotency_key="k1")

    await calendar.gateway.cancel(SAM, event_id)
    await calendar.gateway.cancel(SAM, event_id)

    assert await calendar.gateway.busy([SAM], DAY) == {SAM.id: []}
    assert await calendar.gateway.upcoming(PHONE, NOW) == []


async def test_upcoming_finds_the_customers_future_bookings_soonest_first(calendar: Calendar) -> None:
    late = appointment(slot(15), "late")
    early = appointment(slot(10), "early")
    late_id = await calendar.gateway.create(late, SAM, idempotency_key="k-late")
    early_id = await calendar.gateway.create(early, SAM, idempotency_key="k-early")
    await calendar.gateway.create(appointment(slot(11), "theirs", phone=OTHER_PHONE), SAM, idempotency_key="k-other")
    await calendar.add_busy(SAM, TimeWindow(at(16), at(17)))
    by_hand = TimeWindow.starting(at(13), timedelta(minutes=90))
    hand_id = await calendar.add_hand_booking(ALEX, by_hand, PHONE, ServiceId("colour"))

    upcoming = await calendar.gateway.upcoming(PHONE, NOW)

    assert upcoming[0] == _with_id(early, early_id)
    assert upcoming[2] == _with_id(late, late_id)
    hand = upcoming[1]
    assert (hand.service_id, hand.staff_id, hand.window, hand.customer_phone) == ("colour", "alex", by_hand, PHONE)
    assert hand.external_event_id == hand_id and hand.id and hand.is_live
    assert len(upcoming) == 3
    assert await calendar.gateway.upcoming(PHONE, at(12)) == upcoming[1:]
    assert await calendar.gateway.upcoming(PhoneNumber("+12125550999"), NOW) == []


FALL_BACK = datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK)  # 01:30 happens twice in New York that night
SPRING_FORWARD = datetime(2027, 3, 14, 1, 0, tzinfo=NEW_YORK)  # 02:00-03:00 does not happen


def _at(local: datetime, *, fold: int = 0) -> Slot:
    return Slot(TimeWindow.starting(local.replace(fold=fold), timedelta(minutes=30)), SAM.id, ServiceId("haircut"))


async def test_windows_across_dst_keep_their_real_length(calendar: Calendar) -> None:
    first, second = appointment(_at(FALL_BACK), "first-0130"), appointment(_at(FALL_BACK, fold=1), "second-0130")
    first_id = await calendar.gateway.create(first, SAM, idempotency_key="k-first")
    second_id = await calendar.gateway.create(second, SAM, idempotency_key="k-second")
    night = TimeWindow(datetime(2026, 10, 31, 22, 0, tzinfo=NEW_YORK), datetime(2026, 11, 1, 4, 0, tzinfo=NEW_YORK))
    spring_block = TimeWindow(SPRING_FORWARD, SPRING_FORWARD.replace(hour=4))  # 01:00-04:00 is two real hours
    await calendar.add_busy(SAM, spring_block)

    fall = (await calendar.gateway.busy([SAM], night))[SAM.id]
    spring = await calendar.gateway.busy(
        [SAM], TimeWindow(SPRING_FORWARD.replace(hour=0), SPRING_FORWARD.replace(hour=6))
    )

    assert fall == [first.window, second.window]
    assert second.window.start - first.window.start == timedelta(hours=1)
    assert spring[SAM.id] == [spring_block] and spring_block.duration == timedelta(hours=2)
    before = datetime(2026, 10, 30, 9, 0, tzinfo=NEW_YORK)
    assert await calendar.gateway.upcoming(PHONE, before) == [_with_id(first, first_id), _with_id(second, second_id)]
    moved = await calendar.gateway.move(first.moved_to(_at(FALL_BACK.replace(hour=3))), SAM, first_id)
    assert (await calendar.gateway.busy([SAM], night))[SAM.id] == [second.window, _at(FALL_BACK.replace(hour=3)).window]
    assert moved
