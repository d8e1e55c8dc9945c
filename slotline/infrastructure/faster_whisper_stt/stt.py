"""SpeechToText with Whisper on this machine (faster-whisper on CTranslate2), primed with the agent's question."""

from __future__ import annotations

import asyncio
import logging

from faster_whisper import WhisperModel

from slotline.application.errors import RecogniserUnavailable
from slotline.domain.dialogue.expectation import Expectation
from slotline.domain.spoken_numbers import mask_phone_digits
from slotline.infrastructure.common.answer_prompt import prompt_for
from slotline.infrastructure.common.spoken_text import spoken_words
from slotline.infrastructure.common.turn_audio import loudness_dbfs, too_short, whisper_samples
from slotline.infrastructure.faster_whisper_stt.models import shared_model
from slotline.infrastructure.faster_whisper_stt.settings import WhisperSettings

__all__ = ["FasterWhisperSpeechToText"]

log = logging.getLogger(__name__)


class FasterWhisperSpeechToText:
    """Whisper for every call of this process: the model is loaded once (shared_model) and decodes off the event loop.

    Building it loads the model (blocking); use `start()` from async code. Safe to share between concurrent calls:
    CTranslate2 decodes `settings.workers` turns at once and queues the rest, and releases the GIL while it does.
    Each turn is decoded on its own (no text carried from the previous turn), greedily at temperature 0, so the same
    audio and question always give the same words.
    """

    def __init__(self, settings: WhisperSettings | None = None) -> None:
        self._settings = settings or WhisperSettings()
        self._model: WhisperModel = shared_model(self._settings)

    @classmethod
    async def start(cls, settings: WhisperSettings | None = None) -> FasterWhisperSpeechToText:
        """Load the model off the event loop."""
        return await asyncio.to_thread(cls, settings)

    async def transcribe(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> str:
        if too_short(pcm, sample_rate) or loudness_dbfs(pcm) < self._settings.silence_dbfs:
            return ""
        prompt = prompt_for(expecting)
        try:
            text = await asyncio.to_thread(self._decode, pcm, sample_rate, prompt)
        except (RuntimeError, ValueError, OSError) as exc:
            raise RecogniserUnavailable(f"faster-whisper failed: {str(exc).splitlines()[0]}") from exc
        log.debug("recognised %r", mask_phone_digits(text))
        return text

    def _decode(self, pcm: bytes, sample_rate: int, prompt: str) -> str:
        """Blocking: the turn's words, as spoken words (numbers and times written out)."""
        segments, _ = self._model.transcribe(
            whisper_samples(pcm, sample_rate),
            language=self._settings.language,
            beam_size=self._settings.beam_size,
            temperature=0.0,
            initial_prompt=prompt or None,
            condition_on_previous_text=False,
            without_timestamps=True,
            vad_filter=False,
        )
        return spoken_words(" ".join(segment.text for segment in segments))
