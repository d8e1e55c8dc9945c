"""Several agents on one connector (wire protocol 13): every call is announced to each, the first to open it takes
it, the others get SESSION_BUSY and let it go without a warning or a retry; an agent at its limit does not compete."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

import pytest

from slotline.infrastructure.telcoflow.adapter import TelcoflowTelephony
from slotline.infrastructure.telcoflow.loopback import CallNotDelivered, LoopbackCall, LoopbackTelcoflowServer
from slotline.infrastructure.telcoflow.settings import TelcoflowSettings
from tests.integration.test_telcoflow_call_limit import HeldCalls
from tests.integration.test_telcoflow_harness import API_KEY, CALLER, CONNECTOR, StepClock, until

AGENTS = 3


@asynccontextmanager
async def agents_on(
    server: LoopbackTelcoflowServer, handlers: list[HeldCalls], *, limit: int | None = None
) -> AsyncIterator[list[TelcoflowTelephony]]:
    """One TelcoflowTelephony per handler, all on the server's one connector, each with its own SM socket."""
    settings = TelcoflowSettings(base_url=server.base_url, api_key=API_KEY, connector_uuid=CONNECTOR)
    agents = [TelcoflowTelephony(settings, clock=StepClock(), max_concurrent_calls=limit) for _ in handlers]
    runners = [asyncio.create_task(agent.run(handler)) for agent, handler in zip(agents, handlers, strict=True)]
    try:
        await until(lambda: len(server.sm_connections) == len(agents), timeout=10.0)
        yield agents
    finally:
        for handler in handlers:
            handler.release_all()
        for agent in agents:
            await agent.stop()
            await agent.finish_calls(grace=2.0)
        await asyncio.wait_for(asyncio.gather(*runners), timeout=10.0)


@asynccontextmanager
async def loopback() -> AsyncIterator[LoopbackTelcoflowServer]:
    async with AsyncExitStack() as stack:
        yield await stack.enter_async_context(LoopbackTelcoflowServer(api_key=API_KEY, connector_uuid=CONNECTOR))


def loud(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [f"{r.levelname} {r.name}: {r.getMessage()}" for r in caplog.records if r.levelno >= logging.WARNING]


async def test_each_call_goes_to_one_agent_and_the_others_let_it_go_quietly(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, the SDK's included
    calls = 12
    handlers = [HeldCalls() for _ in range(AGENTS)]
    async with loopback() as server, agents_on(server, handlers):
        placed = await asyncio.gather(*(server.place_call(CALLER, timeout=10.0) for _ in range(calls)))
        await asyncio.gather(*(call.wait_answered() for call in placed))
        await until(lambda: server.stats.session_opens == AGENTS * calls, timeout=5.0)  # each agent tried each once
        await asyncio.sleep(0.2)  # time for a retry, if there were one
        assert server.stats.session_opens == AGENTS * calls  # no second attempt by anyone
        assert server.stats.sessions_busy == (AGENTS - 1) * calls
        taken = [call_id for handler in handlers for call_id in handler.taken]
        assert sorted(taken) == sorted(call.call_id for call in placed)  # every call answered, by exactly one agent
        # Who wins is a race (the loopback announces in connection order, so without a limit an idle first agent
        # wins them all); the limit is what spreads calls, below.
        busy = [r for r in caplog.records if "taken by another agent" in r.getMessage()]
        assert len(busy) == (AGENTS - 1) * calls and {r.levelno for r in busy} == {logging.DEBUG}
    assert loud(caplog) == []


async def test_an_agent_at_its_limit_does_not_compete(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    handlers = [HeldCalls() for _ in range(AGENTS)]
    async with loopback() as server, agents_on(server, handlers, limit=1):
        placed: list[LoopbackCall] = []
        for n in range(AGENTS):  # one after another: the n-th call finds n agents already full
            placed.append(await server.place_call(CALLER, timeout=10.0))
            await placed[-1].wait_answered()
            opens = sum(AGENTS - k for k in range(n + 1))  # only the agents with room open it
            await until(lambda opens=opens: server.stats.session_opens == opens, timeout=5.0)  # type: ignore[misc]
        assert [len(handler.taken) for handler in handlers] == [1] * AGENTS  # one each
        assert server.stats.sessions_busy == sum(AGENTS - 1 - k for k in range(AGENTS))
        assert len(Counter(call.session_manager_id for call in placed)) == AGENTS

        with pytest.raises(CallNotDelivered):  # every agent full: nobody opens it
            await server.place_call(CALLER, timeout=1.0)
        assert server.stats.session_opens == sum(AGENTS - k for k in range(AGENTS))
    assert loud(caplog) == []
