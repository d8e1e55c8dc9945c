"""Scale-out benchmark: whole booking calls per second with N `slotline serve` processes on one loopback connector.

Run: python -m benchmarks.workers [--workers 1 2 4] [--calls 100] [--at-once 20] [--runs 3]

Each row starts N worker processes (marked speech, PostgreSQL storage on a fresh database of the test server:
SLOTLINE_TEST_POSTGRES_DSN, default 127.0.0.1:5432, dropped afterwards; telephony.max_concurrent_calls =
ceil(at-once / N)), then places `--calls` scripted booking calls through the loopback server in this process,
`--at-once` on the line at a time, two callers racing for each slot (tests/e2e/test_many_workers.py's callers).
Calls/s = calls / (last call ended - first call placed); call seconds = placed to ended, per call. Marked speech
makes recognition and synthesis free, so what is left is the conversation's real-time pacing (turn-end silence,
playout), the dialogue, the storage and the telephony: the numbers are an upper bound for voice calls, whose cost
is recognition (docs/performance.md#voice-capacity).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from slotline.infrastructure.postgres.adapters import PostgresDatabase
from slotline.infrastructure.telcoflow.loopback import LoopbackCall, LoopbackTelcoflowServer
from tests.e2e.booking_callers import CallResult, book_by_phone
from tests.e2e.phone import NOW
from tests.e2e.test_many_workers import place_calls, postgres_environment, requests
from tests.e2e.workers import API_KEY, CONNECTOR, running, start_worker, until_connected, worker_environment
from tests.postgres_helpers import create_database, drop_database, emptied, settings


async def _run(
    folder: Path, dsn: str, workers: int, calls: int, at_once: int
) -> tuple[float, list[float], Counter[str]]:
    emptied(dsn).close()
    durations: list[float] = []

    async def timed(call: LoopbackCall, line: str) -> CallResult:
        began = time.monotonic()
        result = await book_by_phone(call, line, timeout=120)
        durations.append(time.monotonic() - began)
        return result

    async with LoopbackTelcoflowServer(api_key=API_KEY, connector_uuid=CONNECTOR, record=True) as server:
        environment = worker_environment(
            server.base_url,
            **postgres_environment(dsn),
            TELEPHONY__MAX_CONCURRENT_CALLS=str(math.ceil(at_once / workers)),
        )
        started = await asyncio.gather(
            *(start_worker(f"w{n}", folder, environment, "--now", NOW) for n in range(workers))
        )
        async with running(list(started)):
            await until_connected(list(started))
            names = {worker.connection(): worker.name for worker in started}
            began = time.monotonic()
            results = await place_calls(server, requests(calls), at_once, timed)
            seconds = time.monotonic() - began
    failed = [r.said for r in results if r.booked is None]
    if failed:
        raise SystemExit(f"{len(failed)} calls did not book; first: {failed[0]!r}")
    return calls / seconds, durations, Counter(names.get(r.call.session_manager_id, "?") for r in results)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--calls", type=int, default=100, help="at most 104 (52 slots, two callers each)")
    parser.add_argument("--at-once", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{args.calls} booking calls, {args.at_once} at once; {args.runs} runs per row")
    print("| workers | calls/s (median) | min-max over runs | call seconds p50 / p99 | calls per worker (median run) |")
    print("|---|---|---|---|---|")
    name, dsn = create_database("slotline_bench")
    try:
        PostgresDatabase(settings(dsn)).migrate()
        with tempfile.TemporaryDirectory() as folder:
            for workers in args.workers:
                runs = [
                    asyncio.run(_run(Path(folder), dsn, workers, args.calls, args.at_once)) for _ in range(args.runs)
                ]
                rates = [rate for rate, _, _ in runs]
                median = statistics.median(rates)
                _, durations, spread = min(runs, key=lambda run: abs(run[0] - median))
                shares = ", ".join(str(count) for _, count in sorted(spread.items()))
                print(
                    f"| {workers} | {median:.2f} | {min(rates):.2f}-{max(rates):.2f} "
                    f"| {_pct(durations, 0.5):.2f} / {_pct(durations, 0.99):.2f} | {shares} |",
                    flush=True,
                )
    finally:
        drop_database(name)


if __name__ == "__main__":
    main()
