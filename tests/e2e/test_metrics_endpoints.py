"""`serve`'s metrics and health over real HTTP on 127.0.0.1, after a real booking call through the loopback server."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from slotline.infrastructure.telcoflow.loopback import LoopbackTelcoflowServer
from tests.e2e.phone import CALLER, agent_on, turn, until_agent_says


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a scrape by (name, sorted labels)."""
    found: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


async def get(session: aiohttp.ClientSession, url: str) -> tuple[int, str]:
    async with session.get(url) as response:
        return response.status, await response.text()


async def until_status(session: aiohttp.ClientSession, url: str, status: int, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    while True:
        got, body = await get(session, url)
        if got == status:
            return body
        if time.monotonic() > deadline:
            raise AssertionError(f"{url} answered {got} {body!r}, never {status}")
        await asyncio.sleep(0.1)


async def test_a_booking_call_shows_in_the_metrics_and_readiness_follows_the_platform(tmp_path: Path) -> None:
    server = LoopbackTelcoflowServer()
    await server.start()
    try:
        async with agent_on(server, tmp_path / "slotline.db") as agent, aiohttp.ClientSession() as http:
            assert agent.service.endpoints is not None
            base = f"http://127.0.0.1:{agent.service.endpoints.port}"
            assert await get(http, f"{base}/healthz") == (200, "ok\n")
            assert await until_status(http, f"{base}/readyz", 200) == "ready\n"

            call = await server.place_call(caller=CALLER)
            await until_agent_says(call, "What can I do for you?")
            await turn(call, "i would like a haircut next tuesday afternoon with sam", "Which would you like?")
            await turn(call, "the second one", "Shall I book it?")
            await turn(call, "yes", "Is there anything else I can help you with?")
            await turn(call, "no thanks", "Goodbye!")
            assert await call.wait_ended(timeout=10) == "disconnect"
            deadline = time.monotonic() + 10
            while (scraped := samples((await get(http, f"{base}/metrics"))[1]))[
                ("slotline_calls_total", (("outcome", "booked"),))
            ] != 1:
                assert time.monotonic() < deadline, "the call never counted as booked"
                await asyncio.sleep(0.05)

            assert scraped[("slotline_calls_active", ())] == 0
            assert scraped[("slotline_calls_total", (("outcome", "transferred"),))] == 0
            for stage in ("recognised", "decided", "first_audio", "voice_to_voice"):
                assert scraped[("slotline_turn_stage_seconds_count", (("stage", stage),))] == 4, (
                    stage
                )  # every caller turn
            assert scraped[("slotline_recognition_rejections_total", (("kind", "not_understood"),))] == 0
            assert scraped[("slotline_backend_call_duration_seconds_count", (("backend", "calendar"),))] > 0
            assert scraped[("slotline_backend_call_duration_seconds_count", (("backend", "storage"),))] > 0
            assert scraped[("slotline_backend_errors_total", (("backend", "calendar"),))] == 0
            assert scraped[("slotline_backend_call_duration_seconds_count", (("backend", "sms"),))] == 1
            assert scraped[("slotline_outbox_pending_messages", ())] == 0  # the confirmation went out at once
            assert scraped[("slotline_outbox_dead_messages", ())] == 0

            assert await server.drop_session_manager() == 1  # the SDK reconnects on its own
            deadline = time.monotonic() + 15
            while samples((await get(http, f"{base}/metrics"))[1])[("slotline_telephony_reconnects_total", ())] < 1:
                assert time.monotonic() < deadline, "the reconnect was never counted"
                await asyncio.sleep(0.1)
            assert await until_status(http, f"{base}/readyz", 200) == "ready\n"

            await server.stop()  # the platform is gone: not ready, yet still alive
            assert await until_status(http, f"{base}/readyz", 503) == (
                "not ready: not connected to the telephony platform\n"
            )
            assert await get(http, f"{base}/healthz") == (200, "ok\n")
    finally:
        await server.stop()
