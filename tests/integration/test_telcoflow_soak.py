"""Many calls in one process (defects 1 and 2): every call answered, the SDK's registry and our memory flat."""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path

from telcoflow import Call

from slotline.infrastructure.telcoflow.adapter import SdkWorkarounds
from tests.integration.test_telcoflow_harness import CALLER, Agent, running_agent, until


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def sdk_calls_alive() -> int:
    gc.collect()
    return sum(isinstance(thing, Call) for thing in gc.get_objects())


async def sessions_settled(agent: Agent, at_most: int) -> int:
    """The SDK's registry size once the last session.closed has been handled (it trails the call's end a little)."""
    await until(lambda: agent.telephony.sdk_sessions() <= at_most)
    return agent.telephony.sdk_sessions()


async def test_150_sequential_calls_in_one_process() -> None:
    """Mitigations 1 and 2: without them call 34 is never delivered and each call leaves about 1 MB behind."""
    rss: dict[int, float] = {}
    async with running_agent() as agent:
        for number in range(1, 151):
            placed = await agent.server.place_call(CALLER, timeout=3.0)
            assert await placed.wait_ended(timeout=3.0) == "disconnect", number
            assert await sessions_settled(agent, 0) == 0, number
            agent.server.discard_ended_calls()
            agent.calls.clear()
            if number in (50, 150):
                gc.collect()
                rss[number] = rss_mb()
        assert agent.telephony.live_calls() == ()
        # Without eviction all 150 Calls stay reachable, each with its 1 MiB send buffer.
        assert sdk_calls_alive() <= 10
    # 100 leaked calls would be about 105 MB; with the mitigation RSS wanders by a few MB around a plateau.
    assert rss[150] - rss[50] < 30, rss


async def test_without_history_drop_calls_stop_arriving() -> None:
    """Defect 1 with the mitigation off: after 100 session-manager frames the SDK's bus refuses everything."""
    lost_at = None
    async with running_agent(workarounds=SdkWorkarounds(drop_old_bus_history=False)) as agent:
        for number in range(1, 41):
            placed = await agent.server.place_call(CALLER, timeout=3.0)
            try:
                await placed.wait_answered(timeout=1.0)
            except TimeoutError:
                lost_at = number
                break
            await placed.wait_ended()
    assert lost_at == 34  # 33 calls x (notify, call.in, closed) = 99 frames; call 34's call.in is the 101st


async def test_without_eviction_the_registry_keeps_every_session() -> None:
    """Defect 2 with the mitigation off: every closed session stays in sm._registry, each with a 1 MiB send buffer."""
    async with running_agent(workarounds=SdkWorkarounds(evict_closed_sessions=False)) as agent:
        for _ in range(10):
            placed = await agent.server.place_call(CALLER)
            await placed.wait_ended()
        await asyncio.sleep(0.1)
        assert agent.telephony.sdk_sessions() == 10
        assert sdk_calls_alive() >= 10
