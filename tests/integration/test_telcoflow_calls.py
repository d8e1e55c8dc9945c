"""Whole calls through the Telcoflow adapter and the loopback server: answering, transfers, hang-ups, drops."""

from __future__ import annotations

import asyncio
import logging

import pytest

from slotline.application.errors import CallEnded
from slotline.application.ports import CallState, TransferOutcome
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.telcoflow.adapter import SdkWorkarounds, TelcoflowLiveCall
from slotline.infrastructure.telcoflow.loopback import CallNotDelivered, LoopbackCall
from tests.integration.test_telcoflow_harness import API_KEY, CALLER, running_agent, tone, until


def states(call: TelcoflowLiveCall) -> list[CallState]:
    return [state for state, _ in call.state_path]


def assert_ordered(call: TelcoflowLiveCall) -> None:
    stamps = [at for _, at in call.state_path]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)


async def test_answer_and_audio_both_ways() -> None:
    heard: list[bytes] = []
    done = asyncio.Event()

    async def echo_then_hang_up(call: TelcoflowLiveCall) -> None:
        await call.answer()
        async for frame in call.audio():
            heard.append(frame)
            if sum(map(len, heard)) >= 40 * 640:
                break
        await call.play(b"".join(heard))
        await call.wait_played(5.0)
        await call.hang_up()
        done.set()

    async with running_agent(echo_then_hang_up) as agent:
        placed = await agent.server.place_call(CALLER)
        spoken = tone(20, placed.frame_bytes)
        placed.feed(spoken)
        assert await placed.wait_ended() == "disconnect"
        await done.wait()
        call = agent.calls[placed.call_id]

    received = b"".join(heard)
    assert {len(frame) for frame in heard} == {640}  # 20 ms at the default 16 kHz
    assert spoken in received
    assert placed.agent_audio == received  # every echoed byte played, in order, nothing else
    assert call.caller == PhoneNumber(CALLER) and call.sample_rate == 16000
    assert states(call) == [CallState.PENDING, CallState.ANSWERED, CallState.DISCONNECTED]
    assert_ordered(call)
    assert call.ended and call.errors == []


async def test_connect_answered_then_leave() -> None:
    outcome: list[TransferOutcome] = []

    async def transfer(call: TelcoflowLiveCall) -> None:
        await call.answer()
        outcome.append(await call.connect_to_human(5))
        await call.leave()

    async with running_agent(transfer) as agent:
        placed = await agent.server.place_call(CALLER)
        placed.set_transfer(answer=True, ring_seconds=0.1)
        assert await placed.wait_ended() == "close"
        call = await agent.live(placed)
        await call.wait_ended()

    assert outcome == [TransferOutcome.CONNECTED]
    assert states(call) == [CallState.PENDING, CallState.ANSWERED, CallState.CONNECTED, CallState.DISCONNECTED]
    assert_ordered(call)
    assert placed.commands == ["call.answer", "call.connect", "call.close"]


async def test_connect_unanswered_rings_out() -> None:
    outcome: list[TransferOutcome] = []
    placed_ready = asyncio.Event()

    async def transfer(call: TelcoflowLiveCall) -> None:
        await call.answer()
        await placed_ready.wait()
        outcome.append(await call.connect_to_human())  # the configured ring time
        await call.hang_up()

    async with running_agent(transfer, ring_seconds=3) as agent:
        placed = await agent.server.place_call(CALLER)
        placed.set_transfer(answer=False, ring_seconds=0.1)
        placed_ready.set()
        assert await placed.wait_ended() == "disconnect"
        call = await agent.live(placed)

    assert outcome == [TransferOutcome.UNANSWERED]
    assert states(call) == [CallState.PENDING, CallState.ANSWERED, CallState.DISCONNECTED]


async def test_caller_hangs_up_mid_call() -> None:
    """Defect 6: the end arrives as call.terminated and the voice socket closing; audio() ends and so do commands."""
    after: list[str] = []

    async def listen(call: TelcoflowLiveCall) -> None:
        await call.answer()
        async for _ in call.audio():
            pass
        after.append("audio ended")
        await call.wait_ended()
        with pytest.raises(CallEnded):
            await call.play(bytes(640))
        with pytest.raises(CallEnded):
            await call.hang_up()
        async for _ in call.audio():  # a second iterator ends at once too
            after.append("frame after the end")
        after.append("done")

    async with running_agent(listen) as agent:
        placed = await agent.server.place_call(CALLER)
        await placed.wait_answered()
        placed.feed(tone(5, placed.frame_bytes))
        await asyncio.sleep(0.15)
        await placed.hang_up()
        call = await agent.live(placed)
        await asyncio.wait_for(call.wait_ended(), timeout=2.0)
        await until(lambda: not agent.telephony.live_calls())

    assert after == ["audio ended", "done"]
    assert call.ended and states(call)[-1] is CallState.DISCONNECTED
    assert placed.ended == "caller_hangup"


async def test_call_survives_a_dropped_session_manager_socket() -> None:
    """Defect 7: the SM socket drops mid-call; the SDK reconnects on its own and the call goes on over its voice socket."""
    dropped = asyncio.Event()

    async def talk(call: TelcoflowLiveCall) -> None:
        await call.answer()
        await dropped.wait()
        await call.play(tone(10, 640))
        await call.wait_played(5.0)
        await call.hang_up()

    async with running_agent(talk) as agent:
        placed = await agent.server.place_call(CALLER)
        await placed.wait_answered()
        assert await agent.server.drop_session_manager() == 1
        await asyncio.sleep(0.1)
        dropped.set()
        assert await placed.wait_ended() == "disconnect"
        assert placed.agent_audio == tone(10, 640)
        call = await agent.live(placed)
        assert states(call) == [CallState.PENDING, CallState.ANSWERED, CallState.DISCONNECTED]
        # The SDK reconnects (0.5 s backoff) and the next call is taken as usual.
        await agent.server.wait_for_session_manager(timeout=5.0)
        second = await agent.server.place_call(CALLER)
        assert await second.wait_ended() == "disconnect"
        assert agent.telephony.sdk_sessions() <= 1


async def test_call_error_is_kept_and_the_call_goes_on(caplog: pytest.LogCaptureFixture) -> None:
    go_on = asyncio.Event()

    async def patient(call: TelcoflowLiveCall) -> None:
        await call.answer()
        await go_on.wait()
        await call.play(tone(3, 640))
        await call.wait_played(5.0)
        await call.hang_up()

    async with running_agent(patient) as agent:
        placed = await agent.server.place_call(CALLER)
        await placed.wait_answered()
        await placed.inject_error("TTS_SESSION_ERROR", "tts down")
        call = await agent.live(placed)
        await until(lambda: bool(call.errors))
        go_on.set()
        assert await placed.wait_ended() == "disconnect"

    assert [(e.code, e.message) for e in call.errors] == [("TTS_SESSION_ERROR", "tts down")]
    assert placed.agent_audio == tone(3, 640)
    assert f"call {placed.call_id}: platform reported TTS_SESSION_ERROR" in caplog.text


async def test_a_crashing_handler_is_logged_and_the_call_hung_up(caplog: pytest.LogCaptureFixture) -> None:
    """Defect 5: the SDK swallows handler exceptions; the adapter logs them and does not leave the caller in silence."""

    async def crash(call: TelcoflowLiveCall) -> None:
        await call.answer()
        raise RuntimeError("bug in the conversation")

    async with running_agent(crash) as agent:
        placed = await agent.server.place_call(CALLER)
        assert await placed.wait_ended() == "disconnect"

    assert f"call {placed.call_id}: the call handler failed" in caplog.text
    assert "bug in the conversation" in caplog.text


async def test_logs_mask_the_caller_and_name_the_call(caplog: pytest.LogCaptureFixture) -> None:
    """Even at DEBUG, where the SDK's websockets client logs handshake headers and text frames (defect 15)."""
    caplog.set_level(logging.DEBUG)
    async with running_agent() as agent:
        placed = await agent.server.place_call(CALLER)
        await placed.wait_ended()
    ours = [r.getMessage() for r in caplog.records if r.name == "slotline.infrastructure.telcoflow.adapter"]
    assert f"call {placed.call_id}: incoming from +12*******23" in ours
    everything = caplog.text
    assert CALLER[1:] not in everything and API_KEY not in everything and "Bearer" not in everything


async def test_withheld_caller_is_none() -> None:
    async with running_agent() as agent:
        placed = await agent.server.place_call("anonymous")
        await placed.wait_ended()
        assert (await agent.live(placed)).caller is None


async def test_two_calls_arriving_together_are_both_answered_quickly() -> None:
    """Mitigation 4: the first call's handler runs long; the second call is answered all the same."""
    release = asyncio.Event()

    async def long_call(call: TelcoflowLiveCall) -> None:
        await call.answer()
        await release.wait()
        await call.hang_up()

    async with running_agent(long_call) as agent:
        first, second = await asyncio.gather(agent.server.place_call(CALLER), agent.server.place_call(CALLER))
        await asyncio.gather(first.wait_answered(timeout=1.0), second.wait_answered(timeout=1.0))
        assert len(agent.telephony.live_calls()) == 2
        release.set()
        assert {await first.wait_ended(), await second.wait_ended()} == {"disconnect"}


async def test_waiting_in_the_notification_handler_stalls_every_call() -> None:
    """Defect 4 with the mitigation off: a notification handler that waits for its session holds up every call.in."""
    release = asyncio.Event()

    async def long_call(call: TelcoflowLiveCall) -> None:
        await call.answer()
        await release.wait()
        await call.hang_up()

    async with running_agent(long_call, workarounds=SdkWorkarounds(return_from_notifications=False)) as agent:
        placed = await asyncio.gather(
            agent.server.place_call(CALLER, timeout=1.0),
            agent.server.place_call(CALLER, timeout=1.0),
            return_exceptions=True,
        )
        # The first session is opened and readied, but its call.in waits behind the handler; the second
        # notification waits too, so its session is never even opened.
        delivered = [call for call in placed if isinstance(call, LoopbackCall)]
        assert len(delivered) == 1 and sum(isinstance(call, CallNotDelivered) for call in placed) == 1
        with pytest.raises(TimeoutError):
            await delivered[0].wait_answered(timeout=0.5)
        assert agent.calls == {}
        release.set()


async def test_50_concurrent_calls() -> None:
    async def echo(call: TelcoflowLiveCall) -> None:
        await call.answer()
        received = bytearray()
        async for frame in call.audio():
            received += frame
            if len(received) >= 10 * 640:
                break
        await call.play(bytes(received))
        await call.wait_played(10.0)
        await call.hang_up()

    async with running_agent(echo) as agent:
        placed = await asyncio.gather(*(agent.server.place_call(CALLER, timeout=10.0) for _ in range(50)))
        for call in placed:
            call.feed(tone(10, 640, seed=7))
        ends = await asyncio.gather(*(call.wait_ended(timeout=15.0) for call in placed))
        assert ends == ["disconnect"] * 50
        assert all(len(call.agent_audio) == 10 * 640 for call in placed)
        assert len(agent.calls) == 50 and all(c.ended for c in agent.calls.values())
