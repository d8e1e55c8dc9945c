"""Listening through a transfer's ring: every frame is read as it comes, and only turns after the question count."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from slotline.application.background_listening import BackgroundListener
from slotline.application.errors import CallEnded, SpeechUnavailable
from slotline.application.listening import CallerSaid, CallerSilent, CallerUnheard, TurnListener
from slotline.application.ports import SpeechToText
from slotline.domain.dialogue.expectation import Expectation
from slotline.infrastructure.energy_vad.detector import EnergySettings, EnergyTurnDetector
from slotline.infrastructure.marked_speech import MarkedSpeechToText, encode_marks

RATE = 16000
FRAME = RATE // 50 * 2
QUIET = bytes(FRAME)


class Line:
    """A call whose caller audio the test feeds frame by frame; None ends the call."""

    def __init__(self) -> None:
        self.frames: asyncio.Queue[bytes | None] = asyncio.Queue()
        self.stops = 0

    @property
    def call_id(self) -> str:
        return "call-1"

    @property
    def sample_rate(self) -> int:
        return RATE

    async def stop_playback(self) -> None:
        self.stops += 1

    async def audio(self) -> AsyncIterator[bytes]:
        while (frame := await self.frames.get()) is not None:
            self.frames.task_done()
            yield frame

    def say(self, text: str, quiet_ms: int = 800) -> None:
        pcm = encode_marks(text, RATE)
        for i in range(0, len(pcm), FRAME):
            self.frames.put_nowait(pcm[i : i + FRAME])
        self.quiet(quiet_ms)

    def quiet(self, ms: int) -> None:
        for _ in range(ms // 20):
            self.frames.put_nowait(QUIET)

    async def read_all(self) -> None:
        """Until every frame fed so far has been taken by the listener."""
        await self.frames.join()


class BrokenStt:
    async def transcribe(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> str:
        raise SpeechUnavailable("pocketsphinx failed: out of memory")


async def never_finished(text: str) -> bool:
    return False


def ears_on(line: Line, stt: SpeechToText | None = None) -> tuple[BackgroundListener, EnergyTurnDetector]:
    detector = EnergyTurnDetector(RATE, EnergySettings(end_silence_ms=600, reply_timeout_s=3.0))
    listener = TurnListener(line, detector, stt or MarkedSpeechToText(), never_finished)
    return BackgroundListener(line, listener), detector


async def test_what_the_caller_says_while_it_rings_is_read_but_is_no_answer() -> None:
    line = Line()
    ears, detector = ears_on(line)
    line.say("hello are you still there")
    line.quiet(10_000)  # a long ring: more than three reply windows of silence
    await line.read_all()

    ears.expect_answer()
    detector.expect_reply_after(2.0)  # the question, 2 s long, is queued now
    line.quiet(1_000)
    line.say("yes please")
    answer = await ears.next_answer()

    assert answer == CallerSaid("yes please", quick=False)
    await ears.close()


async def test_the_reply_window_starts_after_the_question_not_at_the_start_of_the_ring() -> None:
    line = Line()
    ears, detector = ears_on(line)
    line.quiet(10_000)
    await line.read_all()

    ears.expect_answer()
    detector.expect_reply_after(2.0)
    line.quiet(4_900)  # 2 s of question and 2.9 s of the 3 s window: still waiting
    line.say("no")

    assert await ears.next_answer() == CallerSaid("no", quick=False)
    line.quiet(3_200)  # the next window after the turn passes without a word
    assert isinstance(await ears.next_answer(), CallerSilent)
    await ears.close()


async def test_the_call_ending_ends_every_wait_for_an_answer() -> None:
    line = Line()
    ears, _ = ears_on(line)
    ears.expect_answer()
    line.frames.put_nowait(None)

    with pytest.raises(CallEnded):
        await ears.next_answer()
    with pytest.raises(CallEnded):
        await ears.next_answer()
    await ears.close()


async def test_a_recogniser_failure_reaches_whoever_waits_for_the_answer() -> None:
    line = Line()
    ears, _ = ears_on(line, BrokenStt())
    ears.expect_answer()
    line.say("yes")

    turn = await ears.next_answer()

    assert isinstance(turn, CallerUnheard) and "out of memory" in turn.reason
    await ears.close()
