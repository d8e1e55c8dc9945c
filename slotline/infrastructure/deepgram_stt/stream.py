"""One live Deepgram session: audio in as it comes, partial and final text out."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator

from deepgram import AsyncDeepgramClient
from deepgram.core.api_error import ApiError
from deepgram.listen.v1.socket_client import AsyncV1SocketClient
from deepgram.listen.v1.types.listen_v1error import ListenV1Error
from deepgram.listen.v1.types.listen_v1metadata import ListenV1Metadata
from deepgram.listen.v1.types.listen_v1results import ListenV1Results
from websockets.exceptions import ConnectionClosedOK, WebSocketException

from slotline.application.errors import SpeechUnavailable
from slotline.infrastructure.deepgram_stt.messages import MalformedMessage, error_text, result_of, words
from slotline.infrastructure.deepgram_stt.settings import DeepgramSettings

__all__ = ["DeepgramStream", "open_stream"]

log = logging.getLogger(__name__)

_FAILURES = (ApiError, OSError, WebSocketException, MalformedMessage, json.JSONDecodeError)
"""What the SDK and the socket raise when the recogniser cannot be reached or answers nonsense."""


class DeepgramStream:
    """Feed it audio with `send` while the caller speaks; `partial` and `speech_final` follow what Deepgram hears.

    `finish()` flushes the stream (CloseStream) and returns the final text. Any failure, now or later, is
    SpeechUnavailable.
    """

    def __init__(self, socket: AsyncV1SocketClient, deadline_s: float) -> None:
        self._socket = socket
        self._deadline_s = deadline_s
        self._finals: list[str] = []
        self._interim = ""
        self.speech_final = asyncio.Event()
        """Set when Deepgram says the caller's speech ended (its endpointing)."""
        self._reader = asyncio.create_task(self._read())

    @property
    def partial(self) -> str:
        """The words heard so far: the final segments and the latest interim one."""
        return words(" ".join([*self._finals, self._interim]))

    async def send(self, pcm: bytes) -> None:
        if self._reader.done():
            await self._reader  # a failure the reader already met is raised here
            raise SpeechUnavailable("deepgram closed the stream while audio was still being sent")
        try:
            await self._socket.send_media(pcm)
        except _FAILURES as exc:
            raise SpeechUnavailable(f"deepgram: {type(exc).__name__} while sending audio") from exc

    async def finish(self) -> str:
        """Ask for the last results and the end of the stream; the final words of everything sent.

        SpeechUnavailable when they have not all come within the deadline.
        """
        try:
            async with asyncio.timeout(self._deadline_s):
                if not self._reader.done():
                    await self._socket.send_close_stream()
                await self._reader
        except TimeoutError as exc:  # an OSError too: first
            raise SpeechUnavailable(f"deepgram: no final result within {self._deadline_s} s") from exc
        except _FAILURES as exc:
            raise SpeechUnavailable(f"deepgram: {type(exc).__name__} while closing the stream") from exc
        return words(" ".join(self._finals))

    async def close(self) -> None:
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError, SpeechUnavailable):
            await self._reader

    async def _read(self) -> None:
        try:
            while True:
                message = await self._socket.recv()
                if isinstance(message, ListenV1Results):
                    self._take(message)
                elif isinstance(message, ListenV1Metadata):
                    return  # the last message of a closed stream
                elif isinstance(message, ListenV1Error):
                    raise SpeechUnavailable(f"deepgram: {error_text(message)}")
                # SpeechStarted, UtteranceEnd and message types newer than this code change nothing here
        except ConnectionClosedOK:
            return
        except _FAILURES as exc:
            raise SpeechUnavailable(f"deepgram: {_described(exc)}") from exc

    def _take(self, message: ListenV1Results) -> None:
        result = result_of(message)
        if result.is_final:
            self._finals.append(result.transcript)
            self._interim = ""
        else:
            self._interim = result.transcript
        if result.speech_final:
            self.speech_final.set()


def _described(exc: BaseException) -> str:
    """One line about a failure, without anything the server echoed back at length."""
    if isinstance(exc, ApiError):
        return f"the server refused the connection (HTTP {exc.status_code})"
    if isinstance(exc, WebSocketException):
        return f"{type(exc).__name__}: {str(exc)[:200]}"
    if isinstance(exc, json.JSONDecodeError):
        return "a message that is not JSON"
    return f"{type(exc).__name__}: {str(exc)[:200]}"


@contextlib.asynccontextmanager
async def open_stream(
    client: AsyncDeepgramClient, settings: DeepgramSettings, sample_rate: int, keyterms: tuple[str, ...]
) -> AsyncIterator[DeepgramStream]:
    """A live session for PCM16 mono at `sample_rate`, listening for `keyterms`; closed on the way out."""
    nova3 = settings.model.startswith("nova-3")
    connecting = asyncio.timeout(settings.deadline_seconds)  # the handshake; the stream itself runs unbounded
    try:
        async with (
            connecting,
            client.listen.v1.connect(
                model=settings.model,
                language=settings.language,
                encoding="linear16",
                sample_rate=str(sample_rate),
                channels="1",
                interim_results="true" if settings.interim_results else "false",
                endpointing=str(settings.endpointing_ms),
                keyterm=list(keyterms) if nova3 and keyterms else None,
                keywords=list(keyterms) if not nova3 and keyterms else None,
            ) as socket,
        ):
            connecting.reschedule(None)
            stream = DeepgramStream(socket, settings.deadline_seconds)
            try:
                yield stream
            finally:
                await stream.close()
    except TimeoutError as exc:  # an OSError too: first
        raise SpeechUnavailable(f"deepgram: no connection within {settings.deadline_seconds} s") from exc
    except _FAILURES as exc:
        raise SpeechUnavailable(f"deepgram: {_described(exc)}") from exc
