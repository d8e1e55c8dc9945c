"""The TurnDetectorFactory contract: turn-taking timed in audio time, whatever tells speech from quiet.

Needs pytest and pytest-asyncio (test-time only). Subclass TurnDetectorContract and override
`turn_detector_factory` and `voice` (a TextToSpeech whose audio the detector hears as speech).
"""

from __future__ import annotations

import pytest

from slotline.application.ports import (
    SilenceTimeout,
    SpeechPaused,
    SpeechStarted,
    TextToSpeech,
    TurnDetectorFactory,
    TurnEvent,
    TurnMayEnd,
    Utterance,
)
from slotline.testing.contracts.audio import feed, kinds, quiet, seconds

__all__ = ["TurnDetectorContract"]

SAID = "I would like to book a haircut"
RATES = [8000, 16000]


class TurnDetectorContract:
    """Every TurnDetectorFactory's detectors: timed in audio time, so the same audio always gives the same turns."""

    @pytest.fixture
    def turn_detector_factory(self) -> TurnDetectorFactory:
        """Override: the factory under test, with its default end-of-turn and reply waits (under 10 s)."""
        pytest.fail("subclass TurnDetectorContract and override the `turn_detector_factory` fixture", pytrace=False)

    @pytest.fixture
    def voice(self) -> TextToSpeech:
        """Override: a synthesiser whose audio the detector under test hears as speech."""
        pytest.fail("subclass TurnDetectorContract and override the `voice` fixture", pytrace=False)

    async def _spoken(self, voice: TextToSpeech, rate: int) -> tuple[bytes, bytes]:
        """A second of quiet, one sentence, two seconds of quiet; and the sentence alone."""
        speech = await voice.synthesize(SAID, rate)
        return quiet(1.0, rate) + speech + quiet(2.0, rate), speech

    @pytest.mark.asyncio
    @pytest.mark.parametrize("rate", RATES)
    async def test_one_sentence_is_one_turn(
        self, turn_detector_factory: TurnDetectorFactory, voice: TextToSpeech, rate: int
    ) -> None:
        """SpeechStarted, then one Utterance right after a SpeechPaused and a TurnMayEnd carrying exactly its audio."""
        pcm, speech = await self._spoken(voice, rate)

        events = feed(turn_detector_factory(rate), pcm, rate)

        assert kinds(events) == ["SpeechStarted", "Utterance"]
        paused, may_end, utterance = events[-3:]
        assert isinstance(paused, SpeechPaused) and isinstance(may_end, TurnMayEnd)
        assert isinstance(utterance, Utterance)
        assert paused.pcm == may_end.pcm == utterance.pcm
        assert len(utterance.pcm) % 2 == 0
        assert 0.5 * seconds(speech, rate) < seconds(utterance.pcm, rate) < seconds(speech, rate) + 1.0

    @pytest.mark.asyncio
    async def test_the_same_audio_gives_the_same_turns(
        self, turn_detector_factory: TurnDetectorFactory, voice: TextToSpeech
    ) -> None:
        """Two detectors fed the same audio give the same events with the same audio."""
        pcm, _ = await self._spoken(voice, 8000)

        first = feed(turn_detector_factory(8000), pcm, 8000)
        second = feed(turn_detector_factory(8000), pcm, 8000)

        assert kinds(first) == kinds(second)
        assert [getattr(e, "pcm", None) for e in first] == [getattr(e, "pcm", None) for e in second]

    @pytest.mark.parametrize("rate", RATES)
    def test_silence_is_only_silence_timeouts(self, turn_detector_factory: TurnDetectorFactory, rate: int) -> None:
        """Twenty seconds of silence (and empty frames) start no turn; the reply wait runs out at least once."""
        detector = turn_detector_factory(rate)

        events = detector.feed(b"") + feed(detector, quiet(20.0, rate), rate)

        assert events and all(isinstance(e, SilenceTimeout) for e in events)
        assert detector.end_turn() is None

    @pytest.mark.asyncio
    async def test_a_finished_sounding_turn_can_be_ended_early(
        self, turn_detector_factory: TurnDetectorFactory, voice: TextToSpeech
    ) -> None:
        """end_turn() after a TurnMayEnd returns that audio as the Utterance; the detector then does not repeat it."""
        pcm, _ = await self._spoken(voice, 16000)
        detector = turn_detector_factory(16000)
        ended: list[Utterance] = []
        others: list[TurnEvent] = []
        assert detector.end_turn() is None

        frame = 2 * 16000 // 50
        for i in range(0, len(pcm), frame):
            for event in detector.feed(pcm[i : i + frame]):
                others.append(event)
                if isinstance(event, TurnMayEnd) and not ended:
                    utterance = detector.end_turn()
                    assert utterance is not None and utterance.pcm == event.pcm
                    ended.append(utterance)

        assert len(ended) == 1
        assert not any(isinstance(e, Utterance) for e in others)

    def test_agent_speech_is_timed_in_audio(self, turn_detector_factory: TurnDetectorFactory) -> None:
        """After expect_reply_after(0.5) the agent is speaking until half a second of caller audio has come in."""
        detector = turn_detector_factory(8000)
        detector.expect_reply_after(0.5)
        assert detector.agent_speaking

        feed(detector, quiet(0.46, 8000), 8000)
        assert detector.agent_speaking
        feed(detector, quiet(0.08, 8000), 8000)
        assert not detector.agent_speaking

    @pytest.mark.asyncio
    async def test_speech_while_the_agent_talks_is_a_barge_in(
        self, turn_detector_factory: TurnDetectorFactory, voice: TextToSpeech
    ) -> None:
        """Caller speech while the agent's reply still plays starts a turn (SpeechStarted) all the same."""
        pcm, _ = await self._spoken(voice, 16000)
        detector = turn_detector_factory(16000)
        detector.expect_reply_after(60.0)

        events = feed(detector, pcm, 16000)

        assert isinstance(events[0], SpeechStarted) and detector.agent_speaking
