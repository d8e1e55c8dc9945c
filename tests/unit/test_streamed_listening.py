"""Listening with a streaming recogniser: the turn's audio goes out while the caller speaks, the words come at the
pause, and a failure reaches the call as it does from a whole-turn recogniser."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest

from slotline.application.errors import SpeechUnavailable
from slotline.application.listening import CallerSaid, HeardTurn, TurnListener
from slotline.application.ports import SpeechStream, StreamingSpeechToText
from slotline.domain.dialogue.expectation import Expectation, Expecting
from slotline.domain.dialogue.turn_end import sounds_finished
from slotline.infrastructure.energy_vad.detector import EnergySettings, EnergyTurnDetector
from slotline.infrastructure.marked_speech import MarkedSpeechToText, decode_marks
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, sample_catalogue
from tests.unit.test_listening import QUIET, RATE, FakeCall, frames_of


class MarkedStream:
    def __init__(self, owner: MarkedStreamingStt) -> None:
        self._owner = owner
        self.pcm = bytearray()

    async def send(self, pcm: bytes) -> None:
        if self._owner.fail:
            raise SpeechUnavailable("the stream broke")
        self.pcm += pcm
        self._owner.sent_frames += 1

    @property
    def partial(self) -> str:
        return decode_marks(bytes(self.pcm)).lower()

    async def finish(self) -> str:
        await asyncio.sleep(0.005)
        self._owner.finished += 1
        return self.partial


class MarkedStreamingStt(MarkedSpeechToText):
    """Marked speech, heard as a stream; counts what it was sent and how each turn was recognised."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.sent_frames = 0
        self.opened = 0
        self.finished = 0
        self.whole_turns = 0
        self.open_streams = 0
        self.expected: list[Expectation | None] = []

    async def transcribe(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> str:
        self.whole_turns += 1
        return await super().transcribe(pcm, sample_rate, expecting)

    @contextlib.asynccontextmanager
    async def stream(self, sample_rate: int, expecting: Expectation | None = None) -> AsyncIterator[SpeechStream]:
        self.opened += 1
        self.open_streams += 1
        self.expected.append(expecting)
        try:
            yield MarkedStream(self)
        finally:
            self.open_streams -= 1


def listener_with(stt: MarkedStreamingStt) -> TurnListener:
    interpreter = RulesUtteranceInterpreter(sample_catalogue())

    async def finished(text: str) -> bool:
        return sounds_finished(await interpreter.interpret(text, NOW))

    detector = EnergyTurnDetector(RATE, EnergySettings(end_silence_ms=600, pause_ms=100, quick_end_ms=200))
    return TurnListener(FakeCall(), detector, stt, finished, lambda: Expectation(Expecting.YES_NO))


async def take_all(listener: TurnListener, frames: list[bytes]) -> list[tuple[int, HeardTurn]]:
    heard: list[tuple[int, HeardTurn]] = []
    for n, frame in enumerate(frames, start=1):
        heard += [(n, turn) for turn in await listener.take(frame)]
        await asyncio.sleep(0)  # the stream's sender runs between frames, as it does between a line's frames
    return heard


def test_the_fake_is_a_streaming_recogniser() -> None:
    stt: StreamingSpeechToText = MarkedStreamingStt()
    assert isinstance(stt, StreamingSpeechToText)
    assert not isinstance(MarkedSpeechToText(), StreamingSpeechToText)


async def test_the_audio_goes_out_while_the_caller_speaks_and_the_words_come_at_the_pause() -> None:
    stt = MarkedStreamingStt()
    listener = listener_with(stt)
    said = frames_of("yes please")

    await take_all(listener, said)
    sent_while_speaking = stt.sent_frames
    heard = await take_all(listener, [QUIET] * 40)

    assert sent_while_speaking >= len(said) - 1  # all but the frame being handled when speech started
    assert heard == [(10, CallerSaid("yes please", quick=True))]
    assert (stt.opened, stt.finished, stt.whole_turns) == (1, 1, 0)
    assert stt.expected == [Expectation(Expecting.YES_NO)]
    listener.close()


async def test_a_turn_that_leads_on_keeps_its_words_to_the_long_wait() -> None:
    stt = MarkedStreamingStt()
    listener = listener_with(stt)

    heard = await take_all(listener, frames_of("i would like a haircut with") + [QUIET] * 40)

    assert heard == [
        (len(frames_of("i would like a haircut with")) + 30, CallerSaid("i would like a haircut with", quick=False))
    ]
    assert (stt.finished, stt.whole_turns) == (1, 0)  # the words at the pause served the end of the turn too
    listener.close()


async def test_a_caller_who_goes_on_after_the_pause_is_heard_whole() -> None:
    stt = MarkedStreamingStt()
    listener = listener_with(stt)
    first, rest = frames_of("i would like a haircut with"), frames_of("sam")

    heard = await take_all(listener, first + [QUIET] * 12 + rest + [QUIET] * 40)

    (turn,) = [t for _, t in heard]
    assert isinstance(turn, CallerSaid) and turn.text == "i would like a haircut with sam"
    assert (stt.finished, stt.whole_turns) == (1, 1)
    listener.close()


async def test_two_turns_get_a_stream_each_and_none_is_left_open() -> None:
    stt = MarkedStreamingStt()
    listener = listener_with(stt)

    heard = await take_all(listener, frames_of("yes please") + [QUIET] * 40 + frames_of("no thanks") + [QUIET] * 40)

    assert [t.text for _, t in heard if isinstance(t, CallerSaid)] == ["yes please", "no thanks"]
    assert (stt.opened, stt.open_streams) == (2, 0)
    listener.close()


async def test_a_failing_stream_is_speech_unavailable_from_the_listener() -> None:
    listener = listener_with(MarkedStreamingStt(fail=True))

    with pytest.raises(SpeechUnavailable, match="the stream broke"):
        await take_all(listener, frames_of("yes please") + [QUIET] * 40)
    listener.close()


async def test_closing_mid_turn_closes_the_stream() -> None:
    stt = MarkedStreamingStt()
    listener = listener_with(stt)
    await take_all(listener, frames_of("yes please"))

    listener.close()
    await asyncio.sleep(0.01)

    assert stt.open_streams == 0
