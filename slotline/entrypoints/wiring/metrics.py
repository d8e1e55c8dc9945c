"""Prometheus metrics for `slotline serve` and their HTTP server; prometheus_client and aiohttp are imported late."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from slotline.application.errors import BackendUnavailable
from slotline.application.ports import ReportsConnection, Telephony
from slotline.application.use_cases.count_outbox import CountOutbox
from slotline.entrypoints.wiring.extras import needs_extra

if TYPE_CHECKING:
    from slotline.infrastructure.prometheus import MetricsServer, PrometheusCallMetrics, ReadinessCheck

STORAGE_CHECK_SECONDS = 2.0
"""Longest /readyz waits for the storage to answer."""


def prometheus_metrics() -> PrometheusCallMetrics:
    with needs_extra("metrics.enabled", "metrics"):
        from slotline.infrastructure.prometheus import PrometheusCallMetrics
    return PrometheusCallMetrics()


def metrics_server(
    metrics: PrometheusCallMetrics, host: str, port: int, ready: ReadinessCheck, count: CountOutbox
) -> MetricsServer:
    from slotline.infrastructure.prometheus import MetricsServer

    return MetricsServer(metrics, host=host, port=port, ready=ready, before_scrape=count)


def readiness(telephony: Telephony, count: CountOutbox, stopping: asyncio.Event) -> ReadinessCheck:
    """Ready when taking calls: connected to the platform (as far as the adapter can tell) and the storage answers."""

    async def check() -> str | None:
        if stopping.is_set():
            return "shutting down"
        if isinstance(telephony, ReportsConnection) and not telephony.connected:
            return "not connected to the telephony platform"
        try:
            await asyncio.wait_for(count(), STORAGE_CHECK_SECONDS)
        except TimeoutError:
            return f"storage unavailable: no answer within {STORAGE_CHECK_SECONDS:g} s"
        except BackendUnavailable as exc:
            return str(exc)  # "storage unavailable: ..."
        return None

    return check
