"""A customer's name reaches a Graph event's subject and body capped and without control characters, and a name
read back from an event is cleaned the same way (fake Graph server, real SDK)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from slotline.domain.names import NAME_LIMIT
from tests.factories import NOW
from tests.integration.fake_graph import FakeGraph
from tests.integration.graph_helpers import CALENDARS, SAM, gateway_for
from tests.integration.sqlite_helpers import PHONE, appointment, slot

ESC = "\x1b"
HOSTILE = f"{ESC}]8;;http://evil.example{ESC}\\Dana{ESC}[31m\x00 " + "x" * 10_000


@pytest.fixture
def fake() -> Iterator[FakeGraph]:
    with FakeGraph.running(CALENDARS) as server:
        yield server


async def test_the_event_subject_is_capped_and_clean(fake: FakeGraph) -> None:
    gateway = gateway_for(fake)

    await gateway.create(appointment(slot(10), "a1", name=HOSTILE), SAM, idempotency_key="k1")
    found = await gateway.upcoming(PHONE, NOW)
    await gateway.aclose()

    (event,) = fake.events(SAM.calendar or "")
    assert event.subject == "Haircut with " + ("Dana " + "x" * 10_000)[:NAME_LIMIT]
    assert ESC not in str(event.body) and "\x00" not in str(event.body) and len(str(event.body)) < 400
    assert [a.customer_name for a in found] == [("Dana " + "x" * 10_000)[:NAME_LIMIT]]
