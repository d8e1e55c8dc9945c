"""A phone call while Microsoft Graph is unreachable: the caller is greeted at once and handed over promptly.

Bounds are generous for a loaded CI machine; before the fix the greeting took about 4 s and the hand-over
about 4 s after the request (the calendar's whole deadline each).
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from slotline.infrastructure.telcoflow.loopback import LoopbackTelcoflowServer
from tests.e2e.phone import CALLER, agent_on, heard, say, until_agent_says

GREETING_WITHIN = 2.0
HAND_OVER_WITHIN = 3.5
APOLOGY = "I can't reach our booking system right now."


@pytest.fixture
async def telco() -> AsyncIterator[LoopbackTelcoflowServer]:
    async with LoopbackTelcoflowServer() as server:
        yield server


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on, so connecting is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture
async def silent_port() -> AsyncIterator[int]:
    """A port on 127.0.0.1 that accepts connections and never answers."""
    held: list[asyncio.StreamWriter] = []

    async def never_answer(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)

    server = await asyncio.start_server(never_answer, "127.0.0.1", 0)
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        for writer in held:
            writer.close()
        server.close()


def graph_at(monkeypatch: pytest.MonkeyPatch, port: int) -> None:
    monkeypatch.setenv("SLOTLINE_CALENDAR__BACKEND", "graph")
    monkeypatch.setenv("SLOTLINE_CALENDAR__GRAPH__BASE_URL", f"http://127.0.0.1:{port}/v1.0")
    monkeypatch.setenv("SLOTLINE_CALENDAR__GRAPH__STATIC_TOKEN", "outage-test-token")


@pytest.fixture
def refusing(monkeypatch: pytest.MonkeyPatch) -> None:
    graph_at(monkeypatch, closed_port())


@pytest.fixture
def hanging(monkeypatch: pytest.MonkeyPatch, silent_port: int) -> None:
    graph_at(monkeypatch, silent_port)


async def greeting_and_hand_over(telco: LoopbackTelcoflowServer, db: Path) -> tuple[float, float, str]:
    """Seconds from answer to the first agent audio, from the request to the apology, and all the agent said."""
    async with agent_on(telco, db, max_calls=1):
        call = await telco.place_call(caller=CALLER)
        await call.wait_answered(timeout=10)
        answered = time.monotonic()
        await call.wait_agent_audio(1, timeout=10)
        greeting = time.monotonic() - answered
        await until_agent_says(call, "What can I do for you?")
        call.feed(say("a haircut on tuesday at two pm", call.sample_rate))
        asked = time.monotonic()
        await until_agent_says(call, APOLOGY, timeout=15)
        hand_over = time.monotonic() - asked
        await call.wait_ended(timeout=15)
    return greeting, hand_over, heard(call)


async def test_a_refusing_calendar_greets_at_once_and_hands_over_promptly(
    telco: LoopbackTelcoflowServer, refusing: None, tmp_path: Path
) -> None:
    greeting, hand_over, said = await greeting_and_hand_over(telco, tmp_path / "slotline.db")
    assert greeting < GREETING_WITHIN, said
    assert hand_over < HAND_OVER_WITHIN, said
    assert said.startswith("Thanks for calling Maple Street Clinic.")  # greeted as a new caller


async def test_a_silent_calendar_greets_at_once_says_one_moment_and_hands_over_promptly(
    telco: LoopbackTelcoflowServer, hanging: None, tmp_path: Path
) -> None:
    greeting, hand_over, said = await greeting_and_hand_over(telco, tmp_path / "slotline.db")
    assert greeting < GREETING_WITHIN, said
    assert hand_over < HAND_OVER_WITHIN, said
    request_to_apology = said[said.index("What can I do for you?") : said.index(APOLOGY)]
    assert "One moment" in request_to_apology
