"""A call through the loopback server driven by the real telcoflow SDK: audio both ways, interrupts, transfers, and
every way a call ends."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

from slotline.infrastructure.telcoflow.loopback import LineState, LoopbackCall, LoopbackTelcoflowServer
from tests.integration.loopback_helpers import AgentCall, SampleRate, SdkAgent, frame_numbers, numbered_frames


@asynccontextmanager
async def answered_call(
    sample_rate: SampleRate = 16000, *, ring_seconds: float = 0.2
) -> AsyncIterator[tuple[LoopbackCall, AgentCall]]:
    """A server, an SDK agent and one call it has answered."""
    server = LoopbackTelcoflowServer(ring_seconds=ring_seconds)
    async with server, SdkAgent(server.base_url, sample_rate=sample_rate) as agent:
        call = await server.place_call(caller="+12125550123", callee="+12125550100")
        agent_call = await agent.next_call()
        assert await agent_call.call.answer()
        await call.wait_answered()
        yield call, agent_call
        if call.ended is None:
            await call.hang_up()


@pytest.mark.parametrize("rate", [8000, 16000, 24000])
async def test_caller_audio_reaches_the_sdk_in_20_ms_frames(rate: SampleRate) -> None:
    async with answered_call(rate) as (call, agent_call):
        frame = rate // 50 * 2
        assert call.sample_rate == rate and call.frame_bytes == frame
        speech = numbered_frames(1, 10, frame)
        call.feed(speech)
        heard = await agent_call.caller_audio_until(speech)
        numbers = frame_numbers(heard, frame)
        start = numbers.index(1)
        assert numbers[start : start + 10] == list(range(1, 11))  # in order, no gaps
        assert set(numbers[:start]) <= {0} and len(heard) % frame == 0  # silence before it, whole frames only


async def test_caller_audio_fed_before_the_answer_is_the_first_thing_heard() -> None:
    async with LoopbackTelcoflowServer() as server, SdkAgent(server.base_url) as agent:
        call = await server.place_call()
        call.feed(numbered_frames(5, 3, call.frame_bytes))
        agent_call = await agent.next_call()
        assert await agent_call.call.answer()
        heard = await agent_call.caller_audio(3 * call.frame_bytes)
        assert frame_numbers(heard, call.frame_bytes)[:3] == [5, 6, 7]
        await call.hang_up()


async def test_agent_audio_is_played_reframed_in_order() -> None:
    async with answered_call() as (call, agent_call):
        speech = numbered_frames(1, 10, call.frame_bytes)
        for piece in (speech[:1000], speech[1000:4000], speech[4000:]):  # writes that are not frames
            await agent_call.call.send_audio(piece)
        played = await call.wait_agent_audio(len(speech))
        assert played == speech
        frames = [f async for f in _first_frames(call, 10)]
        assert b"".join(frames) == speech


async def _first_frames(call: LoopbackCall, count: int) -> AsyncIterator[bytes]:
    n = 0
    async for frame in call.played_frames():
        yield frame
        n += 1
        if n == count:
            return


async def test_interrupt_drops_queued_playout_and_the_next_audio_follows_at_once() -> None:
    async with answered_call() as (call, agent_call):
        frame = call.frame_bytes
        await agent_call.call.send_audio(numbered_frames(1000, 100, frame))  # two seconds
        await call.wait_agent_audio(5 * frame)
        await agent_call.call.clear_send_audio_buffer()
        await agent_call.call.send_audio(numbered_frames(-1000, 5, frame))
        await call.wait_agent_audio(len(call.agent_audio) + 5 * frame)
        numbers = frame_numbers(call.agent_audio, frame)
        cut = numbers.index(-1000)
        assert numbers[:cut] == list(range(1000, 1000 + cut)) and 5 <= cut < 100  # the rest never played
        assert numbers[cut : cut + 5] == [-1000, -999, -998, -997, -996]
        assert call.interrupts == 1 and "agent.interrupt" in call.commands


async def test_transfer_answered_and_unanswered() -> None:
    async with answered_call(ring_seconds=0.05) as (call, agent_call):
        call.set_transfer(answer=False)
        unanswered = await agent_call.call.connect(ring_time_seconds=30)
        assert not unanswered and unanswered.error_code == "CALL_UNANSWERED"
        assert call.state is LineState.ANSWERED
        call.set_transfer(answer=True)
        answered = await agent_call.call.connect(ring_time_seconds=30)
        assert answered and call.state_path[-1][0] is LineState.CONNECTED
        assert await agent_call.call.close()
        assert await call.wait_ended() == "close"
        states = [state for state, _ in call.state_path]
        assert states == [LineState.PENDING, LineState.ANSWERED, LineState.CONNECTED, LineState.DISCONNECTED]
        times = [at for _, at in call.state_path]
        assert times == sorted(times)


async def test_a_ringing_transfer_gets_an_answer_when_the_caller_hangs_up() -> None:
    async with answered_call() as (call, agent_call):
        call.set_transfer(answer=True, ring_seconds=30)
        ringing = asyncio.create_task(agent_call.call.connect(ring_time_seconds=30))
        await call.wait_for_command("call.connect")
        await call.hang_up()
        result = await asyncio.wait_for(ringing, 2)
        assert not result and result.error_code == "CALL_TERMINATED"


@pytest.mark.parametrize(
    ("command", "how", "reason"), [("disconnect", "disconnect", "CALL_TERMINATED"), ("close", "close", "SDK_REQUEST")]
)
async def test_agent_ends_the_call(command: str, how: str, reason: str) -> None:
    async with answered_call() as (call, agent_call):
        reading = asyncio.create_task(agent_call.audio_until_end())
        result = await getattr(agent_call.call, command)()
        assert result.success
        assert await call.wait_ended() == how
        await reading  # the voice socket closed, so the SDK's audio stream ended
        assert await asyncio.wait_for(agent_call.closed, 2) == reason
        assert agent_call.terminated.is_set() and call.state is LineState.DISCONNECTED
        assert call.commands[-1] == f"call.{command}"


async def test_caller_hang_up_ends_the_sdk_audio_stream() -> None:
    async with answered_call() as (call, agent_call):
        speech = numbered_frames(1, 5, call.frame_bytes)
        call.feed(speech)
        await agent_call.caller_audio_until(speech)
        reading = asyncio.create_task(agent_call.audio_until_end())
        await call.hang_up()
        await reading  # the stream ends: the server closed the voice socket after call.terminated
        assert await call.wait_ended() == "caller_hangup"
        assert await asyncio.wait_for(agent_call.closed, 2) == "CALL_TERMINATED"
        assert agent_call.terminated.is_set()
        assert await agent_call.call.disconnect()  # the SDK knows the call is over: no command is sent
        assert call.commands == ["call.answer"]


async def test_injected_call_error_reaches_on_call_event_and_the_call_goes_on() -> None:
    async with answered_call() as (call, agent_call):
        await call.inject_error("TTS_SESSION_ERROR", "boom")
        await agent_call.call.whisper()  # a round trip: the event was handled before this reply
        assert agent_call.errors == [{"error_code": "TTS_SESSION_ERROR", "error_message": "boom"}]
        assert call.ended is None and str(agent_call.call.state) == "LIVE"
        assert await agent_call.call.barge() and await agent_call.call.spy()


async def test_recording_aligns_both_sides_on_the_ticks() -> None:
    async with answered_call() as (call, agent_call):
        frame = call.frame_bytes
        call.feed(numbered_frames(1, 5, frame))
        await agent_call.call.send_audio(numbered_frames(100, 5, frame))
        await call.wait_agent_audio(5 * frame)
        await call.hang_up()
        recording = call.recording()
        assert len(recording.caller) == len(recording.agent) and len(recording.stereo()) == 2 * len(recording.caller)
        caller, agent = frame_numbers(recording.caller, frame), frame_numbers(recording.agent, frame)
        spoke, answered = caller.index(1), agent.index(100)
        assert caller[spoke : spoke + 5] == [1, 2, 3, 4, 5] and set(caller[:spoke]) == {0}
        assert agent[answered : answered + 5] == [100, 101, 102, 103, 104] and set(agent[:answered]) == {0}
        assert answered >= 1  # the first tick only asks for agent audio
