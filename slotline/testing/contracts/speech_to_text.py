"""The SpeechToText contract: one turn of caller audio to lower-case words, whatever the engine.

Needs pytest and pytest-asyncio (test-time only). Subclass SpeechToTextContract and override `speech_to_text` and
`voice` (a TextToSpeech whose speech the recogniser understands). An adapter with a `close()` or `aclose()` must let
it be called twice.
"""

from __future__ import annotations

import asyncio

import pytest

from slotline.application.ports import SpeechToText, TextToSpeech
from slotline.testing.contracts.audio import close_twice, quiet

__all__ = ["SpeechToTextContract"]

SAID = "I would like to book a haircut"


class SpeechToTextContract:
    """Every SpeechToText: one turn of caller audio to lower-case words; silence and scraps are no words."""

    @pytest.fixture
    def speech_to_text(self) -> SpeechToText:
        """Override: the recogniser under test."""
        pytest.fail("subclass SpeechToTextContract and override the `speech_to_text` fixture", pytrace=False)

    @pytest.fixture
    def voice(self) -> TextToSpeech:
        """Override: a synthesiser whose speech the recogniser under test understands."""
        pytest.fail("subclass SpeechToTextContract and override the `voice` fixture", pytrace=False)

    async def _turn(self, voice: TextToSpeech, text: str, rate: int) -> bytes:
        return quiet(0.3, rate) + await voice.synthesize(text, rate) + quiet(0.3, rate)

    @pytest.mark.asyncio
    @pytest.mark.parametrize("rate", [8000, 16000, 24000])
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
        await close_twice(speech_to_text)
