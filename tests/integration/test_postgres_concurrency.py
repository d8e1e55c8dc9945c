"""Four worker processes of fifty concurrent bookers each race for ten slots on one PostgreSQL: exactly ten win,
no two overlap, exactly ten texts are queued; and a booking retried under the same key is one booking."""

from __future__ import annotations

import asyncio
import multiprocessing
import random
from itertools import combinations
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier

from slotline.domain.errors import SlotNoLongerAvailable
from slotline.domain.ids import StaffId
from slotline.domain.slot import Slot
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.postgres.adapters import PostgresDatabase, PostgresOutbox, PostgresSlotLedger
from tests.factories import NOW
from tests.integration.sqlite_helpers import HOLD_FOR, appointment, message, occupied, slot
from tests.postgres_helpers import settings

PROCESSES = 4
BOOKERS_EACH = 50
BOOKERS = PROCESSES * BOOKERS_EACH
# Ten back-to-back haircuts: each occupies 40 minutes, so neighbours touch but do not overlap.
SLOTS = [slot(9 + (40 * i) // 60, (40 * i) % 60) for i in range(10)]
WON = "won"
Outcomes = list[tuple[int, str]]


def _choices(seed: int) -> list[int]:
    rng = random.Random(seed)
    picks = [rng.randrange(len(SLOTS)) for _ in range(BOOKERS)]
    assert set(picks) == set(range(len(SLOTS))), "every slot must be contested"
    return picks


async def _attempt(ledger: PostgresSlotLedger, booker: int, target: Slot) -> str:
    """What a call does: hold the slot, then book it with the hold and its confirmation text."""
    name = f"booker-{booker}"
    try:
        hold = await ledger.hold(target, occupied(target), key=f"hold-{name}", now=NOW, expires_at=NOW + HOLD_FOR)
        await ledger.book(
            appointment(target, name),
            occupied(target),
            key=f"book-{name}",
            now=NOW,
            hold_id=hold.id,
            outbox=[message(f"confirm-{name}")],
        )
    except SlotNoLongerAvailable:
        return SlotNoLongerAvailable.__name__
    return WON


def _ledger(dsn: str) -> PostgresSlotLedger:
    return PostgresSlotLedger(PostgresDatabase(settings(dsn, pool_min_size=0, pool_max_size=4)), FixedClock(NOW))


async def _race(dsn: str, bookers: list[tuple[int, int]]) -> Outcomes:
    ledger = _ledger(dsn)
    outcomes = await asyncio.gather(*(_attempt(ledger, b, SLOTS[pick]) for b, pick in bookers))
    return [(b, outcome) for (b, _), outcome in zip(bookers, outcomes, strict=True)]


def _race_in_process(dsn: str, bookers: list[tuple[int, int]], start: Barrier, results: Queue[Outcomes]) -> None:
    start.wait(timeout=30)
    results.put(asyncio.run(_race(dsn, bookers)))


async def test_two_hundred_bookers_in_four_processes_race_for_ten_slots(
    postgres: PostgresDatabase, postgres_dsn: str
) -> None:
    picks = _choices(seed=15)
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(PROCESSES)
    results: Queue[Outcomes] = context.Queue()
    shares = [[(b, picks[b]) for b in range(p, BOOKERS, PROCESSES)] for p in range(PROCESSES)]
    workers = [context.Process(target=_race_in_process, args=(postgres_dsn, s, start, results)) for s in shares]
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

    outcomes = dict(pair for share in gathered for pair in share)
    assert sorted(outcomes) == list(range(BOOKERS))
    winners = [b for b, outcome in outcomes.items() if outcome == WON]
    assert sorted(picks[b] for b in winners) == list(range(len(SLOTS)))  # one winner per slot
    assert all(outcomes[b] == SlotNoLongerAvailable.__name__ for b in outcomes if b not in winners)
    booked = await PostgresSlotLedger(postgres, FixedClock(NOW)).all()
    assert sorted(a.id for a in booked) == sorted(f"booker-{b}" for b in winners)
    for one, other in combinations(booked, 2):
        assert not occupied(one.slot).overlaps(occupied(other.slot))
    texts = await PostgresOutbox(postgres).all()
    assert sorted(m.dedupe_key for m in texts) == sorted(f"confirm-booker-{b}" for b in winners)
    assert await PostgresSlotLedger(postgres, FixedClock(NOW)).live_holds([StaffId("sam")], SLOTS[0].window, NOW) == []


async def test_a_booking_sent_twenty_times_at_once_is_one_booking(postgres: PostgresDatabase) -> None:
    ledger = PostgresSlotLedger(postgres, FixedClock(NOW))
    booked = appointment(SLOTS[0], "a1")

    results = await asyncio.gather(
        *(
            ledger.book(booked, occupied(SLOTS[0]), key="b1", now=NOW, hold_id=None, outbox=[message("c1")])
            for _ in range(20)
        )
    )

    assert set(results) == {booked}
    assert await ledger.all() == [booked]
    assert [m.dedupe_key for m in await PostgresOutbox(postgres).all()] == ["c1"]
