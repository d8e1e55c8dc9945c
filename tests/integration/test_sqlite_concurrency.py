"""Fifty bookers race for five slots, from threads and from separate processes: exactly five win, no overlaps."""

from __future__ import annotations

import asyncio
import multiprocessing
import random
from concurrent.futures import ThreadPoolExecutor
from itertools import combinations
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from pathlib import Path

from slotline.domain.errors import SlotNoLongerAvailable
from slotline.domain.slot import Slot
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.sqlite import SqliteDatabase, SqliteOutbox, SqliteSlotLedger
from tests.factories import NOW
from tests.integration.sqlite_helpers import book, occupied, slot

BOOKERS = 50
PROCESSES = 5
# Back to back: each haircut occupies 40 minutes, so neighbours touch but do not overlap.
SLOTS = [slot(9), slot(9, 40), slot(10, 20), slot(11), slot(11, 40)]
WON = "won"
Outcomes = list[tuple[int, str]]


def _choices(seed: int) -> list[int]:
    rng = random.Random(seed)
    picks = [rng.randrange(len(SLOTS)) for _ in range(BOOKERS)]
    assert set(picks) == set(range(len(SLOTS))), "every slot must be contested"
    return picks


async def _attempt(ledger: SqliteSlotLedger, booker: int, target: Slot) -> str:
    try:
        await book(ledger, target, f"booker-{booker}")
    except SlotNoLongerAvailable:
        return SlotNoLongerAvailable.__name__
    return WON


async def _race(path: Path, bookers: list[tuple[int, int]]) -> Outcomes:
    ledger = SqliteSlotLedger(SqliteDatabase(path, busy_timeout=15), FixedClock(NOW))
    outcomes = await asyncio.gather(*(_attempt(ledger, b, SLOTS[pick]) for b, pick in bookers))
    return [(b, outcome) for (b, _), outcome in zip(bookers, outcomes, strict=True)]


def _race_in_process(path: str, bookers: list[tuple[int, int]], start: Barrier, results: Queue[Outcomes]) -> None:
    start.wait(timeout=30)
    results.put(asyncio.run(_race(Path(path), bookers)))


async def _assert_exactly_five_won(db: SqliteDatabase, picks: list[int], outcomes: dict[int, str]) -> None:
    assert sorted(outcomes) == list(range(BOOKERS))
    winners = [b for b, outcome in outcomes.items() if outcome == WON]
    assert sorted(picks[b] for b in winners) == list(range(len(SLOTS)))
    assert all(outcomes[b] == SlotNoLongerAvailable.__name__ for b in outcomes if b not in winners)

    booked = await SqliteSlotLedger(db, FixedClock(NOW)).all()
    assert sorted(a.id for a in booked) == sorted(f"booker-{b}" for b in winners)
    for one, other in combinations(booked, 2):
        assert not occupied(one.slot).overlaps(occupied(other.slot))
    assert len(await SqliteOutbox(db).all()) == len(SLOTS)


async def test_fifty_threads_race_for_five_slots(tmp_path: Path) -> None:
    db = SqliteDatabase(tmp_path / "race.db")
    db.migrate()
    picks = _choices(seed=2026)
    executor = ThreadPoolExecutor(max_workers=BOOKERS)
    asyncio.get_running_loop().set_default_executor(executor)
    try:
        outcomes = dict(await _race(db.path, list(enumerate(picks))))

        await _assert_exactly_five_won(db, picks, outcomes)
    finally:
        executor.shutdown()


async def test_fifty_bookers_in_five_processes_race_for_five_slots(tmp_path: Path) -> None:
    db = SqliteDatabase(tmp_path / "race.db")
    db.migrate()
    picks = _choices(seed=7)
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(PROCESSES)
    results: Queue[Outcomes] = context.Queue()
    shares = [[(b, picks[b]) for b in range(p, BOOKERS, PROCESSES)] for p in range(PROCESSES)]
    workers = [context.Process(target=_race_in_process, args=(str(db.path), share, start, results)) for share in shares]
    for worker in workers:
        worker.start()
    try:
        gathered = [results.get(timeout=60) for _ in workers]
        for worker in workers:
            worker.join(timeout=10)
            assert worker.exitcode == 0
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.kill()

    await _assert_exactly_five_won(db, picks, dict(pair for share in gathered for pair in share))
