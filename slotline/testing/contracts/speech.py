"""The speech contracts: what every recogniser, synthesiser and turn detector must do, whatever the engine.

Needs pytest and pytest-asyncio (test-time only). Audio is PCM16 little-endian mono. Subclass:
- TextToSpeechContract, overriding `text_to_speech`;
- SpeechToTextContract, overriding `speech_to_text` and `voice` (a TextToSpeech whose speech it understands);
- TurnDetectorContract, overriding `turn_detector_factory` and `voice` (a TextToSpeech it hears as speech).
An adapter with a `close()` or `aclose()` must let it be called twice.
"""

from __future__ import annotations

import array
import asyncio
import inspect
import math
import sys

import pytest

from slotline.application.ports import (
    SilenceTimeout,
    SpeechPaused,
    SpeechStarted,
    SpeechToText,
    TextToSpeech,
    TurnDetector,
    TurnDetectorFactory,
    TurnEvent,
    TurnMayEnd,
    Utterance,
)

__all__ = ["SpeechToTextContract", "TextToSpeechContract", "TurnDetectorContract"]

GREETING = "Thanks for calling Maple Street Clinic. What can I do for you?"
SAID = "I would like to book a haircut"
RATES = [8000, 16000]


def _samples(pcm: bytes) -> array.array[int]:
    samples = array.array("h")
    samples.frombytes(pcm[: len(pcm) - len(pcm) % 2])
    if sys.byteorder != "little":
        samples.byteswap()
    return samples


def rms(pcm: bytes) -> float:
    """Loudness of PCM16 audio (0 for silence)."""
    samples = _samples(pcm)
    return math.sqrt(sum(s * s for s in samples) / len(samples)) if samples else 0.0


def seconds(pcm: bytes, rate: int) -> float:
    return len(pcm) / 2 / rate


def quiet(duration: float, rate: int) -> bytes:
    return bytes(2 * round(duration * rate))


def feed(detector: TurnDetector, pcm: bytes, rate: int) -> list[TurnEvent]:
    """Feed audio in 20 ms frames, as a phone line delivers it; every event, in order."""
    frame = 2 * rate // 50
    events: list[TurnEvent] = []
    for i in range(0, len(pcm), frame):
        events += detector.feed(pcm[i : i + frame])
    return events


def kinds(events: list[TurnEvent]) -> list[str]:
    """Event names, without the SpeechPaused and TurnMayEnd hints."""
    return [type(e).__name__ for e in events if not isinstance(e, SpeechPaused | TurnMayEnd)]


async def _close_twice(adapter: object) -> None:
    for name in ("aclose", "close"):
        method = getattr(adapter, name, None)
        if callable(method):
            for _ in range(2):
                result = method()
                if inspect.isawaitable(result):
                    await result
            return


class TextToSpeechContract:
    """Every TextToSpeech: one sentence as audible PCM16 at the asked rate, the same length at every rate."""

    @pytest.fixture
    def text_to_speech(self) -> TextToSpeech:
        """Override: the synthesiser under test."""
        raise NotImplementedError("subclass TextToSpeechContract and override the `text_to_speech` fixture")

    @pytest.mark.asyncio
    async def test_speech_is_audible_pcm16_at_the_asked_rate(self, text_to_speech: TextToSpeech) -> None:
        """Whole 16-bit samples, not silence, and the same duration (within 20 ms) whatever the rate."""
        lengths = []
        for rate in (8000, 16000, 24000):
            pcm = await text_to_speech.synthesize(GREETING, rate)
            assert pcm and len(pcm) % 2 == 0
            assert rms(pcm) > 300
            lengths.append(seconds(pcm, rate))
        assert max(lengths) - min(lengths) < 0.02

    @pytest.mark.asyncio
    @pytest.mark.parametrize("text", ["", "   "])
    async def test_nothing_to_say_is_at_most_a_moment_of_audio(self, text_to_speech: TextToSpeech, text: str) -> None:
        """Empty text is no error and at most a quarter second of audio."""
        assert seconds(await text_to_speech.synthesize(text, 8000), 8000) <= 0.25

    @pytest.mark.asyncio
    async def test_sentences_can_be_synthesised_concurrently(self, text_to_speech: TextToSpeech) -> None:
        """The agent synthesises the next sentence while one plays: concurrent calls each give whole audio."""
        texts = ["Yes.", "Which would you like?", GREETING, "Goodbye."]
        alone = [await text_to_speech.synthesize(t, 8000) for t in texts]

        together = await asyncio.gather(*(text_to_speech.synthesize(t, 8000) for t in texts))

        assert [len(p) > 0 and len(p) % 2 == 0 for p in together] == [True] * len(texts)
        assert [abs(seconds(a, 8000) - seconds(b, 8000)) < 0.1 for a, b in zip(alone, together, strict=True)] == [
            True
        ] * len(texts)

    @pytest.mark.asyncio
    async def test_closing_twice_is_harmless(self, text_to_speech: TextToSpeech) -> None:
        """An adapter with close()/aclose() may be closed twice (after use) without an error."""
        assert await text_to_speech.synthesize("Yes.", 8000)
        await _close_twice(text_to_speech)


class SpeechToTextContract:
    """Every SpeechToText: one turn of caller audio to lower-case words; silence and scraps are no words."""

    @pytest.fixture
    def speech_to_text(self) -> SpeechToText:
        """Override: the recogniser under test."""
        raise NotImplementedError("subclass SpeechToTextContract and override the `speech_to_text` fixture")

    @pytest.fixture
    def voice(self) -> TextToSpeech:
        """Override: a synthesiser whose speech the recogniser under test understands."""
        raise NotImplementedError("subclass SpeechToTextContract and override the `voice` fixture")

    async def _turn(self, voice: TextToSpeech, text: str, rate: int) -> bytes:
        return quiet(0.3, rate) + await voice.synthesize(text, rate) + quiet(0.3, rate)

    @pytest.mark.asyncio
    @pytest.mark.parametrize("rate", [*RATES, 24000])
    async def test_a_turn_is_lower_case_words(
        self, speech_to_text: SpeechToText, voice: TextToSpeech, rate: int
    ) -> None:
        """Telephone (8 kHz), wideband and other rates all come back as the words, lower case, no punctuation."""
        text = await speech_to_text.transcribe(await self._turn(voice, "Cancel my appointment", rate), rate)

        assert text == text.lower() and text.replace(" ", "").isalpha()
        assert {"cancel", "appointment"} <= set(text.split())

    @pytest.mark.asyncio
    @pytest.mark.parametrize("pcm", [b"", b"\x01", bytes(200), bytes(32000)])
    async def test_empty_short_or_silent_audio_is_no_words(self, speech_to_text: SpeechToText, pcm: bytes) -> None:
        """No audio, half a sample, a few silent samples or a second of silence: "" (not an error)."""
        assert await speech_to_text.transcribe(pcm, 16000) == ""

    @pytest.mark.asyncio
    async def test_concurrent_turns_are_recognised_alike(
        self, speech_to_text: SpeechToText, voice: TextToSpeech
    ) -> None:
        """Several calls recognise at once: the same audio gives the same words, alone or concurrently."""
        pcm = await self._turn(voice, SAID, 16000)
        alone = await speech_to_text.transcribe(pcm, 16000)

        together = await asyncio.gather(*(speech_to_text.transcribe(pcm, 16000) for _ in range(3)))

        assert alone and set(together) == {alone}

    @pytest.mark.asyncio
    async def test_closing_twice_is_harmless(self, speech_to_text: SpeechToText, voice: TextToSpeech) -> None:
        """An adapter with close()/aclose() may be closed twice (after use) without an error."""
        await speech_to_text.transcribe(await self._turn(voice, "yes", 8000), 8000)
        await _close_twice(speech_to_text)


class TurnDetectorContract:
    """Every TurnDetectorFactory's detectors: timed in audio time, so the same audio always gives the same turns."""

    @pytest.fixture
    def turn_detector_factory(self) -> TurnDetectorFactory:
        """Override: the factory under test, with its default end-of-turn and reply waits (under 10 s)."""
        raise NotImplementedError("subclass TurnDetectorContract and override the `turn_detector_factory` fixture")

    @pytest.fixture
    def voice(self) -> TextToSpeech:
        """Override: a synthesiser whose audio the detector under test hears as speech."""
        raise NotImplementedError("subclass TurnDetectorContract and override the `voice` fixture")

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
