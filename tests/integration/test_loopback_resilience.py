"""The loopback server with the real SDK over time: a dropped session-manager socket, many calls in one process,
stopping with calls up, and a misbehaving client next to a good call."""

from __future__ import annotations

import asyncio

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from slotline.infrastructure.telcoflow.loopback import CallNotDelivered, LoopbackTelcoflowServer, NoSessionManager
from tests.integration.loopback_helpers import SdkAgent, frame_numbers, numbered_frames


async def test_dropped_session_manager_socket_reconnects_and_the_call_goes_on() -> None:
    async with LoopbackTelcoflowServer() as server, SdkAgent(server.base_url) as agent:
        first_link = await server.wait_for_session_manager()
        call = await server.place_call()
        agent_call = await agent.next_call()
        assert await agent_call.call.answer()
        await call.wait_answered()

        assert await server.drop_session_manager() == 1
        assert server.sm_connections == []
        new_link = await server.wait_for_session_manager(timeout=5)  # the SDK's backoff starts at 0.5 s
        assert new_link.id != first_link.id and server.stats.sm_connections_accepted == 2
        assert await asyncio.wait_for(agent_call.closed, 2) == "FORCE_CLOSE"  # the SDK drops its TELCO sessions

        speech = numbered_frames(1, 3, call.frame_bytes)
        call.feed(speech)
        await agent_call.caller_audio_until(speech)
        await agent_call.call.send_audio(numbered_frames(50, 3, call.frame_bytes))
        played = await call.wait_agent_audio(3 * call.frame_bytes)
        assert frame_numbers(played, call.frame_bytes) == [50, 51, 52]

        second = await server.place_call()  # the new socket takes calls
        second_agent = await agent.next_call()
        assert await second_agent.call.answer()
        assert await agent_call.call.disconnect()
        assert await call.wait_ended() == "disconnect"
        assert await second_agent.call.close()
        assert await second.wait_ended() == "close"
        assert await asyncio.wait_for(second_agent.closed, 2) == "SDK_REQUEST"


async def test_twenty_sequential_calls_in_one_sdk_process() -> None:
    async with LoopbackTelcoflowServer() as server, SdkAgent(server.base_url) as agent:
        for n in range(20):
            call = await server.place_call(caller=f"+1212555{n:04d}")
            agent_call = await agent.next_call()
            assert agent_call.call.caller_number == f"+1212555{n:04d}"
            assert await agent_call.call.answer()
            await agent_call.call.send_audio(numbered_frames(n, 1, call.frame_bytes))
            await call.wait_agent_audio(call.frame_bytes)
            assert await agent_call.call.disconnect()
            assert await asyncio.wait_for(agent_call.closed, 2) == "CALL_TERMINATED"
        assert [c.ended for c in server.calls] == ["disconnect"] * 20
        assert agent.notifications == 20 and agent.sessions_held == 0
        assert server.discard_ended_calls() == 20 and server.calls == []
        assert server.stats.ticks > 0 and server.stats.lag_summary().ticks == server.stats.ticks


async def test_stopping_the_server_ends_live_calls_cleanly() -> None:
    server = LoopbackTelcoflowServer()
    await server.start()
    try:
        async with SdkAgent(server.base_url) as agent:
            call = await server.place_call()
            agent_call = await agent.next_call()
            assert await agent_call.call.answer()
            reading = asyncio.create_task(agent_call.audio_until_end())
            await server.stop()  # the SDK is still connected: it starts retrying until it leaves
            await reading
            assert call.ended == "stopped" and agent_call.terminated.is_set()
            assert await asyncio.wait_for(agent_call.closed, 2) == "CALL_TERMINATED"
    finally:
        await server.stop()


async def test_place_call_without_an_sdk_or_without_a_taker() -> None:
    async with LoopbackTelcoflowServer() as server:
        with pytest.raises(NoSessionManager):
            await server.place_call(timeout=0.05)
        async with connect(f"{server.base_url}/v1/agent/session-manager") as sm:
            await sm.send('{"type":"setup","data":{"sampleRate":16000,"audioMode":"mixed"}}')
            with pytest.raises(CallNotDelivered):
                await server.place_call(timeout=0.2)  # notified, never opened
        assert server.calls == []


async def test_a_misbehaving_client_does_not_disturb_a_call() -> None:
    async with LoopbackTelcoflowServer() as server, SdkAgent(server.base_url) as agent:
        call = await server.place_call()
        agent_call = await agent.next_call()
        assert await agent_call.call.answer()
        async with connect(f"{server.base_url}/v1/agent/session-manager") as rogue:
            await rogue.send('{"type":"setup","data":{"sampleRate":44100}}')
            with pytest.raises(ConnectionClosed):
                await rogue.recv()
            assert rogue.close_code == 1008
        async with connect(f"{server.base_url}/v1/agent/session-manager") as rogue:
            for junk in ("{", "null", '{"type":"session.open","reqId":7}', '{"type":"setup","data":[]}'):
                await rogue.send(junk)
            with pytest.raises(ConnectionClosed):
                await rogue.recv()  # the last frame was an unusable setup
        speech = numbered_frames(1, 3, call.frame_bytes)
        call.feed(speech)
        await agent_call.caller_audio_until(speech)
        assert await agent_call.call.disconnect()
        assert await call.wait_ended() == "disconnect"
