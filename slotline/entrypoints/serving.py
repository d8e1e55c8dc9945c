"""`slotline serve`: take calls until told to stop, then let live calls finish or hand them over, and exit."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from dependency_injector import providers

from slotline.application.call_retention import CallRecordRetention
from slotline.application.phone_call import PhoneCallHandler
from slotline.application.ports import LiveCall, Telephony
from slotline.entrypoints.container import Container
from slotline.entrypoints.logs import CALL_ID
from slotline.entrypoints.warming import WarmAdapters, conversation_adapters
from slotline.entrypoints.wiring.metrics import metrics_server, prometheus_metrics, readiness
from slotline.entrypoints.wiring.tracing import otlp_tracer
from slotline.infrastructure.outbox_runner import OutboxRunner

if TYPE_CHECKING:
    from slotline.infrastructure.prometheus import MetricsServer

log = logging.getLogger("slotline.serve")


@dataclass(slots=True)
class ServeStats:
    started: int = 0
    finished: int = 0
    handed_over_at_shutdown: int = 0
    cut_off: int = 0
    failed: int = 0
    outcomes: list[str] = field(default_factory=list)


class CallServer:
    """Runs the telephony adapter with the phone-call handler, the outbox runner alongside."""

    def __init__(
        self,
        telephony: Telephony,
        handler: PhoneCallHandler,
        outbox: OutboxRunner,
        *,
        max_calls: int | None,
        grace_seconds: float,
        warm: tuple[object, ...] = (),
        endpoints: MetricsServer | None = None,
        stop: asyncio.Event | None = None,
        closing: tuple[Callable[[], None], ...] = (),
        retention: CallRecordRetention | None = None,
    ) -> None:
        self._retention = retention
        self._warm = WarmAdapters(warm)
        self._endpoints = endpoints
        self._closing = closing
        self._telephony = telephony
        self._handler = handler
        self._outbox = outbox
        self._max_calls = max_calls
        self._grace = grace_seconds
        self._stop = stop or asyncio.Event()
        self._live: set[asyncio.Task[object]] = set()
        self._idle = asyncio.Event()
        self._idle.set()
        self._signalled = False
        self.stats = ServeStats()

    @property
    def endpoints(self) -> MetricsServer | None:
        """The metrics and health server, when metrics are on."""
        return self._endpoints

    def request_stop(self) -> None:
        """Stop taking calls and shut down within the grace period (what SIGINT and SIGTERM do)."""
        self._signalled = True
        self._stop.set()

    async def run(self) -> ServeStats:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, self.request_stop)
        try:
            if self._endpoints is not None:
                await self._endpoints.start()  # /healthz answers while the recognisers warm up; /readyz: not yet
            return await self._serve()
        finally:
            if self._endpoints is not None:
                await self._endpoints.stop()
            for close in self._closing:  # e.g. send the spans still buffered (blocking)
                await asyncio.to_thread(close)
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(signum)

    async def _serve(self) -> ServeStats:
        await self._warm.warm_up()
        outbox_stop = asyncio.Event()
        outbox = asyncio.create_task(self._outbox.run_until(outbox_stop))
        housekeeping = [outbox]
        if self._retention is not None:
            housekeeping.append(asyncio.create_task(self._retention.run_until(outbox_stop)))
        taking = asyncio.create_task(self._telephony.run(self._on_call))
        stop = asyncio.create_task(self._stop.wait())
        try:
            await asyncio.wait({taking, stop}, return_when=asyncio.FIRST_COMPLETED)
            log.info("stopping: no new calls; %d live", len(self._live))
            await self._telephony.stop()
            await taking
            await self._finish_live_calls()
        finally:
            stop.cancel()
            outbox_stop.set()
            await asyncio.gather(*housekeeping)
            await self._warm.aclose()
        return self.stats

    async def _on_call(self, call: LiveCall) -> None:
        CALL_ID.set(call.call_id)
        self.stats.started += 1
        if self._max_calls is not None and self.stats.started >= self._max_calls:
            self._stop.set()  # take no more calls; the ones taken run to their end
        task = asyncio.current_task()
        assert task is not None
        self._live.add(task)
        self._idle.clear()
        try:
            outcome = await self._handler(call)
            self.stats.outcomes.append(outcome.end.value if outcome.end else "caller hung up")
            log.info("call ended: %s; states %s", outcome, " -> ".join(s.value for s, _ in call.state_path))
        except Exception:
            self.stats.failed += 1
            log.exception("call failed")
        finally:
            self.stats.finished += 1
            self._live.discard(task)
            if not self._live:
                self._idle.set()

    async def _finish_live_calls(self) -> None:
        if not self._live:
            return
        if not self._signalled:
            await self._idle.wait()  # --max-calls: the calls taken run to their natural end
            return
        if await self._idle_within(self._grace / 2):
            return
        self.stats.handed_over_at_shutdown = len(self._live)
        log.warning("%d calls still live; handing them to a person", len(self._live))
        self._handler.draining.set()
        if await self._idle_within(self._grace / 2):
            return
        self.stats.cut_off = len(self._live)
        for task in list(self._live):
            task.cancel()
        await asyncio.gather(*self._live, return_exceptions=True)

    async def _idle_within(self, seconds: float) -> bool:
        try:
            await asyncio.wait_for(self._idle.wait(), timeout=seconds)
        except TimeoutError:
            return False
        return True


def call_server(container: Container, *, max_calls: int | None) -> CallServer:
    """The server `slotline serve` and `Slotline.serve` run, from the container's telephony, calls and outbox; with
    metrics.enabled, calls are counted in Prometheus metrics served with /healthz and /readyz; with
    tracing.otlp_endpoint, their turns and backend calls are traced there (docs/operations.md).

    Build it from a container whose call-handling providers have not been used yet: the metrics replace
    `call_metrics` before anything that counts in them is built."""
    stop = asyncio.Event()
    endpoints: MetricsServer | None = None
    closing: tuple[Callable[[], None], ...] = ()
    tracing = container.settings().tracing
    if tracing.otlp_endpoint is not None:
        tracer = otlp_tracer(tracing.otlp_endpoint, tracing.service_name)
        container.call_tracer.override(providers.Object(tracer))
        closing = (tracer.close,)
    settings = container.settings().metrics
    if settings.enabled:
        metrics = prometheus_metrics()
        container.call_metrics.override(providers.Object(metrics))
        ready = readiness(container.telephony(), container.count_outbox(), stop)
        endpoints = metrics_server(metrics, settings.host, settings.port, ready, container.count_outbox())
    retention: CallRecordRetention | None = None
    records = container.settings().records
    if records.enabled:
        keep = timedelta(days=records.retention_days)
        interval = records.purge_every_hours * 3600
        retention = CallRecordRetention(container.call_records(), container.clock(), keep, interval)
    return CallServer(
        container.telephony(),
        container.phone_calls(),
        container.outbox_runner(),
        max_calls=max_calls,
        grace_seconds=container.config.telephony.grace_seconds(),
        warm=(*conversation_adapters(container), container.stt()),  # the recogniser starts its workers
        endpoints=endpoints,
        stop=stop,
        closing=closing,
        retention=retention,
    )
