"""A local stand-in for Deepgram's live recogniser (`wss://api.deepgram.com/v1/listen`), on 127.0.0.1.

It speaks the real wire protocol, so the real deepgram-sdk talks to it unchanged: the query parameters of a live
request (model, encoding, sample_rate, channels, interim_results, endpointing, keyterm/keywords), the
`Authorization: Token <key>` header, binary audio messages, the `KeepAlive`, `Finalize` and `CloseStream` control
messages, and `Results` / `Metadata` / `Error` JSON messages back, then a 1000 close.

What it "hears": the text carried by marked speech (slotline's MarkedTextToSpeech writes text into PCM16 samples),
lower case, as Deepgram writes words without `punctuate`; or a canned transcript. Silence is "". With
`endpointing`, a segment followed by that much silence gets a final result with `speech_final: true`; with
`interim_results=true`, each audio message gets an interim result of the segment so far.

Misbehaviour for tests, set on `behaviour`: slow finals, non-JSON, a Results message without its channel, an Error
frame, a close with an error code, a refused handshake.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import sys
import time
import uuid
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, urlsplit

import numpy as np
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from slotline.infrastructure.marked_speech.codec import _BASE, _STEP

__all__ = ["Behaviour", "FakeDeepgram", "Received"]

ENCODINGS = frozenset({"linear16", "linear32", "flac", "alaw", "mulaw", "amr-nb", "amr-wb", "opus", "speex", "g729"})
_LOUD = 64
"""A PCM16 sample louder than this is speech to the fake's endpointing."""


@dataclass
class Behaviour:
    canned: str | None = None
    """Every final result of audio that is not silent says this (None: read the marked speech)."""
    delay_s: float = 0.0
    """Wait this long before each final result (a slow recogniser)."""
    malformed: bool = False
    """Answer audio with a text message that is not JSON."""
    no_channel: bool = False
    """Answer audio with a Results message that lacks `channel`."""
    error_frame: str | None = None
    """Answer audio with an Error message saying this, then close 1011."""
    close_with: tuple[int, str] | None = None
    """Close the connection with this code and reason when audio arrives."""
    refuse: int | None = None
    """Refuse the websocket handshake with this HTTP status."""


@dataclass
class Received:
    """One connection as the server saw it (filled in as its messages arrive)."""

    query: dict[str, list[str]]
    authorization: str | None
    audio_bytes: int = 0
    controls: list[str] = field(default_factory=list)
    first_audio_at: float | None = None
    """time.monotonic() when the first audio message came (to tell audio streamed while spoken from a whole turn)."""
    close_stream_at: float | None = None


class _Segment:
    """The audio since the last final result, heard as it arrives (one pass over each sample, never over all again)."""

    def __init__(self) -> None:
        self.samples = 0
        self.speech = False
        self.quiet_run = 0
        """Samples of quiet at the end, after speech."""
        self._data = bytearray()
        self._gap = False

    def add(self, pcm: bytes) -> None:
        samples = np.frombuffer(pcm[: len(pcm) - len(pcm) % 2], dtype="<i2").astype(np.int32)
        if not len(samples):
            return
        self.samples += len(samples)
        loud = np.flatnonzero(np.abs(samples) > _LOUD)
        if len(loud):
            self.speech, self.quiet_run = True, len(samples) - 1 - int(loud[-1])
        elif self.speech:
            self.quiet_run += len(samples)
        # as decode_marks reads marked speech: data samples in order, a space where non-data samples came between
        data = (samples >= _BASE) & (samples <= _BASE + 255 * _STEP) & ((samples - _BASE) % _STEP == 0)
        after_gap = np.concatenate(([self._gap], ~data[:-1]))
        for i in np.flatnonzero(data):
            if after_gap[i] and self._data:
                self._data += b" "
            self._data.append(int(samples[i] - _BASE) // _STEP)
        self._gap = not bool(data[-1])

    def marks(self) -> str:
        return " ".join(self._data.decode(errors="ignore").lower().split())


@dataclass
class _Session:
    rate: int
    linear16: bool
    interim: bool
    endpointing_ms: int | None
    segment: _Segment = field(default_factory=_Segment)
    start_s: float = 0.0
    sent_s: float = 0.0


class FakeDeepgram:
    """`async with FakeDeepgram(api_key) as fake:` then point the SDK at `fake.url`."""

    def __init__(self, api_key: str = "test-key") -> None:
        self.api_key = api_key
        self.behaviour = Behaviour()
        self.received: list[Received] = []
        self._server: Server | None = None
        self._request_id = 0
        self._handlers: set[asyncio.Task[None]] = set()

    @property
    def url(self) -> str:
        assert self._server is not None
        port = self._server.sockets[0].getsockname()[1]
        return f"ws://127.0.0.1:{port}"

    async def __aenter__(self) -> FakeDeepgram:
        self._server = await serve(self._serve, "127.0.0.1", 0, process_request=self._handshake)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        for handler in self._handlers:  # a slow answer still sleeping is cut short
            handler.cancel()
        self._server.close()
        await self._server.wait_closed()

    def _handshake(self, connection: ServerConnection, request: Request) -> Response | None:
        """Check the request as Deepgram does before upgrading: path, key, parameters."""
        if self.behaviour.refuse is not None:
            return connection.respond(HTTPStatus(self.behaviour.refuse), "refused by the test\n")
        parts = urlsplit(request.path)
        if parts.path != "/v1/listen":
            return connection.respond(HTTPStatus.NOT_FOUND, "no such endpoint\n")
        if request.headers.get("Authorization") != f"Token {self.api_key}":
            return connection.respond(HTTPStatus.UNAUTHORIZED, "Invalid credentials.\n")
        query = parse_qs(parts.query)
        problem = _bad_query(query)
        if problem is not None:
            return connection.respond(HTTPStatus.BAD_REQUEST, problem + "\n")
        return None

    async def _serve(self, connection: ServerConnection) -> None:
        assert connection.request is not None
        query = parse_qs(urlsplit(connection.request.path).query)
        endpointing = query.get("endpointing", ["10"])[0]
        session = _Session(
            rate=int(query.get("sample_rate", ["16000"])[0]),
            linear16=query.get("encoding", ["linear16"])[0] == "linear16",
            interim=query.get("interim_results", ["false"])[0] == "true",
            endpointing_ms=None if endpointing == "false" else int(endpointing),
        )
        seen = Received(query, connection.request.headers.get("Authorization"))
        self.received.append(seen)
        handler = asyncio.current_task()
        assert handler is not None
        self._handlers.add(handler)
        try:
            async for message in connection:
                if isinstance(message, bytes):
                    seen.audio_bytes += len(message)
                    if seen.first_audio_at is None:
                        seen.first_audio_at = time.monotonic()
                    if await self._misbehave(connection):
                        return
                    await self._audio(connection, session, message)
                    continue
                kind = _control(message)
                seen.controls.append(kind)
                if kind == "Finalize":
                    await self._final(connection, session, speech_final=False, from_finalize=True)
                elif kind == "CloseStream":
                    seen.close_stream_at = time.monotonic()
                    await self._final(connection, session, speech_final=False)
                    await connection.send(json.dumps(self._metadata(session)))
                    await connection.close(1000)
                    return
                elif kind not in ("KeepAlive",):
                    await connection.send(json.dumps(_error("SchemaError", "unknown message", message)))
        except ConnectionClosed:
            pass
        finally:
            self._handlers.discard(handler)

    async def _misbehave(self, connection: ServerConnection) -> bool:
        b = self.behaviour
        if b.malformed:
            await connection.send('{"type": "Results", "channel": ')
            return False
        if b.no_channel:
            await connection.send(json.dumps({"type": "Results", "is_final": True, "speech_final": True}))
            return False
        if b.error_frame is not None:
            await connection.send(json.dumps(_error("ServerError", b.error_frame, None)))
            await connection.close(1011, "NET-0000")
            return True
        if b.close_with is not None:
            await connection.close(*b.close_with)
            return True
        return False

    async def _audio(self, connection: ServerConnection, session: _Session, pcm: bytes) -> None:
        session.segment.add(pcm)
        session.sent_s += len(pcm) / (2 * session.rate)
        segment, endpointing = session.segment, session.endpointing_ms
        if endpointing is not None and segment.speech and segment.quiet_run >= session.rate * endpointing // 1000:
            await self._final(connection, session, speech_final=True)
        elif session.interim and segment.speech:
            await connection.send(json.dumps(self._results(session, final=False, speech_final=False)))

    async def _final(
        self, connection: ServerConnection, session: _Session, *, speech_final: bool, from_finalize: bool = False
    ) -> None:
        if not session.segment.samples:
            return
        await asyncio.sleep(self.behaviour.delay_s)
        results = self._results(session, final=True, speech_final=speech_final)
        if from_finalize:
            results["from_finalize"] = True
        await connection.send(json.dumps(results))
        session.start_s = session.sent_s
        session.segment = _Segment()

    def _heard(self, session: _Session) -> str:
        if not session.segment.speech:
            return ""
        if self.behaviour.canned is not None:
            return self.behaviour.canned
        return session.segment.marks() if session.linear16 else ""

    def _results(self, session: _Session, *, final: bool, speech_final: bool) -> dict[str, Any]:
        transcript = self._heard(session)
        duration = session.sent_s - session.start_s
        step = duration / max(1, len(transcript.split()))
        words = [
            {
                "word": w,
                "start": session.start_s + i * step,
                "end": session.start_s + (i + 1) * step,
                "confidence": 0.99,
            }
            for i, w in enumerate(transcript.split())
        ]
        return {
            "type": "Results",
            "channel_index": [0, 1],
            "duration": round(duration, 3),
            "start": round(session.start_s, 3),
            "is_final": final,
            "speech_final": speech_final,
            "channel": {
                "alternatives": [{"transcript": transcript, "confidence": 0.99 if words else 0.0, "words": words}]
            },
            "metadata": {
                "request_id": str(uuid.UUID(int=self._request_id)),
                "model_info": {"name": "general-nova-3", "version": "2024-12-20.0", "arch": "nova-3"},
                "model_uuid": str(uuid.UUID(int=7)),
            },
            "from_finalize": False,
        }

    def _metadata(self, session: _Session) -> dict[str, Any]:
        self._request_id += 1
        model = str(uuid.UUID(int=7))
        return {
            "type": "Metadata",
            "transaction_key": "deprecated",
            "request_id": str(uuid.UUID(int=self._request_id)),
            "sha256": hashlib.sha256(str(self._request_id).encode()).hexdigest(),
            "created": "2026-12-05T09:00:00.000Z",
            "duration": round(session.sent_s, 3),
            "channels": 1,
            "models": [model],
            "model_info": {model: {"name": "general-nova-3", "version": "2024-12-20.0", "arch": "nova-3"}},
        }


def _bad_query(query: dict[str, list[str]]) -> str | None:
    if not query.get("model"):
        return "model is required"
    encoding = query.get("encoding", [None])[0]
    if encoding is not None and encoding not in ENCODINGS:
        return f"unsupported encoding {encoding}"
    rate = query.get("sample_rate", [None])[0]
    if encoding is not None and (rate is None or not rate.isdigit() or not 2000 <= int(rate) <= 192000):
        return "sample_rate is required with encoding"
    endpointing = query.get("endpointing", ["10"])[0]
    if endpointing != "false" and not endpointing.isdigit():
        return "endpointing must be a number of milliseconds or false"
    return None


def _control(message: str) -> str:
    with contextlib.suppress(ValueError):
        parsed = json.loads(message)
        if isinstance(parsed, dict) and isinstance(parsed.get("type"), str):
            return str(parsed["type"])
    return "?"


def _error(variant: str, description: str, message: str | None) -> dict[str, Any]:
    return {"type": "Error", "variant": variant, "description": description, "message": message}


async def _serve_until_stdin_closes(api_key: str, delay_s: float) -> None:
    async with FakeDeepgram(api_key) as fake:
        fake.behaviour = Behaviour(delay_s=delay_s)
        print(fake.url, flush=True)
        await asyncio.to_thread(sys.stdin.read)


def main() -> None:
    """`python -m tests.integration.fake_deepgram --api-key K`: serve on 127.0.0.1, print the URL, stop at EOF."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--api-key", default="test-key")
    parser.add_argument("--delay-ms", type=float, default=0.0, help="wait before each final result")
    args = parser.parse_args()
    asyncio.run(_serve_until_stdin_closes(args.api_key, args.delay_ms / 1000))


if __name__ == "__main__":
    main()
