"""The failure policy for a live caller: SDK retries off, our retries inside one deadline, port errors out."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator

import pytest
from kiota_abstractions.api_error import APIError
from pydantic import SecretStr

from slotline.application.errors import CalendarConflict, CalendarUnavailable, EventNotFound
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.msgraph.client import connect
from slotline.infrastructure.msgraph.gateway import GraphCalendarGateway
from slotline.infrastructure.msgraph.retry import retry_after
from tests.integration.fake_graph import FakeGraph, Fault
from tests.integration.graph_helpers import (
    ALEX,
    ALEX_CAL,
    CALENDARS,
    JORDAN,
    SAM,
    SAM_CAL,
    config_for,
    gateway_for,
)
from tests.integration.sqlite_helpers import CATALOGUE, appointment, at, slot

pytestmark = pytest.mark.filterwarnings("ignore:This class is deprecated:DeprecationWarning")

DAY = TimeWindow(at(0), at(23, 59))
DEADLINE = 1.2


@pytest.fixture
def fake() -> Iterator[FakeGraph]:
    with FakeGraph.running(CALENDARS) as server:
        yield server


@pytest.fixture
async def gateway(fake: FakeGraph) -> AsyncIterator[GraphCalendarGateway]:
    gateway = gateway_for(fake, deadline_seconds=DEADLINE, attempt_timeout_seconds=0.4)
    await gateway.warm_up()  # as at start-up, so msgraph's one-off lazy imports do not eat a test's deadline
    yield gateway
    await gateway.aclose()


class Stopwatch:
    def __enter__(self) -> Stopwatch:
        self.started = time.monotonic()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.monotonic() - self.started


async def test_the_sdk_retry_handler_is_off(fake: FakeGraph) -> None:
    fake.fail(Fault(503, times=1))
    connection = connect(config_for(fake))

    with pytest.raises(APIError) as failed:
        await connection.client.users.by_user_id(SAM_CAL).events.by_event_id("x").delete()

    await connection.aclose()
    assert failed.value.response_status_code == 503
    assert len(fake.requests) == 1  # kiota's RetryHandler would have tried three more times


async def test_429_with_retry_after_inside_the_deadline_is_waited_for(fake: FakeGraph) -> None:
    gateway = gateway_for(fake, deadline_seconds=3.0)
    await gateway.warm_up()
    fake.fail(Fault(429, retry_after="1", method="POST", code="ApplicationThrottled"))

    with Stopwatch() as clock:
        event_id = await gateway.create(appointment(slot(10), "a1"), SAM, idempotency_key="k1")

    await gateway.aclose()
    assert event_id
    assert 1.0 <= clock.seconds < 4.0  # bounds are generous: CI machines are busy
    assert [r.fault for r in fake.calls("POST", "/events")] == [429, None]


async def test_429_with_retry_after_past_the_deadline_fails_at_once(
    gateway: GraphCalendarGateway, fake: FakeGraph
) -> None:
    fake.fail(Fault(429, retry_after="30", method="POST"))

    with Stopwatch() as clock, pytest.raises(CalendarUnavailable, match="HTTP 429"):
        await gateway.create(appointment(slot(10), "a1"), SAM, idempotency_key="k1")

    assert clock.seconds < 5.0  # it did not sleep towards the 30 s
    assert len(fake.calls("POST", "/events")) == 1


async def test_503_then_success(gateway: GraphCalendarGateway, fake: FakeGraph) -> None:
    fake.add_event(SAM_CAL, at(9), at(10))
    fake.fail(Fault(503, path_contains="getSchedule"))

    busy = await gateway.busy([SAM], DAY)

    assert busy == {SAM.id: [TimeWindow(at(9), at(10))]}
    assert [r.fault for r in fake.calls("POST", "getSchedule")] == [503, None]


async def test_persistent_504_is_unavailable_within_the_deadline(
    gateway: GraphCalendarGateway, fake: FakeGraph
) -> None:
    fake.fail(Fault(504, times=1000, html=True))  # a gateway page, not JSON

    with Stopwatch() as clock, pytest.raises(CalendarUnavailable, match="HTTP 504"):
        await gateway.busy([SAM, ALEX], DAY)

    assert clock.seconds < DEADLINE + 2.0
    assert len(fake.requests) >= 3


async def test_a_stalled_server_is_unavailable_within_the_deadline(
    gateway: GraphCalendarGateway, fake: FakeGraph
) -> None:
    fake.fail(Fault(times=1000, stall_seconds=30))

    with Stopwatch() as clock, pytest.raises(CalendarUnavailable):
        await gateway.upcoming(appointment(slot(10), "a1").customer_phone, at(0))

    assert clock.seconds < DEADLINE + 2.0
    assert len(fake.calls("GET", "/events")) >= 2 * 3  # each calendar's stalled attempt was tried again


async def test_a_stall_longer_than_the_deadline_ends_at_the_deadline(fake: FakeGraph) -> None:
    gateway = gateway_for(fake, deadline_seconds=1.0, attempt_timeout_seconds=1.0)
    fake.fail(Fault(times=1, stall_seconds=30))

    with Stopwatch() as clock, pytest.raises(CalendarUnavailable, match="no answer within 1 s"):
        await gateway.busy([SAM], DAY)

    await gateway.aclose()
    assert 0.9 <= clock.seconds < 4.0


async def test_409_is_a_conflict(gateway: GraphCalendarGateway, fake: FakeGraph) -> None:
    fake.fail(Fault(409, method="POST", code="ErrorIrresolvableConflict"))

    with pytest.raises(CalendarConflict, match="HTTP 409"):
        await gateway.create(appointment(slot(10), "a1"), SAM, idempotency_key="k1")

    assert len(fake.requests) == 1


async def test_malformed_json_is_unavailable(gateway: GraphCalendarGateway, fake: FakeGraph) -> None:
    fake.fail(Fault(malformed=True, times=2))

    with pytest.raises(CalendarUnavailable, match="not valid JSON"):
        await gateway.busy([SAM], DAY)
    with pytest.raises(CalendarUnavailable, match="not valid JSON"):
        await gateway.create(appointment(slot(10), "a1"), SAM, idempotency_key="k1")


async def test_a_lost_answer_to_a_post_does_not_make_a_second_event(
    gateway: GraphCalendarGateway, fake: FakeGraph
) -> None:
    fake.fail(Fault(504, method="POST", after_processing=True))  # Graph made the event, the answer was lost

    event_id = await gateway.create(appointment(slot(10), "a1"), SAM, idempotency_key="k1")

    events = fake.events(SAM_CAL)
    assert len(events) == 1 and event_id == f"{SAM_CAL}|{events[0].id}"
    assert len(fake.calls("POST", "/events")) == 2


async def test_a_create_that_never_confirms_leaves_no_event(gateway: GraphCalendarGateway, fake: FakeGraph) -> None:
    fake.fail(Fault(504, times=1000, method="POST", after_processing=True))

    with pytest.raises(CalendarUnavailable):
        await gateway.create(appointment(slot(10), "a1"), SAM, idempotency_key="k1")

    assert fake.events(SAM_CAL) == []  # found again by its transactionId and removed


async def test_a_cross_calendar_move_that_cannot_remove_the_old_event_is_undone(
    gateway: GraphCalendarGateway, fake: FakeGraph
) -> None:
    booked = appointment(slot(10), "a1")
    event_id = await gateway.create(booked, SAM, idempotency_key="k1")
    fake.fail(Fault(503, times=1000, method="DELETE", path_contains="sam%40"))

    with pytest.raises(CalendarUnavailable, match="move undone"):
        await gateway.move(booked.moved_to(slot(14, staff="alex")), ALEX, event_id)

    assert [f"{SAM_CAL}|{e.id}" for e in fake.events(SAM_CAL)] == [event_id]
    assert fake.events(ALEX_CAL) == []
    assert len(fake.calls("DELETE", "alex%40")) == 1


async def test_a_move_that_cannot_be_undone_says_what_to_remove(gateway: GraphCalendarGateway, fake: FakeGraph) -> None:
    booked = appointment(slot(10), "a1")
    event_id = await gateway.create(booked, SAM, idempotency_key="k1")
    fake.fail(Fault(503, times=1000, method="DELETE"))

    with pytest.raises(CalendarUnavailable, match="half done") as failed:
        await gateway.move(booked.moved_to(slot(14, staff="alex")), ALEX, event_id)

    [left_behind] = fake.events(ALEX_CAL)
    assert f"remove {ALEX_CAL}|{left_behind.id} by hand" in str(failed.value)


async def test_moving_an_event_that_is_gone_is_event_not_found(gateway: GraphCalendarGateway, fake: FakeGraph) -> None:
    event_id = await gateway.create(appointment(slot(10), "a1"), SAM, idempotency_key="k1")
    await gateway.cancel(SAM, event_id)

    with pytest.raises(EventNotFound):
        await gateway.move(appointment(slot(12), "a1"), SAM, event_id)
    with pytest.raises(EventNotFound):
        await gateway.move(appointment(slot(12, staff="alex"), "a1"), ALEX, event_id)
    assert fake.events(ALEX_CAL) == []


async def test_a_calendar_graph_cannot_read_is_unavailable_not_free(fake: FakeGraph) -> None:
    with FakeGraph.running([SAM_CAL, ALEX_CAL]) as partial:  # no mailbox for Jordan
        gateway = gateway_for(partial)
        with pytest.raises(CalendarUnavailable, match=r"jordan@maple\.example"):
            await gateway.busy([SAM, JORDAN], DAY)
        await gateway.aclose()


async def test_a_wrong_token_is_unavailable(fake: FakeGraph) -> None:
    gateway = GraphCalendarGateway(
        config_for(fake).model_copy(update={"static_token": SecretStr("not-the-token")}), CATALOGUE
    )

    with pytest.raises(CalendarUnavailable, match="HTTP 401"):
        await gateway.cancel(SAM, "x")

    await gateway.aclose()


async def test_a_dead_endpoint_is_unavailable_within_the_deadline(fake: FakeGraph) -> None:
    gateway = gateway_for(fake, deadline_seconds=1.0, attempt_timeout_seconds=0.5)
    fake.close()

    with Stopwatch() as clock, pytest.raises(CalendarUnavailable, match="ConnectError"):
        await gateway.busy([SAM], DAY)

    await gateway.aclose()
    assert clock.seconds < 4.0


def test_retry_after_reads_seconds_and_http_dates() -> None:
    def throttled(value: str) -> APIError:
        return APIError("throttled", 429, {"retry-after": value})

    assert retry_after(throttled("2")) == 2.0
    assert retry_after(throttled("Wed, 21 Oct 2015 07:28:00 GMT")) == 0.0  # in the past: no wait
    assert retry_after(throttled("soon")) is None
    assert retry_after(APIError("no header", 503, {})) is None
    assert retry_after(ValueError("not an API error")) is None
