"""A local server speaking OpenAI's POST /v1/audio/transcriptions on 127.0.0.1, for the real openai SDK to talk to.

By default it transcribes like a self-hosted faster-whisper server: the uploaded WAV file is decoded, with the
request's prompt, by the packaged tiny.en model (tests/whisper_model.py), and the text is sent back as Whisper
writes it ("Cancel my appointment."). Scripted answers come first, one per request: a delay before answering, a
status (500, 429, 401), or a malformed body. Every request is recorded (model, prompt, language, bearer token).
"""

from __future__ import annotations

import asyncio
import io
import json
import threading
import wave
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from aiohttp import web
from faster_whisper import WhisperModel

from slotline.infrastructure.common.turn_audio import whisper_samples
from slotline.infrastructure.faster_whisper_stt.models import shared_model
from tests.whisper_model import tiny_en


@dataclass(frozen=True, slots=True)
class Scripted:
    """One canned answer: wait `delay` seconds, then answer `status` with `body` (None: transcribe the audio)."""

    delay: float = 0.0
    status: int = 200
    body: str | None = None
    content_type: str = "application/json"


@dataclass(frozen=True, slots=True)
class Request:
    model: str
    prompt: str | None
    language: str | None
    authorization: str | None
    sample_rate: int


@dataclass
class FakeTranscriptionServer:
    url: str = ""
    requests: list[Request] = field(default_factory=list)
    script: deque[Scripted] = field(default_factory=deque)

    def answer(self, *answers: Scripted) -> None:
        self.script.extend(answers)


async def _transcribe(server: FakeTranscriptionServer, model: WhisperModel, request: web.Request) -> web.Response:
    form = await request.post()
    upload = form["file"]
    assert isinstance(upload, web.FileField)
    with wave.open(io.BytesIO(upload.file.read()), "rb") as wav:
        rate, pcm = wav.getframerate(), wav.readframes(wav.getnframes())
    prompt, language = form.get("prompt"), form.get("language")
    server.requests.append(
        Request(
            str(form["model"]),
            None if prompt is None else str(prompt),
            None if language is None else str(language),
            request.headers.get("Authorization"),
            rate,
        )
    )
    scripted = server.script.popleft() if server.script else Scripted()
    if scripted.delay:
        await asyncio.sleep(scripted.delay)
    if scripted.body is not None or scripted.status != 200:
        body = scripted.body if scripted.body is not None else json.dumps({"error": {"message": "scripted failure"}})
        return web.Response(status=scripted.status, text=body, content_type=scripted.content_type)
    text = await asyncio.to_thread(_written, model, pcm, rate, None if prompt is None else str(prompt))
    return web.json_response({"text": text})


def _written(model: WhisperModel, pcm: bytes, rate: int, prompt: str | None) -> str:
    segments, _ = model.transcribe(
        whisper_samples(pcm, rate), language="en", beam_size=1, temperature=0.0, initial_prompt=prompt,
        condition_on_previous_text=False, without_timestamps=True,
    )  # fmt: skip
    return "".join(segment.text for segment in segments).strip()


@contextmanager
def fake_transcription_server() -> Iterator[FakeTranscriptionServer]:
    """The server on its own event loop in a thread, at http://127.0.0.1:<port>/v1, until the block ends."""
    server = FakeTranscriptionServer()
    model = shared_model(tiny_en())
    loop = asyncio.new_event_loop()
    started = threading.Event()
    runner: web.AppRunner | None = None

    async def start() -> None:
        nonlocal runner
        app = web.Application()

        async def handle(request: web.Request) -> web.Response:
            return await _transcribe(server, model, request)

        app.router.add_post("/v1/audio/transcriptions", handle)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]  # aiohttp has no public getter
        server.url = f"http://127.0.0.1:{port}/v1"
        started.set()

    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(start(), loop).result(timeout=10)
    started.wait(10)
    try:
        yield server
    finally:
        if runner is not None:
            asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()
