"""SpeechToText on a server speaking OpenAI's /v1/audio/transcriptions, within a deadline per turn.

The openai SDK's own retries are off: tenacity tries again (429, 5xx, a dropped connection) inside one deadline for
the whole turn, and past it, or on an answer without text, the local recogniser given as `fallback` hears the turn.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol, runtime_checkable

import openai
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt, wait_fixed

from slotline.application.errors import RecogniserUnavailable
from slotline.application.ports import SpeechToText
from slotline.domain.dialogue.expectation import Expectation
from slotline.domain.spoken_numbers import mask_phone_digits
from slotline.infrastructure.common.answer_prompt import prompt_for
from slotline.infrastructure.common.spoken_text import spoken_words
from slotline.infrastructure.common.turn_audio import loudness_dbfs, too_short, wav_file
from slotline.infrastructure.openai_stt.settings import OpenAITranscriptionSettings

__all__ = ["OpenAISpeechToText", "TranscriptionFailed"]

log = logging.getLogger(__name__)

_NO_KEY = "none"
"""Sent when no key is set (a local server needs none); the SDK would otherwise read OPENAI_API_KEY."""
_RETRY_PAUSE_SECONDS = 0.05


class TranscriptionFailed(RecogniserUnavailable):
    """One request for a turn's words failed; `transient` ones (429, 5xx, connection) are worth another try."""

    def __init__(self, detail: str, *, transient: bool) -> None:
        super().__init__(detail)
        self.transient = transient


@runtime_checkable
class _Warmable(Protocol):
    """A fallback with start-up work and resources of its own (pocketsphinx's worker processes)."""

    async def warm_up(self) -> None: ...

    async def aclose(self) -> None: ...


def _transient(exc: BaseException) -> bool:
    return isinstance(exc, TranscriptionFailed) and exc.transient


class OpenAISpeechToText:
    """The turn goes to the server as a WAV file at the line's rate, with the agent's question as the prompt.

    `fallback` (the local recogniser) hears a turn the server did not answer in time or answered wrongly; without
    one, that turn raises RecogniserUnavailable (the agent apologises and hands the caller over).
    """

    def __init__(self, settings: OpenAITranscriptionSettings, fallback: SpeechToText | None = None) -> None:
        self._settings = settings
        self._fallback = fallback if settings.fallback else None
        resources: object = self._fallback
        self._warmable = resources if isinstance(resources, _Warmable) else None
        key = settings.api_key.get_secret_value() if settings.api_key is not None else _NO_KEY
        self._client = openai.AsyncOpenAI(
            api_key=key, base_url=settings.base_url, max_retries=0, timeout=settings.deadline_seconds
        )

    async def transcribe(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> str:
        if too_short(pcm, sample_rate) or loudness_dbfs(pcm) < self._settings.silence_dbfs:
            return ""
        try:
            text = await asyncio.wait_for(
                self._ask(wav_file(pcm, sample_rate), prompt_for(expecting)), self._settings.deadline_seconds
            )
        except (TimeoutError, TranscriptionFailed) as exc:
            late = f"no answer in {self._settings.deadline_seconds:g} s"
            why = exc.detail if isinstance(exc, TranscriptionFailed) else late
            if self._fallback is None:
                raise RecogniserUnavailable(f"transcription server: {why}") from exc
            log.warning("transcription server: %s; the local recogniser hears this turn", why)
            return await self._fallback.transcribe(pcm, sample_rate, expecting)
        log.debug("recognised %r", mask_phone_digits(text))
        return text

    async def _ask(self, wav: bytes, prompt: str) -> str:
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._settings.attempts),
            wait=wait_fixed(_RETRY_PAUSE_SECONDS),
            retry=retry_if_exception(_transient),
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                return await self._once(wav, prompt)
        raise AssertionError("unreachable: tenacity re-raises the last failure")  # pragma: no cover

    async def _once(self, wav: bytes, prompt: str) -> str:
        try:
            answer = await self._client.audio.transcriptions.create(
                file=("turn.wav", wav, "audio/wav"),
                model=self._settings.model,
                language=self._settings.language,
                prompt=prompt or openai.omit,
                response_format="json",
                temperature=0.0,
            )
        except openai.APIStatusError as exc:
            status = exc.status_code
            raise TranscriptionFailed(f"answered {status}", transient=status == 429 or status >= 500) from exc
        except openai.APIConnectionError as exc:
            raise TranscriptionFailed(f"unreachable ({type(exc).__name__})", transient=True) from exc
        except (openai.OpenAIError, ValueError) as exc:  # an answer the SDK cannot read
            raise TranscriptionFailed(f"malformed answer ({type(exc).__name__})", transient=False) from exc
        text = getattr(answer, "text", None)
        if not isinstance(text, str):
            raise TranscriptionFailed("malformed answer (no text)", transient=False)
        return spoken_words(text)

    async def warm_up(self) -> None:
        """Start the fallback's workers before the first caller (the server needs no warming)."""
        if self._warmable is not None:
            await self._warmable.warm_up()

    async def aclose(self) -> None:
        """Close the HTTP connections and the fallback (at shutdown); harmless twice."""
        await self._client.close()
        if self._warmable is not None:
            await self._warmable.aclose()
