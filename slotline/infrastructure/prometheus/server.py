"""The operators' HTTP endpoints of `slotline serve`: /metrics, /healthz and /readyz, on the serving event loop.

aiohttp rather than prometheus_client's own threaded server: /readyz and a scrape await the application's ports
(the storage, the telephony connection), which belong to the event loop that serves calls.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Awaitable, Callable

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from slotline.domain.errors import SlotlineError
from slotline.infrastructure.prometheus.call_metrics import PrometheusCallMetrics

__all__ = ["MetricsServer", "ReadinessCheck", "ScrapeHook"]

log = logging.getLogger(__name__)

ReadinessCheck = Callable[[], Awaitable[str | None]]
"""Why the process cannot take calls now (one line), or None when it can."""
ScrapeHook = Callable[[], Awaitable[object]]
"""Run before each scrape to refresh gauges read from outside (the outbox); a failure leaves them as they were."""


class MetricsServer:
    """Serves the metrics of one PrometheusCallMetrics and the health of the process on host:port."""

    def __init__(
        self,
        metrics: PrometheusCallMetrics,
        *,
        host: str,
        port: int,
        ready: ReadinessCheck,
        before_scrape: ScrapeHook | None = None,
    ) -> None:
        self._metrics = metrics
        self._host = host
        self._port = port
        self._ready = ready
        self._before_scrape = before_scrape
        self._runner: web.AppRunner | None = None
        self._bound: int | None = None

    @property
    def port(self) -> int:
        """The port it listens on (the one chosen when it was given 0)."""
        if self._bound is None:
            raise RuntimeError("the metrics server is not running")
        return self._bound

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/metrics", self._scrape)
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/readyz", self._readyz)
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, self._host, self._port)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            raise MetricsAddressUnusable(self._host, self._port, exc) from exc
        self._runner = runner
        server = site._server  # aiohttp exposes the bound port only here
        sockets = getattr(server, "sockets", None) or ()
        self._bound = int(sockets[0].getsockname()[1]) if sockets else self._port
        log.info("metrics and health on http://%s:%d/metrics", self._host, self._bound)

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
        self._bound = None

    async def _scrape(self, request: web.Request) -> web.Response:
        if self._before_scrape is not None:
            try:
                await self._before_scrape()
            except Exception as exc:  # the scrape still answers; the gauges keep their last values
                log.warning("refreshing metrics before a scrape failed: %s", exc)
        body = self._metrics.exposition()
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def _healthz(self, request: web.Request) -> web.Response:
        return web.Response(text="ok\n")

    async def _readyz(self, request: web.Request) -> web.Response:
        reason = await self._ready()
        if reason is None:
            return web.Response(text="ready\n")
        return web.Response(status=503, text=f"not ready: {reason}\n")


class MetricsAddressUnusable(SlotlineError):
    """The metrics server cannot listen on the configured address (in use, or not this machine's)."""

    def __init__(self, host: str, port: int, cause: OSError) -> None:
        why = os.strerror(cause.errno).lower() if cause.errno else str(cause)
        super().__init__(f"metrics server cannot listen on {host}:{port}: {why}")
        self.host = host
        self.port = port
