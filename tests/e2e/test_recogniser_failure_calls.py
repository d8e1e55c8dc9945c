"""A recogniser that fails mid-call, on a whole phone call: the caller hears an apology and is put through to a person.

Over the loopback Telcoflow server with the real container. By configuration: speech.stt "openai" pointed at a
transcription server that is not there, without the local fallback. And a recogniser that fails after the first
turns, at the read-back of a held slot: the hold is released, the call transferred, its record says why.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from slotline.application.errors import RecogniserUnavailable
from slotline.domain.dialogue.actions import TransferReason
from slotline.domain.dialogue.expectation import Expectation, Expecting
from slotline.domain.dialogue.prompts import NOT_HEARD
from slotline.infrastructure.marked_speech import MarkedSpeechToText
from slotline.infrastructure.openai_stt import OpenAITranscriptionSettings
from slotline.infrastructure.prometheus.call_metrics import PrometheusCallMetrics
from slotline.infrastructure.telcoflow.loopback import LoopbackTelcoflowServer
from tests.e2e.phone import CALLER, agent_on, heard, turn, until_agent_says


@pytest.fixture
async def server() -> AsyncIterator[LoopbackTelcoflowServer]:
    async with LoopbackTelcoflowServer() as running:
        yield running


class DownAtTheReadBack(MarkedSpeechToText):
    """Hears every turn until the agent reads a booking back; from that question on, it fails as one gone down does."""

    def __init__(self) -> None:
        self.down = False

    async def transcribe(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> str:
        self.down = self.down or (expecting is not None and expecting.kind is Expecting.YES_NO)
        if self.down:
            raise RecogniserUnavailable("transcription server: answered 503")
        return await super().transcribe(pcm, sample_rate, expecting)


async def test_a_transcription_server_that_is_not_there_is_an_apology_and_a_transfer(
    server: LoopbackTelcoflowServer, tmp_path: Path
) -> None:
    dead = OpenAITranscriptionSettings(base_url="http://127.0.0.1:9/v1", fallback=False, deadline_seconds=1.0)
    async with agent_on(
        server, tmp_path / "slotline.db", max_calls=1, speech={"stt": "openai", "openai": dead}
    ) as agent:
        call = await server.place_call(caller=CALLER)
        call.set_transfer(answer=True)
        await until_agent_says(call, "What can I do for you?")

        await turn(call, "i would like a haircut next tuesday", NOT_HEARD)

        assert await call.wait_ended(timeout=10) == "close"
        await agent.task
        record = await agent.container.call_records().get(call.call_id)
        metrics = agent.container.call_metrics()
    assert isinstance(metrics, PrometheusCallMetrics)  # serving's metrics (metrics.enabled)
    scrape = metrics.exposition().decode()
    assert "call.connect" in call.commands
    assert record.transfer_reason == TransferReason.NOT_HEARD.value
    assert 'slotline_recognition_rejections_total{kind="recogniser_failed"} 1.0' in scrape


async def test_a_recogniser_going_down_mid_call_releases_the_hold_and_hands_over(
    server: LoopbackTelcoflowServer, tmp_path: Path
) -> None:
    async with agent_on(server, tmp_path / "slotline.db", max_calls=1, stt=DownAtTheReadBack()) as agent:
        call = await server.place_call(caller=CALLER)
        call.set_transfer(answer=True)
        await until_agent_says(call, "What can I do for you?")
        await turn(call, "i would like a haircut next tuesday afternoon with sam", "Which would you like?")
        await turn(call, "the second one", "Shall I book it?")  # a hold is placed

        await turn(call, "yes", NOT_HEARD)

        assert await call.wait_ended(timeout=10) == "close"
        await agent.task
        record = await agent.container.call_records().get(call.call_id)
        holds = await asyncio.to_thread(_holds, tmp_path / "slotline.db")
    said = heard(call)
    assert said.rstrip().endswith(NOT_HEARD) and "You're booked" not in said
    assert record.transfer_reason == TransferReason.NOT_HEARD.value
    assert any(e.error and "503" in e.error for e in record.entries)
    assert holds == 0  # released, not left to expire


def _holds(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM holds").fetchone()[0])
