"""`Slotline.serve` answers phone calls: settings built in code, the loopback Telcoflow server, marked speech."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest

from slotline import CallEnd, Settings, Slotline
from slotline.infrastructure.telcoflow.loopback import LoopbackTelcoflowServer
from tests.e2e.phone import CALLER, MARKED, NOW, heard, turn, until_agent_says


@pytest.fixture
async def server() -> AsyncIterator[LoopbackTelcoflowServer]:
    async with LoopbackTelcoflowServer() as running:
        yield running


async def test_serve_takes_a_call_and_books(server: LoopbackTelcoflowServer, tmp_path: Path) -> None:
    settings = Settings(
        db=tmp_path / "slotline.db",
        now=datetime.fromisoformat(NOW),
        telcoflow={
            "base_url": server.base_url,
            "api_key": "loopback-test-key",
            "connector_uuid": "00000000-0000-4000-8000-000000000001",
        },
        telephony={"grace_seconds": 4.0, "ring_seconds": 1},
        speech=MARKED,
    )
    async with Slotline(settings) as agent:
        serving = asyncio.create_task(agent.serve(max_calls=1))
        await server.wait_for_session_manager(timeout=10)
        call = await server.place_call(caller=CALLER)
        await until_agent_says(call, "What can I do for you?")
        await turn(call, "i would like a haircut next tuesday afternoon with sam", "Which would you like?")
        await turn(call, "the first one", "Shall I book it?")
        await turn(call, "yes", "Is there anything else I can help you with?")
        await turn(call, "no thanks", "Goodbye!")
        stats = await asyncio.wait_for(serving, timeout=30)

    assert "You're booked: a haircut on Tuesday, December 1st at 1 PM with Sam." in heard(call)
    assert (stats.finished, stats.failed) == (1, 0)
    assert stats.outcomes == [CallEnd.HUNG_UP.value]
    (booking,) = await agent.container.ledger().all()
    assert booking.window.start == datetime.fromisoformat("2026-12-01T13:00:00-05:00")
