"""What counting a caller turn in the metrics costs: the turn's four stage timings and its backend calls.

Run: python -m benchmarks.metrics_cost [--turns N] [--backend-calls K]
Each turn does what a phone call does at its seams: a TurnTiming marked decided and first-audio (four histogram
observations) and K backend calls through `metered.Meter` (a histogram observation each) on an instant backend.
Timed once with PrometheusCallMetrics and once with NoCallMetrics; the difference is what the metrics cost a turn.
A scrape of the registry (what Prometheus does every 15-60 s) is timed too, and so is a run with OpenTelemetry
tracing on (a turn span and a span per backend call, kept by an in-memory exporter) for comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from slotline.application.listening import CallerSaid
from slotline.application.metered import Meter
from slotline.application.ports import Backend, CallMetrics, CallTracer, NoCallMetrics, NoCallTracer
from slotline.application.turn_timing import TurnTiming
from slotline.domain.call_record import CallResult
from slotline.infrastructure.opentelemetry_tracing import OpenTelemetryCallTracer
from slotline.infrastructure.prometheus import PrometheusCallMetrics

_BACKENDS = (Backend.CALENDAR, Backend.STORAGE, Backend.STORAGE, Backend.SMS)


async def _instant() -> int:
    return 1


async def _turns(metrics: CallMetrics, turns: int, backend_calls: int, tracer: CallTracer | None = None) -> list[float]:
    """Microseconds per turn."""
    tracer = tracer or NoCallTracer()
    meters = [Meter(metrics, backend, tracer) for backend in _BACKENDS]
    took: list[float] = []
    for n in range(turns):
        started = time.perf_counter()
        timing = TurnTiming(
            metrics, CallerSaid("yes", quick=True, paused_at=time.monotonic() - 0.4, heard_at=time.monotonic() - 0.1)
        )
        with tracer.span("turn", call_id="c1", quick=True) as span:
            for k in range(backend_calls):
                await meters[k % len(meters)]("read", _instant())
            timing.decided()
            timing.first_audio()
            span.set_attribute("slotline.turn.understood", True)
        if n % 8 == 0:
            metrics.call_started()
            metrics.call_ended(CallResult.BOOKED)
        took.append((time.perf_counter() - started) * 1e6)
    took.sort()
    return took


def _row(name: str, took: list[float]) -> str:
    def p(q: float) -> float:
        return took[min(len(took) - 1, int(q * len(took)))]

    return f"| {name} | {p(0.5):.1f} | {p(0.99):.1f} | {statistics.fmean(took):.1f} |"


async def _main(turns: int, backend_calls: int) -> None:
    prometheus = PrometheusCallMetrics()
    await _turns(prometheus, turns // 10, backend_calls)  # warm up
    await _turns(NoCallMetrics(), turns // 10, backend_calls)
    with_metrics = await _turns(prometheus, turns, backend_calls)
    without = await _turns(NoCallMetrics(), turns, backend_calls)
    spans = InMemorySpanExporter()
    tracer = OpenTelemetryCallTracer(spans)
    traced = await _turns(prometheus, turns, backend_calls, tracer)
    tracer.close()
    scrapes: list[float] = []
    for _ in range(200):
        started = time.perf_counter()
        prometheus.exposition()
        scrapes.append((time.perf_counter() - started) * 1e6)
    scrapes.sort()
    print(f"{turns} turns, {backend_calls} backend calls each (instant backends)")
    print("| per turn | p50 us | p99 us | mean us |")
    print("|---|---|---|---|")
    print(_row("Prometheus metrics", with_metrics))
    print(_row("no metrics", without))
    cost = [a - b for a, b in zip(with_metrics, without, strict=True)]
    print(_row("difference (quantile by quantile)", cost))
    print(_row("one scrape of the registry", scrapes))
    print(_row("Prometheus metrics and OpenTelemetry tracing", traced))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=20000)
    parser.add_argument("--backend-calls", type=int, default=4)
    args = parser.parse_args()
    asyncio.run(_main(args.turns, args.backend_calls))


if __name__ == "__main__":
    main()
