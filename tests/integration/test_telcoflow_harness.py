"""The Telcoflow adapter running against the loopback server on 127.0.0.1: the harness the other
test_telcoflow_* modules share, and the tests of starting and stopping it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from websockets.asyncio.server import ServerConnection, serve

from slotline.application.errors import TelephonyUnavailable
from slotline.application.ports import LiveCall
from slotline.infrastructure.telcoflow.adapter import (
    SdkWorkarounds,
    TelcoflowLiveCall,
    TelcoflowTelephony,
)
from slotline.infrastructure.telcoflow.loopback import LoopbackCall, LoopbackTelcoflowServer, NoSessionManager
from slotline.infrastructure.telcoflow.settings import TelcoflowSettings

API_KEY = "test-key-never-logged"
CONNECTOR = "connector-1"
CALLER = "+12125550123"


class StepClock:
    """Each reading is one millisecond after the last, so a state path is strictly ordered."""

    def __init__(self) -> None:
        self._at = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        self._at += timedelta(milliseconds=1)
        return self._at


def tone(frames: int, frame_bytes: int, seed: int = 1) -> bytes:
    """Recognisable non-silent PCM: every frame differs, so a cut or a reorder shows."""
    return b"".join(bytes([(seed + n) % 251 + 1, n % 256]) * (frame_bytes // 2) for n in range(frames))


Handler = Callable[[TelcoflowLiveCall], Awaitable[None]]


@dataclass
class Agent:
    """The adapter under test, the loopback server it talks to, and every call the adapter handed to a handler."""

    server: LoopbackTelcoflowServer
    telephony: TelcoflowTelephony
    runner: asyncio.Task[None]
    calls: dict[str, TelcoflowLiveCall] = field(default_factory=dict)

    async def live(self, placed: LoopbackCall, timeout: float = 5.0) -> TelcoflowLiveCall:
        """The adapter's side of a call the server placed."""
        await until(lambda: placed.call_id in self.calls, timeout)
        return self.calls[placed.call_id]


async def until(condition: Callable[[], bool], timeout: float = 2.0) -> None:
    """Poll state the SDK and the adapter expose without an event to wait on (registry sizes, error lists)."""
    async with asyncio.timeout(timeout):
        while not condition():  # noqa: ASYNC110 - there is no event for these
            await asyncio.sleep(0.005)


async def hang_up_at_once(call: LiveCall) -> None:
    await call.answer()
    await call.hang_up()


@asynccontextmanager
async def running_agent(
    handler: Handler = hang_up_at_once,
    *,
    workarounds: SdkWorkarounds | None = None,
    jitter_ms: int = 60,
    record: bool = False,
    max_concurrent_calls: int | None = None,
    **config: Any,
) -> AsyncIterator[Agent]:
    """A loopback server and a TelcoflowTelephony taking calls from it; both stopped on the way out."""
    async with LoopbackTelcoflowServer(
        api_key=API_KEY, connector_uuid=CONNECTOR, jitter_ms=jitter_ms, record=record
    ) as server:
        ring_seconds = config.pop("ring_seconds", 30)
        settings = TelcoflowSettings(
            **{
                "base_url": server.base_url,
                "api_key": API_KEY,
                "connector_uuid": CONNECTOR,
                "drain_grace_ms": 200,
                **config,
            }
        )
        telephony = TelcoflowTelephony(
            settings,
            ring_seconds=ring_seconds,
            clock=StepClock(),
            workarounds=workarounds,
            max_concurrent_calls=max_concurrent_calls,
        )
        agent: Agent

        async def on_call(call: LiveCall) -> None:
            assert isinstance(call, TelcoflowLiveCall)
            agent.calls[call.call_id] = call
            await handler(call)

        agent = Agent(server, telephony, asyncio.create_task(telephony.run(on_call)))
        try:
            await server.wait_for_session_manager(timeout=5.0)
            yield agent
        finally:
            await telephony.stop()
            await telephony.finish_calls(grace=2.0)
            await asyncio.wait_for(agent.runner, timeout=5.0)


async def test_agent_connects_takes_a_call_and_stops() -> None:
    async with running_agent() as agent:
        placed = await agent.server.place_call(CALLER)
        assert await placed.wait_ended() == "disconnect"
        assert agent.telephony.connected
    assert agent.runner.done() and agent.runner.exception() is None
    assert not agent.telephony.connected


async def test_stop_refuses_new_calls_and_leaves_live_ones() -> None:
    """What the serve command needs (defect 10): stop ends the SM; the live call goes on until it is finished."""
    go_on = asyncio.Event()

    async def long_call(call: TelcoflowLiveCall) -> None:
        await call.answer()
        await go_on.wait()
        await call.play(tone(5, call.sample_rate // 25))
        await call.wait_played(2.0)
        await call.hang_up()

    async with running_agent(long_call) as agent:
        placed = await agent.server.place_call(CALLER)
        await placed.wait_answered()
        await agent.telephony.stop()
        assert agent.runner.done() and agent.telephony.stopping
        assert [c.call_id for c in agent.telephony.live_calls()] == [placed.call_id]
        with pytest.raises(NoSessionManager):
            await agent.server.place_call(CALLER, timeout=0.5)
        go_on.set()
        assert await placed.wait_ended() == "disconnect"
        assert len(placed.agent_audio) == 5 * placed.frame_bytes
        assert await agent.telephony.finish_calls(grace=2.0) == 0
        assert agent.telephony.live_calls() == ()


async def test_finish_calls_hangs_up_what_outlives_the_grace() -> None:
    async def endless(call: TelcoflowLiveCall) -> None:
        await call.answer()
        await asyncio.Event().wait()

    async with running_agent(endless) as agent:
        placed = await agent.server.place_call(CALLER)
        await placed.wait_answered()
        await agent.telephony.stop()
        assert await agent.telephony.finish_calls(grace=0.1) == 1
        assert await placed.wait_ended() == "disconnect"


async def test_unreachable_server_is_telephony_unavailable() -> None:
    """Defect 8: a failed connect is closed down, not left reconnecting; the error names no credential."""
    async with LoopbackTelcoflowServer() as server:
        url = server.base_url
    telephony = TelcoflowTelephony(
        TelcoflowSettings(base_url=url, api_key=API_KEY, connector_uuid=CONNECTOR), clock=StepClock()
    )
    with pytest.raises(TelephonyUnavailable) as raised:
        await asyncio.wait_for(telephony.run(hang_up_at_once), timeout=5.0)
    assert API_KEY not in str(raised.value)
    assert not telephony.connected


async def test_wrong_api_key_is_telephony_unavailable(caplog: pytest.LogCaptureFixture) -> None:
    """Defect 9: the SDK reports a refused key as a plain connection error; it must not retry forever either."""
    caplog.set_level(logging.DEBUG)
    async with LoopbackTelcoflowServer(api_key=API_KEY, connector_uuid=CONNECTOR) as server:
        wrong = TelcoflowSettings(base_url=server.base_url, api_key="wrong-key-also-secret", connector_uuid=CONNECTOR)
        telephony = TelcoflowTelephony(wrong, clock=StepClock())
        with pytest.raises(TelephonyUnavailable):
            await asyncio.wait_for(telephony.run(hang_up_at_once), timeout=5.0)
        await asyncio.sleep(0.8)  # the SDK's first reconnect would come after 0.5-0.6 s
        assert server.stats.rejected_handshakes == 1
    assert "wrong-key-also-secret" not in caplog.text


async def test_stop_before_run_returns_at_once() -> None:
    telephony = TelcoflowTelephony(
        TelcoflowSettings(base_url="ws://127.0.0.1:9", api_key=API_KEY, connector_uuid=CONNECTOR), clock=StepClock()
    )
    await telephony.stop()
    await asyncio.wait_for(telephony.run(hang_up_at_once), timeout=1.0)


async def test_a_server_that_never_finishes_setup_is_left_cleanly() -> None:
    """Defect 8: after the SDK's 10 s setup.done timeout its socket and receive task stay alive, and closing them
    later starts a reconnect loop. run() closes the session manager: one connection, closed by us, no retries."""
    connections: list[float] = []
    closed = asyncio.Event()

    async def silent(ws: ServerConnection) -> None:
        connections.append(asyncio.get_running_loop().time())
        async for _ in ws:  # read `setup` and never answer it
            pass
        closed.set()

    async with serve(silent, "127.0.0.1", 0) as server:
        port = server.sockets[0].getsockname()[1]
        config = TelcoflowSettings(base_url=f"ws://127.0.0.1:{port}", api_key=API_KEY, connector_uuid=CONNECTOR)
        with pytest.raises(TelephonyUnavailable, match=r"setup\.done"):
            await asyncio.wait_for(TelcoflowTelephony(config, clock=StepClock()).run(hang_up_at_once), timeout=15.0)
        await asyncio.wait_for(closed.wait(), timeout=1.0)
        await asyncio.sleep(1.0)  # a reconnect would come after 0.5-0.6 s
    assert len(connections) == 1
