"""DeepgramSpeechToText: the SpeechToText port on Deepgram's streaming recogniser (its live websocket API)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from deepgram import AsyncDeepgramClient
from deepgram.environment import DeepgramClientEnvironment

from slotline.application.errors import SpeechUnavailable
from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.expectation import Expectation
from slotline.domain.errors import SlotlineError
from slotline.infrastructure.deepgram_stt.keyterms import catalogue_terms, keyterms
from slotline.infrastructure.deepgram_stt.settings import DeepgramSettings
from slotline.infrastructure.deepgram_stt.stream import DeepgramStream, open_stream

__all__ = ["DeepgramKeyMissing", "DeepgramSpeechToText"]

log = logging.getLogger(__name__)

_SHORTEST_S = 0.02
"""Less audio than one 20 ms frame is no speech: "" without asking anyone."""


class DeepgramKeyMissing(SlotlineError):
    def __init__(self) -> None:
        super().__init__('speech.stt "deepgram" needs speech.deepgram.api_key (SLOTLINE_SPEECH__DEEPGRAM__API_KEY)')


class DeepgramSpeechToText:
    """Recognises caller turns with Deepgram, listening for the business's words and the expected answers.

    `transcribe` sends a whole turn and returns its final words; `stream` opens a session to send audio as it is
    spoken and read partial text meanwhile. Any failure (refused, slow, malformed, an error frame) is
    SpeechUnavailable. Safe for concurrent calls: every turn has its own websocket.
    """

    def __init__(self, settings: DeepgramSettings, catalogue: Catalogue | None = None) -> None:
        if settings.api_key is None or not settings.api_key.get_secret_value():
            raise DeepgramKeyMissing()
        self._settings = settings
        self._terms = catalogue_terms(catalogue) if catalogue is not None else ()
        url = settings.url
        https = url.replace("wss://", "https://", 1).replace("ws://", "http://", 1)
        environment = DeepgramClientEnvironment(base=https, production=url, agent=url, agent_rest=https)
        self._client = AsyncDeepgramClient(api_key=settings.api_key.get_secret_value(), environment=environment)

    def __repr__(self) -> str:
        return f"DeepgramSpeechToText(url={self._settings.url!r}, model={self._settings.model!r})"

    async def transcribe(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> str:
        """The final words of one whole turn ("" for silence); SpeechUnavailable after `deadline_seconds`."""
        audio = pcm[: len(pcm) - len(pcm) % 2]
        if len(audio) < 2 * sample_rate * _SHORTEST_S:
            return ""
        chunk = 2 * max(1, sample_rate * self._settings.chunk_ms // 1000)
        try:
            async with asyncio.timeout(self._settings.deadline_seconds):
                async with self.stream(sample_rate, expecting) as stream:
                    for start in range(0, len(audio), chunk):
                        await stream.send(audio[start : start + chunk])
                    text = await stream.finish()
        except TimeoutError as exc:
            raise SpeechUnavailable(f"deepgram: no final result within {self._settings.deadline_seconds} s") from exc
        log.debug("deepgram heard %d words", len(text.split()))
        return text

    @contextlib.asynccontextmanager
    async def stream(self, sample_rate: int, expecting: Expectation | None = None) -> AsyncIterator[DeepgramStream]:
        """A live session for one turn: `send` PCM16 as it arrives, read `partial`, then `finish()` for the words.

        No deadline of its own: the caller bounds it (a turn may last as long as the caller talks).
        """
        terms = keyterms(expecting, self._terms, self._settings.max_keyterms)
        async with open_stream(self._client, self._settings, sample_rate, terms) as stream:
            yield stream
