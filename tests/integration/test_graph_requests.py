"""What the Graph gateway puts on the wire, as the fake server recorded it."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta

import pytest

from slotline.domain.ids import ServiceId
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.msgraph.booking_tag import BOOKING_PROPERTY, PHONE_PROPERTY
from slotline.infrastructure.msgraph.gateway import GraphCalendarGateway
from tests.factories import NEW_YORK, NOW
from tests.integration.fake_graph import FakeGraph
from tests.integration.graph_helpers import ALEX, CALENDARS, JORDAN, SAM, gateway_for
from tests.integration.sqlite_helpers import PHONE, appointment, at, slot


@pytest.fixture
def fake() -> Iterator[FakeGraph]:
    with FakeGraph.running(CALENDARS) as server:
        yield server


@pytest.fixture
async def gateway(fake: FakeGraph) -> AsyncIterator[GraphCalendarGateway]:
    gateway = gateway_for(fake)
    yield gateway
    await gateway.aclose()


async def test_create_sends_a_transaction_id_local_times_and_the_booking_properties(
    gateway: GraphCalendarGateway, fake: FakeGraph
) -> None:
    booked = appointment(slot(10), "a1")
    await gateway.create(booked, SAM, idempotency_key="book-a1")
    await gateway.create(booked, SAM, idempotency_key="book-a1")
    await gateway.create(appointment(slot(12), "a2"), SAM, idempotency_key="book-a2")

    first, again, other = fake.calls("POST", "/events")
    assert first.body == again.body  # a retry is the same request, transactionId included
    assert uuid.UUID(first.body["transactionId"]) != uuid.UUID(other.body["transactionId"])
    assert first.path == "/v1.0/users/sam%40maple.example/events"
    assert first.body["@odata.type"] == "#microsoft.graph.event"
    assert first.body["start"] == {"dateTime": "2026-11-26T10:00:00", "timeZone": "America/New_York"}
    assert first.body["end"] == {"dateTime": "2026-11-26T10:30:00", "timeZone": "America/New_York"}
    assert first.body["subject"] == "Haircut with Jane Doe"
    assert first.body["body"] == {
        "contentType": "text",
        "content": "Haircut for Jane Doe.\nPhone: +12125550123\nBooked by slotline (appointment a1).",
    }
    assert first.body["showAs"] == "busy"
    properties = {p["id"]: p["value"] for p in first.body["singleValueExtendedProperties"]}
    assert properties[PHONE_PROPERTY] == "+12125550123"
    assert json.loads(properties[BOOKING_PROPERTY]) == {
        "v": 1,
        "appointment": "a1",
        "service": "haircut",
        "staff": "sam",
        "name": "Jane Doe",
    }
    assert first.headers["prefer"] == 'IdType="ImmutableId"'
    assert first.headers["authorization"] == f"Bearer {fake.token}"


async def test_a_wall_time_that_happens_twice_goes_out_in_utc(gateway: GraphCalendarGateway, fake: FakeGraph) -> None:
    second_0130 = datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=NEW_YORK)  # 01:30 EST, after the clocks went back
    repeated = Slot(TimeWindow.starting(second_0130, timedelta(minutes=30)), SAM.id, ServiceId("haircut"))

    await gateway.create(appointment(repeated, "a1"), SAM, idempotency_key="k1")

    [sent] = fake.calls("POST", "/events")
    assert sent.body["start"] == {"dateTime": "2026-11-01T06:30:00", "timeZone": "UTC"}
    assert sent.body["end"] == {"dateTime": "2026-11-01T02:00:00", "timeZone": "America/New_York"}


async def test_get_schedule_asks_for_every_calendar_once_in_pascal_case(
    gateway: GraphCalendarGateway, fake: FakeGraph
) -> None:
    await gateway.busy([SAM, ALEX, JORDAN], TimeWindow(at(9), at(17)))

    [asked] = fake.requests
    assert (asked.method, asked.path) == ("POST", "/v1.0/users/sam%40maple.example/calendar/getSchedule")
    assert set(asked.body) == {"Schedules", "StartTime", "EndTime", "AvailabilityViewInterval"}
    assert asked.body["Schedules"] == CALENDARS
    assert asked.body["StartTime"] == {"dateTime": "2026-11-26T14:00:00", "timeZone": "UTC"}
    assert asked.body["EndTime"] == {"dateTime": "2026-11-26T22:00:00", "timeZone": "UTC"}


async def test_get_schedule_can_be_asked_through_a_named_mailbox(fake: FakeGraph) -> None:
    fake.add_mailbox("bookings@maple.example")
    gateway = gateway_for(fake, schedule_mailbox="bookings@maple.example")

    await gateway.busy([ALEX], TimeWindow(at(9), at(17)))

    await gateway.aclose()
    assert [r.path for r in fake.requests] == ["/v1.0/users/bookings%40maple.example/calendar/getSchedule"]


async def test_calendar_view_reads_only_status_and_times(fake: FakeGraph) -> None:
    gateway = gateway_for(fake, busy_source="calendar_view")

    await gateway.busy([SAM, ALEX], TimeWindow(at(9), at(17)))

    await gateway.aclose()
    assert sorted(r.path for r in fake.requests) == [
        "/v1.0/users/alex%40maple.example/calendarView",
        "/v1.0/users/sam%40maple.example/calendarView",
    ]
    assert fake.requests[0].query == {
        "startDateTime": "2026-11-26T14:00:00Z",
        "endDateTime": "2026-11-26T22:00:00Z",
        "$select": "showAs,start,end,isCancelled",
        "$top": "100",
    }


async def test_a_move_in_place_patches_the_event(gateway: GraphCalendarGateway, fake: FakeGraph) -> None:
    booked = appointment(slot(10), "a1")
    event_id = await gateway.create(booked, SAM, idempotency_key="k1")
    graph_id = event_id.partition("|")[2]

    await gateway.move(booked.moved_to(slot(15)), SAM, event_id)

    [patch] = fake.calls("PATCH")
    assert patch.path.startswith("/v1.0/users/sam%40maple.example/events/AAMk") and patch.path.endswith("%3D%3D")
    assert fake.events("sam@maple.example")[0].id == graph_id
    assert patch.body["start"] == {"dateTime": "2026-11-26T15:00:00", "timeZone": "America/New_York"}
    assert "transactionId" not in patch.body


async def test_upcoming_filters_on_the_phone_property_in_every_calendar(
    gateway: GraphCalendarGateway, fake: FakeGraph
) -> None:
    await gateway.upcoming(PHONE, NOW)

    asked = fake.calls("GET", "/events")
    assert sorted(r.path for r in asked) == [f"/v1.0/users/{c.replace('@', '%40')}/events" for c in sorted(CALENDARS)]
    assert asked[0].query == {
        "$filter": f"singleValueExtendedProperties/Any(ep: ep/id eq '{PHONE_PROPERTY}' and ep/value eq '+12125550123')",
        "$expand": f"singleValueExtendedProperties($filter=id eq '{PHONE_PROPERTY}' or id eq '{BOOKING_PROPERTY}')",
        "$select": "subject,start,end,isCancelled,transactionId",
        "$top": "100",
    }


async def test_a_hand_made_booking_without_the_booking_property_is_read_from_its_subject(
    gateway: GraphCalendarGateway, fake: FakeGraph
) -> None:
    assert JORDAN.calendar
    tag = {PHONE_PROPERTY: PHONE.e164}
    fake.add_event(JORDAN.calendar, at(11), at(12), subject="Back massage, Mr Smith", properties=tag)
    fake.add_event(JORDAN.calendar, at(14), at(15), subject="Sore back", properties=tag)  # which service? skipped

    [found] = await gateway.upcoming(PHONE, NOW)

    assert (found.service_id, found.staff_id, found.window) == ("massage", "jordan", TimeWindow(at(11), at(12)))
    assert found.id.startswith("graph-") and found.customer_name is None
