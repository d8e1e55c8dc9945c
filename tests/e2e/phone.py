"""Helpers for whole phone calls: the agent served in-process, callers played by the loopback server."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dependency_injector import providers
from pydantic import SecretStr

from slotline.application.phone_call import Transcript
from slotline.entrypoints.container import Container, build_container
from slotline.entrypoints.serving import CallServer, ServeStats, call_server
from slotline.entrypoints.settings import load_settings
from slotline.infrastructure.marked_speech import decode_marks, encode_marks
from slotline.infrastructure.telcoflow.loopback import LoopbackCall, LoopbackTelcoflowServer
from slotline.infrastructure.telcoflow.settings import TelcoflowSettings

NOW = "2026-11-25T09:00:00-05:00"
MARKED = {"stt": "marked", "tts": "marked", "turns": "energy", "end_of_turn_ms": 300, "reply_timeout_seconds": 3.0}
OFFLINE = {
    "stt": "pocketsphinx",
    "tts": "espeak",
    "turns": "silero",
    "end_of_turn_ms": 400,
    "reply_timeout_seconds": 2.0,
    "rate_wpm": 260,  # the agent talks fast so real-time calls stay short in CI
}
CALLER = "+12125550123"


def say(text: str, rate: int) -> bytes:
    """A caller line as marked speech (the agent's stand-in recogniser reads it exactly)."""
    return encode_marks(text, rate)


def heard(call: LoopbackCall) -> str:
    """Everything the agent said on the line so far, as text."""
    return decode_marks(call.agent_audio)


async def until_agent_says(call: LoopbackCall, words: str, timeout: float = 10.0) -> str:
    deadline = time.monotonic() + timeout
    while words not in heard(call):
        if time.monotonic() > deadline:
            raise AssertionError(f"agent never said {words!r}; it said: {heard(call)!r}")
        await asyncio.sleep(0.02)
    return heard(call)


async def turn(call: LoopbackCall, line: str, expect: str, timeout: float = 10.0) -> str:
    call.feed(say(line, call.sample_rate))
    return await until_agent_says(call, expect, timeout)


@dataclass
class Agent:
    container: Container
    service: CallServer
    task: asyncio.Task[ServeStats]

    async def stop(self) -> ServeStats:
        self.service.request_stop()
        return await asyncio.wait_for(self.task, timeout=30)


@asynccontextmanager
async def agent_on(
    server: LoopbackTelcoflowServer,
    db: Path,
    *,
    max_calls: int | None = None,
    grace: float = 4.0,
    offline_speech: bool = False,
    transcript: Transcript | None = None,
    ring_seconds: int = 1,
    caller_backlog_frames: int = 500,
    max_concurrent_calls: int = 20,
    otlp_endpoint: str | None = None,
    speech: dict[str, object] | None = None,
) -> AsyncIterator[Agent]:
    """The agent serving `server`; marked speech by default, the real offline engines with `offline_speech`."""
    settings = load_settings({"db": db, "now": datetime.fromisoformat(NOW)})
    settings = settings.model_copy(
        update={
            "telcoflow": TelcoflowSettings(
                base_url=server.base_url,
                api_key=SecretStr("loopback-test-key"),
                connector_uuid=SecretStr("00000000-0000-4000-8000-000000000001"),
                caller_backlog_frames=caller_backlog_frames,
            ),
            "telephony": settings.telephony.model_copy(
                update={
                    "grace_seconds": grace,
                    "ring_seconds": ring_seconds,
                    "max_concurrent_calls": max_concurrent_calls,
                }
            ),
            "speech": settings.speech.model_copy(update=(OFFLINE if offline_speech else MARKED) | (speech or {})),
            "metrics": settings.metrics.model_copy(update={"port": 0}),  # any free port
            "tracing": settings.tracing.model_copy(update={"otlp_endpoint": otlp_endpoint}),
        }
    )
    container = build_container(settings)
    if transcript is not None:
        container.transcript.override(providers.Object(transcript))
    service = call_server(container, max_calls=max_calls)
    task = asyncio.create_task(service.run())
    agent = Agent(container, service, task)
    try:
        await server.wait_for_session_manager(timeout=10)
        yield agent
    finally:
        if not task.done():
            service.request_stop()
        await asyncio.wait_for(task, timeout=30)
