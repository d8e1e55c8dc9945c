"""telephony.max_concurrent_calls on the loopback server: above the limit a call is left to another agent on the
connector, and taken here when a call ends if nobody else has."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

from slotline.application.ports import LiveCall
from slotline.infrastructure.telcoflow.adapter import TelcoflowTelephony
from slotline.infrastructure.telcoflow.loopback import LoopbackTelcoflowServer
from slotline.infrastructure.telcoflow.settings import TelcoflowSettings
from tests.integration.test_telcoflow_harness import API_KEY, CALLER, CONNECTOR, StepClock, running_agent, until

LIMIT = 2


class HeldCalls:
    """A call handler that answers and holds each call until the test lets it go; counts what it took."""

    def __init__(self) -> None:
        self.taken: list[str] = []
        self.live = 0
        self.most_live = 0
        self._release: dict[str, asyncio.Event] = {}

    async def __call__(self, call: LiveCall) -> None:
        self.taken.append(call.call_id)
        self.live += 1
        self.most_live = max(self.most_live, self.live)
        release = self._release.setdefault(call.call_id, asyncio.Event())
        try:
            await call.answer()
            await release.wait()
            await call.hang_up()
        finally:
            self.live -= 1

    def release(self, call_id: str) -> None:
        self._release.setdefault(call_id, asyncio.Event()).set()

    def release_all(self) -> None:
        for call_id in self.taken:
            self.release(call_id)


@asynccontextmanager
async def second_agent(server: LoopbackTelcoflowServer, handler: HeldCalls) -> AsyncIterator[TelcoflowTelephony]:
    """Another agent process's adapter on the same connector, with no limit of its own."""
    settings = TelcoflowSettings(base_url=server.base_url, api_key=API_KEY, connector_uuid=CONNECTOR)
    telephony = TelcoflowTelephony(settings, clock=StepClock())
    runner = asyncio.create_task(telephony.run(handler))
    try:
        await until(lambda: len(server.sm_connections) == 2, timeout=5.0)
        yield telephony
    finally:
        await telephony.stop()
        await telephony.finish_calls(grace=2.0)
        await asyncio.wait_for(runner, timeout=5.0)


def passed_on(caplog: pytest.LogCaptureFixture) -> int:
    return sum("not taken" in r.getMessage() and "max_concurrent_calls" in r.getMessage() for r in caplog.records)


async def test_a_call_above_the_limit_waits_and_is_taken_when_a_call_ends(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="slotline.infrastructure.telcoflow.adapter")
    held = HeldCalls()
    async with running_agent(held, max_concurrent_calls=LIMIT) as agent:
        first, second = await asyncio.gather(*(agent.server.place_call(CALLER) for _ in range(LIMIT)))
        await asyncio.gather(first.wait_answered(), second.wait_answered())
        third = asyncio.create_task(agent.server.place_call(CALLER, timeout=20.0))
        await until(lambda: passed_on(caplog) == 1)
        assert not third.done() and len(held.taken) == LIMIT  # announced, and left alone: nobody opened it

        held.release(first.call_id)
        assert await first.wait_ended() == "disconnect"
        placed = await third
        await placed.wait_answered()
        assert set(held.taken[:LIMIT]) == {first.call_id, second.call_id} and held.taken[LIMIT:] == [placed.call_id]
        assert held.most_live == LIMIT
        held.release_all()
        assert {await second.wait_ended(), await placed.wait_ended()} == {"disconnect"}


async def test_a_call_above_the_limit_goes_to_another_agent_on_the_connector(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="slotline.infrastructure.telcoflow.adapter")
    here, there = HeldCalls(), HeldCalls()
    async with running_agent(here, max_concurrent_calls=LIMIT) as agent:
        mine = await asyncio.gather(*(agent.server.place_call(CALLER) for _ in range(LIMIT)))
        await asyncio.gather(*(call.wait_answered() for call in mine))
        async with second_agent(agent.server, there):
            third = await agent.server.place_call(CALLER, timeout=5.0)
            await third.wait_answered()
            assert there.taken == [third.call_id] and passed_on(caplog) == 1

            here.release_all()  # a slot frees here: the call passed on is the other agent's now, and stays so
            assert [await call.wait_ended() for call in mine] == ["disconnect"] * LIMIT
            await until(lambda: agent.telephony.live_calls() == ())
            assert len(here.taken) == LIMIT and here.most_live == LIMIT
            there.release_all()
            assert await third.wait_ended() == "disconnect"


async def test_without_a_limit_every_call_is_taken() -> None:
    held = HeldCalls()
    async with running_agent(held) as agent:
        placed = await asyncio.gather(*(agent.server.place_call(CALLER) for _ in range(LIMIT + 2)))
        await asyncio.gather(*(call.wait_answered() for call in placed))
        assert held.most_live == LIMIT + 2
        held.release_all()
        await asyncio.gather(*(call.wait_ended() for call in placed))


def test_a_limit_under_one_is_refused() -> None:
    settings = TelcoflowSettings(base_url="ws://127.0.0.1:9", api_key=API_KEY, connector_uuid=CONNECTOR)
    with pytest.raises(ValueError, match="max_concurrent_calls must be at least 1, got 0"):
        TelcoflowTelephony(settings, clock=StepClock(), max_concurrent_calls=0)
