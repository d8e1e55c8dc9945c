"""Storage benchmark: bookings per second and hold/book latency, SQLite against PostgreSQL, 1, 2 and 4 workers.

Run: python -m benchmarks.storage [--workers 1 2 4] [--bookers 8] [--bookings 25] [--runs 3]

Each worker is a process of its own, like a `slotline serve` worker, with `--bookers` concurrent callers; each
caller holds a slot, then books it with its hold and one confirmation text (the ledger's two writes of every
booking), `--bookings` times, each on a staff member of its own (no contention: the throughput of the store, not
of a hot slot). SQLite: one fresh file. PostgreSQL: a fresh database on the test server (SLOTLINE_TEST_POSTGRES_DSN,
default 127.0.0.1:5432), dropped afterwards. Bookings/s = all bookings / (last worker done - first worker started);
latencies are per call, over every call of the run; the table shows the median run and the spread over runs.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from pathlib import Path

from slotline.application.ports import SlotLedger
from slotline.application.ports.outbox import OutboxMessage
from slotline.domain.appointment import Appointment, AppointmentStatus
from slotline.domain.ids import AppointmentId, ServiceId, StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.sqlite import SqliteDatabase, SqliteSlotLedger

NOW = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
FIRST = NOW + timedelta(days=1)
PHONE = PhoneNumber("+12125550123")


@dataclass(frozen=True, slots=True)
class Job:
    backend: str
    target: str  # the SQLite path or the PostgreSQL DSN
    worker: int
    bookers: int
    bookings: int


@dataclass(frozen=True, slots=True)
class WorkerResult:
    started: float
    finished: float
    holds: list[float]
    books: list[float]


def _ledger(job: Job) -> SlotLedger:
    if job.backend == "sqlite":
        return SqliteSlotLedger(SqliteDatabase(job.target, busy_timeout=60), FixedClock(NOW))
    from slotline.infrastructure.postgres.adapters import PostgresDatabase, PostgresSettings, PostgresSlotLedger
    from tests.postgres_helpers import settings

    pool: PostgresSettings = settings(job.target, pool_min_size=job.bookers, pool_max_size=job.bookers)
    return PostgresSlotLedger(PostgresDatabase(pool), FixedClock(NOW))


async def _booker(ledger: SlotLedger, job: Job, booker: int, holds: list[float], books: list[float]) -> None:
    staff = StaffId(f"w{job.worker}-b{booker}")
    for k in range(job.bookings):
        start = FIRST + timedelta(minutes=40 * k)
        slot = Slot(TimeWindow.starting(start, timedelta(minutes=30)), staff, ServiceId("haircut"))
        occupied = TimeWindow.starting(start, timedelta(minutes=40))
        name = f"{staff}-{k}"
        began = time.perf_counter()
        hold = await ledger.hold(slot, occupied, key=f"hold-{name}", now=NOW, expires_at=NOW + timedelta(minutes=5))
        held = time.perf_counter()
        booked = Appointment(
            AppointmentId(name), slot.service_id, staff, slot.window, PHONE, AppointmentStatus.CONFIRMED, "Bench"
        )
        text = OutboxMessage(f"m-{name}", PHONE, "booked", f"confirm-{name}", NOW)
        await ledger.book(booked, occupied, key=f"book-{name}", now=NOW, hold_id=hold.id, outbox=[text])
        holds.append(held - began)
        books.append(time.perf_counter() - held)


async def _work(job: Job, start: Barrier) -> WorkerResult:
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=job.bookers))
    ledger = _ledger(job)
    await ledger.live_holds([StaffId("warm-up")], TimeWindow.starting(NOW, timedelta(hours=1)), NOW)  # connect
    await asyncio.to_thread(start.wait, 60)
    holds: list[float] = []
    books: list[float] = []
    started = time.time()
    await asyncio.gather(*(_booker(ledger, job, b, holds, books) for b in range(job.bookers)))
    return WorkerResult(started, time.time(), holds, books)


def _worker(job: Job, start: Barrier, results: Queue[WorkerResult]) -> None:
    results.put(asyncio.run(_work(job, start)))


def _run(
    backend: str, target: str, workers: int, bookers: int, bookings: int
) -> tuple[float, list[float], list[float]]:
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(workers)
    results: Queue[WorkerResult] = context.Queue()
    jobs = [Job(backend, target, w, bookers, bookings) for w in range(workers)]
    processes = [context.Process(target=_worker, args=(job, start, results)) for job in jobs]
    for process in processes:
        process.start()
    gathered = [results.get(timeout=600) for _ in processes]
    for process in processes:
        process.join(timeout=30)
    wall = max(r.finished for r in gathered) - min(r.started for r in gathered)
    total = workers * bookers * bookings
    return total / wall, [h for r in gathered for h in r.holds], [b for r in gathered for b in r.books]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _fresh_target(backend: str, folder: Path, run: str) -> tuple[str, str | None]:
    """A new empty store: (target, PostgreSQL database name to drop or None)."""
    if backend == "sqlite":
        path = folder / f"{run}.db"
        SqliteDatabase(path).migrate()
        return str(path), None
    from slotline.infrastructure.postgres.adapters import PostgresDatabase
    from tests.postgres_helpers import create_database, settings

    name, dsn = create_database("slotline_bench")
    PostgresDatabase(settings(dsn)).migrate()
    return dsn, name


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--bookers", type=int, default=8, help="concurrent callers per worker process")
    parser.add_argument("--bookings", type=int, default=25, help="bookings per caller")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgres"], choices=["sqlite", "postgres"])
    args = parser.parse_args()
    print(f"{args.bookers} concurrent callers per worker, {args.bookings} hold+book each; {args.runs} runs per row")
    print("| store | workers | bookings/s (median) | min-max over runs | hold p50 / p99 ms | book p50 / p99 ms |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for backend in args.backends:
            for workers in args.workers:
                rates: list[float] = []
                rows: list[tuple[float, list[float], list[float]]] = []
                for run in range(args.runs):
                    target, drop = _fresh_target(backend, Path(folder), f"{backend}-{workers}-{run}")
                    try:
                        rows.append(_run(backend, target, workers, args.bookers, args.bookings))
                    finally:
                        if drop is not None:
                            from tests.postgres_helpers import drop_database

                            drop_database(drop)
                    rates.append(rows[-1][0])
                median_rate = statistics.median(rates)
                _, holds, books = min(rows, key=lambda row: abs(row[0] - median_rate))
                hold_ms = f"{_pct(holds, 0.5):.1f} / {_pct(holds, 0.99):.1f}"
                book_ms = f"{_pct(books, 0.5):.1f} / {_pct(books, 0.99):.1f}"
                spread = f"{min(rates):.0f}-{max(rates):.0f}"
                print(f"| {backend} | {workers} | {median_rate:.0f} | {spread} | {hold_ms} | {book_ms} |", flush=True)


if __name__ == "__main__":
    main()
