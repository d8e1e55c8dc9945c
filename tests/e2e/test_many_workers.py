"""Four `slotline serve` processes on one loopback connector and one PostgreSQL database: 100 scripted callers,
20 on the line at once, two at a time asking for the same slot. Every call is answered once, the calls spread over
the workers, and every booking a caller heard is stored once, with no two overlapping."""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from slotline.infrastructure.postgres.adapters import PostgresDatabase
from slotline.infrastructure.telcoflow.loopback import LoopbackCall, LoopbackTelcoflowServer
from tests.e2e.booking_callers import CallResult, book_by_phone
from tests.e2e.phone import NOW
from tests.e2e.workers import API_KEY, CONNECTOR, Worker, running, start_worker, until_connected, worker_environment

WORKERS = 4
CALLS = 100
AT_ONCE = 20
PER_WORKER = AT_ONCE // WORKERS  # telephony.max_concurrent_calls: the 20 live calls spread over the 4 workers
DAYS = (1, 2, 3, 4, 8, 9, 10, 11, 15, 16, 17, 18, 22)  # Tuesdays to Fridays of December 2026 before Christmas Eve
TIMES = (("sam", "10 am"), ("sam", "2 pm"), ("alex", "11 am"), ("alex", "3 pm"))
ZONE = ZoneInfo("America/New_York")


def requests(calls: int) -> list[str]:
    """What caller n asks for: callers 2k and 2k+1 ask for the same time, so every pair races for one slot."""
    wanted = [(day, staff, time) for day in DAYS for staff, time in TIMES]
    return [f"a haircut on december {wanted[n // 2][0]} at {wanted[n // 2][2]} with {wanted[n // 2][1]}" for n in range(calls)]  # fmt: skip


def postgres_environment(dsn: str) -> dict[str, str]:
    return {
        "STORAGE__BACKEND": "postgres",
        "STORAGE__POSTGRES__DSN": dsn,
        "STORAGE__POSTGRES__POOL_MAX_SIZE": "4",
        "CUSTOMERS__BACKEND": "postgres",
        "CALENDAR__BACKEND": "postgres",
    }


async def place_calls(
    server: LoopbackTelcoflowServer, lines: list[str], at_once: int, talk: Callable[[LoopbackCall, str], Awaitable[CallResult]]
) -> list[CallResult]:  # fmt: skip
    """Place one call per line, at most `at_once` live; each caller says its line and books."""
    room = asyncio.Semaphore(at_once)

    async def one(n: int, line: str) -> CallResult:
        async with room:
            call = await server.place_call(caller=f"+1212555{n:04d}", timeout=30)
            return await talk(call, line)

    return await asyncio.gather(*(one(n, line) for n, line in enumerate(lines)))


def when(booked: str) -> tuple[str, datetime]:
    """('sam', start) from the agent's words 'a haircut on Tuesday, December 1st at 2 PM with Sam'."""
    found = re.search(r"December (\d+)\w\w at (\d+)(?::(\d\d))? (AM|PM) with (\w+)", booked)
    assert found is not None, booked
    day, hour, minute, half, staff = found.groups()
    hour24 = int(hour) % 12 + (12 if half == "PM" else 0)
    return staff.lower(), datetime(2026, 12, int(day), hour24, int(minute or 0), tzinfo=ZONE)


def stored(postgres: PostgresDatabase) -> list[tuple[str, datetime, str, str]]:
    with postgres.connect() as conn:
        rows = conn.execute(
            "SELECT staff_id, starts_at, status, customer_phone FROM appointments ORDER BY starts_at"
        ).fetchall()
    return [(r["staff_id"], r["starts_at"], r["status"], r["customer_phone"]) for r in rows]


def overlapping(postgres: PostgresDatabase) -> int:
    with postgres.connect() as conn:
        row = conn.execute(
            "SELECT count(*) AS n FROM appointments a JOIN appointments b ON a.staff_id = b.staff_id AND a.id < b.id"
            " AND a.occupied && b.occupied WHERE a.status = 'confirmed' AND b.status = 'confirmed'"
        ).fetchone()
    assert row is not None
    return int(row["n"])


async def start_workers(tmp_path: Path, server: LoopbackTelcoflowServer, dsn: str, **settings: str) -> list[Worker]:
    environment = worker_environment(
        server.base_url, **postgres_environment(dsn), TELEPHONY__MAX_CONCURRENT_CALLS=str(PER_WORKER), **settings
    )
    workers = await asyncio.gather(
        *(start_worker(f"w{n}", tmp_path, environment, "--now", NOW) for n in range(WORKERS))
    )
    await until_connected(list(workers))
    return list(workers)


async def test_four_workers_answer_a_hundred_calls_and_book_each_once(
    tmp_path: Path, postgres: PostgresDatabase, postgres_dsn: str
) -> None:
    async with (
        LoopbackTelcoflowServer(api_key=API_KEY, connector_uuid=CONNECTOR) as server,
        running(await start_workers(tmp_path, server, postgres_dsn)) as workers,
    ):
        results = await place_calls(server, requests(CALLS), AT_ONCE, book_by_phone)
        connections = {worker.connection(): worker for worker in workers}
        logs = {worker.name: worker.text() for worker in workers}

    failed = [(r.call.call_id, r.ended, r.said) for r in results if r.booked is None or r.ended != "disconnect"]
    assert failed == []  # every caller booked and heard goodbye
    for result in results:  # answered exactly once, by one worker
        assert result.call.commands.count("call.answer") == 1
        assert sum(f"[call {result.call.call_id}]" in log for log in logs.values()) == 1
    taken = Counter(connections[r.call.session_manager_id].name for r in results)
    assert len(taken) == WORKERS, taken  # every worker took calls

    heard = sorted((when(r.booked or ""), r.call.caller) for r in results)
    rows = stored(postgres)
    assert {status for *_, status, _ in rows} == {"confirmed"}
    # each booking a caller heard is stored once, and nothing else is
    assert sorted(((staff, start), phone) for staff, start, _, phone in rows) == heard
    assert overlapping(postgres) == 0
    asked = {when(f"December {d}th at {t.upper()} with {staff}") for d in DAYS for staff, t in TIMES}
    assert sum(booking in asked for booking, _ in heard) == CALLS // 2  # each pair raced for one slot: one won it
    with postgres.connect() as conn:
        texts = conn.execute(
            "SELECT status, count(*) AS texts, count(DISTINCT to_phone) AS phones FROM outbox"
            " WHERE reminder_for IS NULL GROUP BY status"
        ).fetchall()
    sent = [(t["status"], t["texts"], t["phones"]) for t in texts]
    assert sent == [("sent", CALLS, CALLS)]  # one confirmation each, sent by some worker
