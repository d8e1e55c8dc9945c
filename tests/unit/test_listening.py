"""Listening on a call: early recognition, the quick end of a finished-sounding turn, barge-in."""

from __future__ import annotations

import asyncio

from slotline.application.listening import CallerSaid, CallerSilent, HeardTurn, TurnListener
from slotline.domain.dialogue.expectation import Expectation, Expecting
from slotline.domain.dialogue.turn_end import sounds_finished
from slotline.infrastructure.energy_vad.detector import EnergySettings, EnergyTurnDetector
from slotline.infrastructure.marked_speech import MarkedSpeechToText, encode_marks
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, sample_catalogue

RATE = 16000
FRAME = RATE // 50 * 2
QUIET = bytes(FRAME)


class FakeCall:
    def __init__(self) -> None:
        self.stops = 0

    @property
    def call_id(self) -> str:
        return "call-1"

    @property
    def sample_rate(self) -> int:
        return RATE

    async def stop_playback(self) -> None:
        self.stops += 1


class CountingStt(MarkedSpeechToText):
    def __init__(self) -> None:
        self.calls = 0
        self.expected: list[Expectation | None] = []

    async def transcribe(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> str:
        self.calls += 1
        self.expected.append(expecting)
        await asyncio.sleep(0.01)  # a recogniser takes a while: the listener must wait for it, not skip it
        return await super().transcribe(pcm, sample_rate, expecting)


def frames_of(text: str) -> list[bytes]:
    pcm = encode_marks(text, RATE)
    return [pcm[i : i + FRAME] for i in range(0, len(pcm), FRAME)]


async def listen(
    chunks: list[bytes], call: FakeCall | None = None, speaking_s: float = 0.0
) -> list[tuple[int, HeardTurn]]:
    """(frame number, turn) for every turn heard; end of turn after 200 ms if finished, else 600 ms."""
    interpreter = RulesUtteranceInterpreter(sample_catalogue())

    async def finished(text: str) -> bool:
        return sounds_finished(await interpreter.interpret(text, NOW))

    detector = EnergyTurnDetector(RATE, EnergySettings(end_silence_ms=600, pause_ms=100, quick_end_ms=200))
    detector.expect_reply_after(speaking_s)
    listener = TurnListener(call or FakeCall(), detector, CountingStt(), finished)
    heard: list[tuple[int, HeardTurn]] = []
    for n, chunk in enumerate(chunks, start=1):
        heard += [(n, turn) for turn in await listener.take(chunk)]
    listener.close()
    return heard


async def test_a_finished_sounding_turn_ends_after_the_short_wait() -> None:
    said = frames_of("yes please")
    heard = await listen(said + [QUIET] * 40)
    assert heard == [(len(said) + 10, CallerSaid("yes please", quick=True))]  # 10 x 20 ms = 200 ms


async def test_a_turn_that_leads_on_gets_the_long_wait() -> None:
    said = frames_of("i would like a haircut with")
    heard = await listen(said + [QUIET] * 40)
    assert heard == [(len(said) + 30, CallerSaid("i would like a haircut with", quick=False))]  # 600 ms


async def test_a_caller_who_goes_on_after_a_linking_word_makes_one_turn() -> None:
    first, rest = frames_of("a haircut with"), frames_of("sam")
    heard = await listen(first + [QUIET] * 15 + rest + [QUIET] * 40)
    assert [turn for _, turn in heard] == [CallerSaid("a haircut with sam", quick=True)]


async def test_an_unrecognised_turn_gets_the_long_wait() -> None:
    said = frames_of("the cat sat on the mat")
    heard = await listen(said + [QUIET] * 40)
    assert heard == [(len(said) + 30, CallerSaid("the cat sat on the mat", quick=False))]


async def test_the_caller_talking_over_the_agent_stops_its_playback() -> None:
    call = FakeCall()
    heard = await listen(frames_of("stop stop") + [QUIET] * 40, call, speaking_s=30.0)
    assert call.stops == 1
    assert [turn for _, turn in heard] == [CallerSaid("stop stop", quick=False)]


async def test_silence_is_a_silent_turn() -> None:
    heard = await listen([QUIET] * 300)  # 6 s: the reply window
    assert heard == [(300, CallerSilent())]


async def test_the_recogniser_is_told_what_the_question_expects_when_the_turn_is_recognised() -> None:
    stt = CountingStt()
    asked = [Expectation(Expecting.YES_NO)]
    detector = EnergyTurnDetector(RATE, EnergySettings(end_silence_ms=600, pause_ms=100, quick_end_ms=200))

    async def finished(text: str) -> bool:
        return False

    listener = TurnListener(FakeCall(), detector, stt, finished, lambda: asked[-1])
    for chunk in [*frames_of("yes"), *[QUIET] * 40]:
        await listener.take(chunk)
    asked.append(Expectation(Expecting.DAY))
    for chunk in [*frames_of("friday"), *[QUIET] * 40]:
        await listener.take(chunk)
    listener.close()

    assert stt.expected == [Expectation(Expecting.YES_NO), Expectation(Expecting.DAY)]
