"""Agent audio through the Telcoflow adapter (defect 12): whole frames, no silent drops, playout before hanging up."""

from __future__ import annotations

import asyncio

from slotline.infrastructure.telcoflow.adapter import SdkWorkarounds, TelcoflowLiveCall
from tests.integration.test_telcoflow_harness import CALLER, Handler, running_agent, tone

FRAME = 640  # 20 ms at 16 kHz


async def speak_then_hang_up(call: TelcoflowLiveCall) -> None:
    await call.answer()
    await call.play(tone(25, FRAME))  # half a second
    await call.wait_played(5.0)
    await call.hang_up()


async def test_wait_played_lets_the_last_audio_reach_the_line() -> None:
    """Mitigation 12: wait_played drains the SDK buffer and the platform's jitter buffer before the disconnect."""
    async with running_agent(speak_then_hang_up) as agent:
        placed = await agent.server.place_call(CALLER)
        assert await placed.wait_ended() == "disconnect"
    assert placed.agent_audio == tone(25, FRAME)


async def test_hanging_up_without_waiting_cuts_the_tail() -> None:
    """Defect 12 with the mitigation off: the SDK has no playout-finished signal, and the tail never plays."""
    async with running_agent(speak_then_hang_up, workarounds=SdkWorkarounds(wait_for_playout=False)) as agent:
        placed = await agent.server.place_call(CALLER)
        assert await placed.wait_ended() == "disconnect"
    assert len(placed.agent_audio) < 25 * FRAME // 2


async def test_wait_played_returns_by_its_deadline() -> None:
    waited: list[float] = []

    async def long_speech(call: TelcoflowLiveCall) -> None:
        await call.answer()
        await call.play(tone(250, FRAME))  # five seconds
        loop = asyncio.get_running_loop()
        start = loop.time()
        await call.wait_played(0.3)
        waited.append(loop.time() - start)
        await call.hang_up()

    async with running_agent(long_speech) as agent:
        placed = await agent.server.place_call(CALLER)
        await placed.wait_ended()
    assert 0.25 <= waited[0] < 1.0


async def test_a_trailing_part_frame_is_padded_and_plays() -> None:
    """The SDK holds back a trailing part frame until more audio comes; padding it with silence sends it."""
    speech = tone(3, FRAME) + b"\x07\x07" * 100  # three frames and 200 bytes

    async def speak(call: TelcoflowLiveCall) -> None:
        await call.answer()
        await call.play(speech)
        await call.wait_played(5.0)
        await call.hang_up()

    async with running_agent(speak) as agent:
        placed = await agent.server.place_call(CALLER)
        await placed.wait_ended()
    assert placed.agent_audio == speech + bytes(FRAME - 200)


async def test_play_longer_than_the_send_buffer_waits_for_space() -> None:
    """BufferFullError is waited out, never dropped: 1.5 s of audio through an 8 KiB (0.26 s) send buffer."""
    speech = tone(75, FRAME)

    async with running_agent(speak_then_hang_up_with(speech), send_buffer_bytes=8192) as agent:
        placed = await agent.server.place_call(CALLER)
        assert await placed.wait_ended(timeout=10.0) == "disconnect"
    assert placed.agent_audio == speech


def speak_then_hang_up_with(speech: bytes) -> Handler:
    async def speak(call: TelcoflowLiveCall) -> None:
        await call.answer()
        await call.play(speech)
        await call.wait_played(10.0)
        await call.hang_up()

    return speak


async def test_stop_playback_drops_queued_audio_at_once() -> None:
    interrupted = asyncio.Event()
    after = tone(5, FRAME, seed=99)

    async def barge_in(call: TelcoflowLiveCall) -> None:
        await call.answer()
        await call.play(tone(250, FRAME))  # five seconds
        await interrupted.wait()
        await call.stop_playback()
        await call.play(after)
        await call.wait_played(5.0)
        await call.hang_up()

    async with running_agent(barge_in) as agent:
        placed = await agent.server.place_call(CALLER)
        await placed.wait_agent_audio(10 * FRAME)
        interrupted.set()
        assert await placed.wait_ended() == "disconnect"

    assert placed.interrupts == 1
    assert placed.agent_audio.endswith(after)
    assert len(placed.agent_audio) < 40 * FRAME  # about 10 frames heard, a few in flight, then the new audio


async def test_stop_playback_ends_a_play_that_waits_for_space() -> None:
    """A play() blocked on a full send buffer gives up the rest when the caller barges in."""
    finished = asyncio.Event()

    async def barge_in(call: TelcoflowLiveCall) -> None:
        await call.answer()
        speaking = asyncio.create_task(call.play(tone(250, FRAME)))  # 5 s through an 8 KiB buffer
        await asyncio.sleep(0.2)
        assert not speaking.done()
        await call.stop_playback()
        await asyncio.wait_for(speaking, timeout=1.0)
        finished.set()
        await call.hang_up()

    async with running_agent(barge_in, send_buffer_bytes=8192) as agent:
        placed = await agent.server.place_call(CALLER)
        await placed.wait_ended()
    assert finished.is_set()
    assert len(placed.agent_audio) < 50 * FRAME
