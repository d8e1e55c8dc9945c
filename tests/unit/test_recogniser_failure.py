"""A recogniser that fails is an apology and a hand-over (TransferReason.NOT_HEARD), never a stalled call."""

from __future__ import annotations

import asyncio

from slotline.application.errors import RecogniserUnavailable
from slotline.application.listening import CallerSaid, CallerUnheard, HeardTurn, TurnListener
from slotline.domain.dialogue import actions as act
from slotline.domain.dialogue import events as ev
from slotline.domain.dialogue.expectation import Expectation
from slotline.domain.dialogue.prompts import NOT_HEARD
from slotline.domain.understanding import Intent
from slotline.infrastructure.energy_vad.detector import EnergySettings, EnergyTurnDetector
from slotline.infrastructure.marked_speech import MarkedSpeechToText
from tests.unit.test_dialogue_policy import CALLER, TUESDAY, World, heard
from tests.unit.test_listening import QUIET, RATE, FakeCall, frames_of


class FailingStt(MarkedSpeechToText):
    """Hears the first `good` turns, then fails the way a recogniser that went down does."""

    def __init__(self, good: int = 0, error: Exception | None = None) -> None:
        self.good = good
        self.error = error or RecogniserUnavailable("transcription server answered 500")

    async def transcribe(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> str:
        await asyncio.sleep(0.001)
        if self.good > 0:
            self.good -= 1
            return await super().transcribe(pcm, sample_rate, expecting)
        raise self.error


async def listen(stt: MarkedSpeechToText, chunks: list[bytes]) -> list[HeardTurn]:
    async def finished(text: str) -> bool:
        return text == "yes please"

    detector = EnergyTurnDetector(RATE, EnergySettings(end_silence_ms=600, pause_ms=100, quick_end_ms=200))
    listener = TurnListener(FakeCall(), detector, stt, finished)
    turns: list[HeardTurn] = []
    for chunk in chunks:
        turns += await listener.take(chunk)
    listener.close()
    return turns


async def test_a_failed_recognition_is_an_unheard_turn_not_an_error() -> None:
    turns = await listen(FailingStt(), frames_of("yes please") + [QUIET] * 40)

    assert turns == [CallerUnheard("RecogniserUnavailable: speech unavailable: transcription server answered 500")]


async def test_any_error_of_a_recogniser_is_an_unheard_turn() -> None:
    turns = await listen(FailingStt(error=ValueError("bad answer")), frames_of("a haircut") + [QUIET] * 40)

    assert turns == [CallerUnheard("ValueError: bad answer")]


async def test_a_recogniser_that_comes_back_hears_the_next_turn() -> None:
    said = frames_of("yes please") + [QUIET] * 40
    turns = await listen(FailingStt(good=1), said + said)

    assert [type(t) for t in turns] == [CallerSaid, CallerUnheard]


def test_the_policy_apologises_and_hands_over_when_the_caller_cannot_be_heard() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    world.send(heard(Intent.INFORM, ordinal=1))  # a hold is placed

    said = world.send(ev.NotHeard("server down"))

    assert said == [NOT_HEARD]
    assert world.kinds()[-3:] == ["ReleaseHold", "Say", "TransferToHuman"]
    assert world.done[-1] == act.TransferToHuman(act.TransferReason.NOT_HEARD)
