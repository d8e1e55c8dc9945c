"""Call records benchmark: the cost of recording one turn, on SQLite and PostgreSQL.

Run: python -m benchmarks.call_records [--calls 20] [--turns 50] [--backends sqlite postgres]

A turn is one caller entry (words, meaning and timings) and one agent line, each appended by the store's `append`
as `CallRecorders` does during a call (on the recorder's own writer task, so the caller never waits for it). Each
call is begun, gets `--turns` turns and is finished, one call at a time. SQLite: a fresh file. PostgreSQL: a fresh
database on the test server (SLOTLINE_TEST_POSTGRES_DSN, default 127.0.0.1:5432), dropped afterwards. Prints the
p50 and p99 of one turn's two appends, and of `get` of a whole call.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from slotline.application.ports import CallRecords
from slotline.domain.call_record import CallEnding, CallEntry, CallRecord, CallResult, EntryKind, TurnTimings
from slotline.domain.phone import PhoneNumber

START = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
CALLER = PhoneNumber("+12125550123")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def measure(records: CallRecords, calls: int, turns: int) -> tuple[list[float], list[float]]:
    """Milliseconds per turn (two appends) and per `get` of a finished call."""
    per_turn: list[float] = []
    per_get: list[float] = []
    for n in range(calls):
        call_id = f"bench-{n}"
        await records.begin(CallRecord(call_id, START + timedelta(minutes=n), CALLER, "+12125550100"))
        for t in range(turns):
            at = START + timedelta(minutes=n, seconds=t)
            caller = CallEntry(
                2 * t,
                at,
                EntryKind.CALLER,
                text="a haircut next tuesday afternoon with sam",
                understood="book service_id='haircut' day=2026-12-01 part_of_day=afternoon staff_id='sam'",
                timings=TurnTimings(120, 340, 410),
            )
            agent = CallEntry(2 * t + 1, at, EntryKind.AGENT, text="I have Tuesday at 2 PM or 3 PM with Sam.")
            began = time.perf_counter()
            await records.append(call_id, caller)
            await records.append(call_id, agent)
            per_turn.append((time.perf_counter() - began) * 1000)
        await records.finish(call_id, CallEnding(START + timedelta(minutes=n, seconds=turns), CallResult.BOOKED))
        began = time.perf_counter()
        await records.get(call_id)
        per_get.append((time.perf_counter() - began) * 1000)
    return per_turn, per_get


def _report(name: str, per_turn: list[float], per_get: list[float]) -> None:
    print(
        f"{name:<10} turns {len(per_turn):>5}  per turn p50 {statistics.median(per_turn):6.2f} ms"
        f"  p99 {_percentile(per_turn, 0.99):6.2f} ms   get of a {len(per_turn) // len(per_get)}-turn call"
        f" p50 {statistics.median(per_get):6.2f} ms"
    )


async def sqlite(calls: int, turns: int) -> None:
    from slotline.infrastructure.sqlite import SqliteCallRecords, SqliteDatabase

    with tempfile.TemporaryDirectory() as folder:
        db = SqliteDatabase(Path(folder) / "bench.db")
        db.migrate()
        _report("sqlite", *await measure(SqliteCallRecords(db), calls, turns))


async def postgres(calls: int, turns: int) -> None:
    from slotline.infrastructure.postgres.adapters import PostgresCallRecords, PostgresDatabase
    from tests.postgres_helpers import create_database, drop_database, settings

    name, dsn = create_database("slotline_bench_records")
    db = PostgresDatabase(settings(dsn))
    try:
        db.migrate()
        _report("postgres", *await measure(PostgresCallRecords(db), calls, turns))
    finally:
        db.close()
        drop_database(name)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--turns", type=int, default=50)
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgres"], choices=["sqlite", "postgres"])
    args = parser.parse_args()
    for backend in args.backends:
        asyncio.run((sqlite if backend == "sqlite" else postgres)(args.calls, args.turns))


if __name__ == "__main__":
    main()
