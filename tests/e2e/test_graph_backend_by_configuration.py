"""`calendar.backend = "graph"` and nothing else changes: a chat and a phone call book into Microsoft Graph calendars
(the real msgraph SDK against the local fake Graph server)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from slotline.infrastructure.telcoflow.loopback import LoopbackTelcoflowServer
from tests.e2e.conftest import CALLER, Slotline, bookings, chat
from tests.e2e.phone import agent_on, turn, until_agent_says
from tests.factories import sample_catalogue
from tests.integration.fake_graph import FakeGraph

MAILBOXES = [m.calendar for m in sample_catalogue().staff if m.calendar]


@pytest.fixture
def graph(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGraph]:
    with FakeGraph.running(MAILBOXES) as fake:
        monkeypatch.setenv("SLOTLINE_CALENDAR__BACKEND", "graph")
        monkeypatch.setenv("SLOTLINE_CALENDAR__GRAPH__BASE_URL", fake.base_url)
        monkeypatch.setenv("SLOTLINE_CALENDAR__GRAPH__STATIC_TOKEN", fake.token)
        yield fake


def events_posted(fake: FakeGraph) -> list[str]:
    return [r.path for r in fake.requests if r.method == "POST" and r.path.endswith("/events")]


def test_chat_books_into_the_staff_members_graph_calendar(slotline: Slotline, graph: FakeGraph) -> None:
    run = chat(slotline, "a haircut on tuesday at two pm", "yes", "no")
    assert "You're booked: a haircut on Tuesday, December 1st at 2 PM with Sam." in run.agent
    assert len(events_posted(graph)) == 1
    assert "sam%40maple.example" in events_posted(graph)[0] or "sam@maple.example" in events_posted(graph)[0]
    (booking,) = bookings(slotline)
    assert booking["external_event_id"] is not None
    # the returning caller is recognised from the Graph calendar too, and can cancel
    again = chat(slotline, "cancel it", "yes", "no")
    assert "I see you have a haircut on Tuesday, December 1st at 2 PM with Sam" in again.agent[0]
    assert [b["status"] for b in bookings(slotline)] == ["cancelled"]
    assert any(r.method == "DELETE" for r in graph.requests)


@pytest.fixture
async def telco() -> AsyncIterator[LoopbackTelcoflowServer]:
    async with LoopbackTelcoflowServer() as server:
        yield server


async def test_phone_call_books_into_graph(telco: LoopbackTelcoflowServer, graph: FakeGraph, tmp_path: Path) -> None:
    async with agent_on(telco, tmp_path / "slotline.db", max_calls=1):
        call = await telco.place_call(caller=CALLER)
        await until_agent_says(call, "What can I do for you?")
        await turn(call, "a massage on monday at ten am", "Shall I book it?")
        await turn(call, "yes", "anything else")
        await turn(call, "no", "Goodbye!")
        await call.wait_ended(timeout=10)
    assert len(events_posted(graph)) == 1
    assert "jordan" in events_posted(graph)[0]
