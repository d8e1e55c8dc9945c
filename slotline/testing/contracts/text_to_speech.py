"""The TextToSpeech contract: one sentence as audible PCM16 at the asked rate, whatever the engine.

Needs pytest and pytest-asyncio (test-time only). Subclass TextToSpeechContract and override `text_to_speech`.
An adapter with a `close()` or `aclose()` must let it be called twice.
"""

from __future__ import annotations

import asyncio

import pytest

from slotline.application.ports import TextToSpeech
from slotline.testing.contracts.audio import close_twice, rms, seconds

__all__ = ["TextToSpeechContract"]

GREETING = "Thanks for calling Maple Street Clinic. What can I do for you?"


class TextToSpeechContract:
    """Every TextToSpeech: one sentence as audible PCM16 at the asked rate, the same length at every rate."""

    @pytest.fixture
    def text_to_speech(self) -> TextToSpeech:
        """Override: the synthesiser under test."""
        pytest.fail("subclass TextToSpeechContract and override the `text_to_speech` fixture", pytrace=False)

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
        await close_twice(text_to_speech)
