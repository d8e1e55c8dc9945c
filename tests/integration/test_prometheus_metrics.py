"""PrometheusCallMetrics scraped from its own registry, and its HTTP server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import socket

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from slotline.application.errors import StorageUnavailable
from slotline.application.ports import Backend, RejectionKind, TurnStage
from slotline.application.use_cases.count_outbox import CountOutbox
from slotline.domain.call_record import CallResult
from slotline.entrypoints.wiring.metrics import readiness
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.prometheus import MetricsAddressUnusable, MetricsServer, PrometheusCallMetrics
from tests.factories import NOW


def scrape(metrics: PrometheusCallMetrics) -> dict[str, float]:
    """Every sample of the exposition text, keyed `name{label="value"}` as an operator would query it."""
    found: dict[str, float] = {}
    for family in text_string_to_metric_families(metrics.exposition().decode()):
        for s in family.samples:
            labels = ",".join(f'{k}="{v}"' for k, v in sorted(s.labels.items()))
            found[f"{s.name}{{{labels}}}" if labels else s.name] = s.value
    return found


def test_what_the_application_tells_it_is_what_a_scrape_reads() -> None:
    metrics = PrometheusCallMetrics()
    metrics.call_started()
    metrics.call_started()
    metrics.call_ended(CallResult.BOOKED)
    metrics.turn_stage(TurnStage.VOICE_TO_VOICE, 0.8)
    metrics.turn_stage(TurnStage.RECOGNISED, 0.35)
    metrics.recognition_rejected(RejectionKind.NO_WORDS)
    metrics.backend_called(Backend.CALENDAR, 0.02, failed=False)
    metrics.backend_called(Backend.CALENDAR, 2.0, failed=True)
    metrics.telephony_reconnected()
    metrics.outbox_counted(3, 1)

    got = scrape(metrics)

    assert got["slotline_calls_active"] == 1
    assert got['slotline_calls_total{outcome="booked"}'] == 1
    assert got['slotline_calls_total{outcome="failed"}'] == 0  # every outcome is there from the start
    assert {k for k in got if k.startswith("slotline_calls_total")} == {
        f'slotline_calls_total{{outcome="{label}"}}'
        for label in [
            "booked",
            "rescheduled",
            "cancelled",
            "transferred",
            "transfer_unanswered",
            "caller_hung_up",
            "failed",
            "ended",
        ]
    }
    assert got['slotline_turn_stage_seconds_count{stage="voice_to_voice"}'] == 1
    assert got['slotline_turn_stage_seconds_bucket{le="1.0",stage="voice_to_voice"}'] == 1
    assert got['slotline_turn_stage_seconds_bucket{le="0.75",stage="voice_to_voice"}'] == 0
    assert got['slotline_turn_stage_seconds_sum{stage="recognised"}'] == 0.35
    assert got['slotline_turn_stage_seconds_count{stage="decided"}'] == 0
    assert got['slotline_recognition_rejections_total{kind="no_words"}'] == 1
    assert got['slotline_recognition_rejections_total{kind="not_understood"}'] == 0
    assert got['slotline_backend_call_duration_seconds_count{backend="calendar"}'] == 2
    assert got['slotline_backend_errors_total{backend="calendar"}'] == 1
    assert got['slotline_backend_errors_total{backend="sms"}'] == 0
    assert got["slotline_telephony_reconnects_total"] == 1
    assert got["slotline_outbox_pending_messages"] == 3
    assert got["slotline_outbox_dead_messages"] == 1


def test_two_instances_keep_their_own_counts() -> None:
    first, second = PrometheusCallMetrics(), PrometheusCallMetrics()
    first.telephony_reconnected()
    assert scrape(first)["slotline_telephony_reconnects_total"] == 1
    assert scrape(second)["slotline_telephony_reconnects_total"] == 0


class _Outbox:
    def __init__(self, down: bool = False) -> None:
        self.down = down

    async def all(self, status: object = None) -> list[object]:
        if self.down:
            raise StorageUnavailable("db.internal:5432/slotline refused the connection")
        return []


class _Telephony:
    connected = True

    async def run(self, on_call: object) -> None:
        pass

    async def stop(self) -> None:
        pass


async def test_ready_only_while_connected_and_the_storage_answers() -> None:
    metrics = PrometheusCallMetrics()
    outbox, telephony, stopping = _Outbox(), _Telephony(), asyncio.Event()
    count = CountOutbox(outbox, metrics, FixedClock(NOW))  # type: ignore[arg-type]  # only `all` is used
    ready = readiness(telephony, count, stopping)
    server = MetricsServer(metrics, host="127.0.0.1", port=0, ready=ready, before_scrape=count)
    await server.start()
    url = f"http://127.0.0.1:{server.port}"

    async def readyz() -> tuple[int, str]:
        async with http.get(f"{url}/readyz") as response:
            return response.status, await response.text()

    try:
        async with aiohttp.ClientSession() as http:
            assert await readyz() == (200, "ready\n")
            outbox.down = True
            assert await readyz() == (
                503,
                "not ready: storage unavailable: db.internal:5432/slotline refused the connection\n",
            )
            async with http.get(f"{url}/metrics") as response:  # a scrape still answers; the gauges keep their values
                assert response.status == 200
                assert response.headers["Content-Type"].startswith("text/plain; version=")
            outbox.down = False
            telephony.connected = False
            assert await readyz() == (503, "not ready: not connected to the telephony platform\n")
            telephony.connected = True
            stopping.set()
            assert await readyz() == (503, "not ready: shutting down\n")
    finally:
        await server.stop()


async def test_an_address_in_use_is_one_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = MetricsServer(PrometheusCallMetrics(), host="127.0.0.1", port=port, ready=_always_ready)
        with pytest.raises(
            MetricsAddressUnusable, match=rf"^metrics server cannot listen on 127.0.0.1:{port}: address already in use$"
        ):
            await server.start()


async def _always_ready() -> str | None:
    return None
