"""Busy time from Graph: which statuses block, long windows, many calendars, paging, and request counts."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta

import pytest

from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.msgraph.busy import SCHEDULES_PER_REQUEST, CalendarViewBusy, ScheduleBusy
from slotline.infrastructure.msgraph.client import connect
from slotline.infrastructure.msgraph.gateway import GraphCalendarGateway
from slotline.infrastructure.msgraph.retry import Deadline
from slotline.infrastructure.msgraph.settings import BusySource
from tests.factories import NEW_YORK
from tests.integration.fake_graph import FakeGraph
from tests.integration.fake_graph.measure_busy import EVENTS_PER_DAY, WAYS, fill
from tests.integration.graph_helpers import (
    ALEX,
    CALENDARS,
    SAM,
    SAM_CAL,
    config_for,
    gateway_for,
    staffed_catalogue,
)
from tests.integration.sqlite_helpers import at

DAY = TimeWindow(at(0), at(23, 59))
SOURCES: list[BusySource] = ["schedule", "calendar_view"]


@pytest.fixture
def fake() -> Iterator[FakeGraph]:
    with FakeGraph.running(CALENDARS) as server:
        yield server


@pytest.fixture(params=SOURCES)
async def gateway(fake: FakeGraph, request: pytest.FixtureRequest) -> AsyncIterator[GraphCalendarGateway]:
    gateway = gateway_for(fake, busy_source=request.param, page_size=10)
    yield gateway
    await gateway.aclose()


async def test_only_free_leaves_a_staff_member_bookable(gateway: GraphCalendarGateway, fake: FakeGraph) -> None:
    statuses = ["free", "tentative", "busy", "oof", "workingElsewhere", "unknown"]
    for hour, status in enumerate(statuses, start=9):
        fake.add_event(SAM_CAL, at(hour), at(hour, 30), show_as=status)
    fake.add_event(SAM_CAL, at(16), at(17), is_cancelled=True)

    busy = await gateway.busy([SAM, ALEX], DAY)

    assert busy == {SAM.id: [TimeWindow(at(h), at(h, 30)) for h in range(10, 15)], ALEX.id: []}


async def test_events_are_whole_and_in_order(gateway: GraphCalendarGateway, fake: FakeGraph) -> None:
    fake.add_event(SAM_CAL, at(15), at(16))
    fake.add_event(SAM_CAL, at(7), at(9, 30))  # starts before the window
    fake.add_event(SAM_CAL, at(12), at(12, 15))

    busy = await gateway.busy([SAM], TimeWindow(at(9), at(17)))

    assert busy[SAM.id] == [TimeWindow(at(7), at(9, 30)), TimeWindow(at(12), at(12, 15)), TimeWindow(at(15), at(16))]


async def test_a_window_of_42_days_or_more_is_asked_in_pieces(fake: FakeGraph) -> None:
    gateway = gateway_for(fake)
    start = datetime(2027, 1, 4, tzinfo=NEW_YORK)
    window = TimeWindow(start, start + timedelta(days=60))
    across = TimeWindow(start + timedelta(days=40, hours=23), start + timedelta(days=41, hours=1))  # on the seam
    later = TimeWindow(start + timedelta(days=50), start + timedelta(days=50, hours=1))
    for busy_block in (across, later):
        fake.add_event(SAM_CAL, busy_block.start, busy_block.end)

    busy = await gateway.busy([SAM], window)

    await gateway.aclose()
    assert busy == {SAM.id: [across, later]}  # once each, though the seam event is in both answers
    asked = fake.calls("POST", "getSchedule")
    assert len(asked) == 2
    for call in asked:
        start_time = datetime.fromisoformat(call.body["StartTime"]["dateTime"])
        end_time = datetime.fromisoformat(call.body["EndTime"]["dateTime"])
        assert end_time - start_time < timedelta(days=42)


async def test_many_calendars_are_asked_in_batches(fake: FakeGraph) -> None:
    calendars = [f"s{i}@maple.example" for i in range(SCHEDULES_PER_REQUEST + 5)]
    for calendar in calendars:
        fake.add_mailbox(calendar)
    fake.add_event(calendars[-1], at(10), at(11))
    connection = connect(config_for(fake))

    busy = await ScheduleBusy().read(connection.client, calendars, DAY, Deadline(2.0))

    await connection.aclose()
    assert busy[calendars[-1]] == [TimeWindow(at(10), at(11))]
    assert all(busy[c] == [] for c in calendars[:-1])
    asked = sorted(len(c.body["Schedules"]) for c in fake.calls("POST", "getSchedule"))  # sent side by side
    assert asked == [5, SCHEDULES_PER_REQUEST]


async def test_calendar_view_follows_next_links(fake: FakeGraph) -> None:
    blocks = [TimeWindow(at(8) + timedelta(minutes=20 * i), at(8) + timedelta(minutes=20 * i + 10)) for i in range(25)]
    for block in blocks:
        fake.add_event(SAM_CAL, block.start, block.end)
    connection = connect(config_for(fake))

    busy = await CalendarViewBusy(page_size=10).read(connection.client, [SAM_CAL], DAY, Deadline(2.0))

    await connection.aclose()
    assert busy == {SAM_CAL: blocks}
    pages = fake.calls("GET", "calendarView")
    assert [p.query.get("$skip") for p in pages] == [None, "10", "20"]


@pytest.mark.parametrize(("staff", "days", "schedule", "view_100", "view_10"), [(3, 1, 1, 3, 3), (5, 7, 1, 5, 30)])
async def test_requests_per_busy_call(staff: int, days: int, schedule: int, view_100: int, view_10: int) -> None:
    """The numbers behind choosing getSchedule (busy.py; `python -m tests.integration.fake_graph.measure_busy`)."""
    catalogue = staffed_catalogue(staff)
    start = datetime(2027, 1, 4, tzinfo=NEW_YORK)
    window = TimeWindow(start, start + timedelta(days=days))
    with FakeGraph.running([m.calendar for m in catalogue.staff if m.calendar]) as fake:
        fill(fake, catalogue, start, days)
        counted, answers = [], []
        for source, page in WAYS:
            gateway = gateway_for(fake, catalogue, busy_source=source, page_size=page, deadline_seconds=30.0)
            fake.clear_requests()
            answers.append(await gateway.busy(catalogue.staff, window))
            counted.append(len(fake.requests))
            await gateway.aclose()

    assert counted == [schedule, view_100, view_10]
    assert view_10 == staff * math.ceil(days * EVENTS_PER_DAY / 10)
    assert answers[0] == answers[1] == answers[2]
    assert all(len(found) == days * EVENTS_PER_DAY for found in answers[0].values())
