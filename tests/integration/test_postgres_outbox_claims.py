"""Dispatchers in several processes share one PostgreSQL outbox: a claim is a row lock skipped by the others and
a lease; no text is sent twice at once, and one whose dispatcher was killed mid-send is sent once its lease ends."""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from datetime import UTC, datetime, timedelta
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier, Event

import psycopg

from slotline.application.outbox_dispatcher import OutboxDispatcher, RetryPolicy
from slotline.application.ports.outbox import OutboxMessage, OutboxStatus
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.postgres.adapters import PostgresDatabase, PostgresOutbox
from tests.postgres_helpers import settings

PHONE = PhoneNumber("+12125550123")
POLICY = RetryPolicy(max_attempts=3, lease=timedelta(minutes=2))
NOW = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
TEXTS = 30
Sends = list[tuple[str, float, float]]


class RecordingSender:
    """An SmsSender that records every send with when it began and ended; it can hang in one, to be killed there."""

    def __init__(self, *, hang: Event | None = None) -> None:
        self.sends: Sends = []
        self._hang = hang

    async def send(self, to: PhoneNumber, body: str, *, dedupe_key: str) -> str:
        began = time.time()
        if self._hang is not None:
            self._hang.set()
            await asyncio.Event().wait()  # SIGKILL arrives here, mid-send
        await asyncio.sleep(0.005)
        self.sends.append((dedupe_key, began, time.time()))
        return f"provider-{dedupe_key}"


def _dispatcher(dsn: str, sender: RecordingSender, now: datetime) -> OutboxDispatcher:
    outbox = PostgresOutbox(PostgresDatabase(settings(dsn, pool_min_size=0, pool_max_size=2)))
    return OutboxDispatcher(outbox, sender, FixedClock(now), POLICY)


def _dispatch_in_process(dsn: str, start: Barrier, results: Queue[tuple[int, Sends]]) -> None:
    sender = RecordingSender()
    start.wait(timeout=30)
    report = asyncio.run(_dispatcher(dsn, sender, NOW).dispatch_due())
    results.put((report.sent, sender.sends))


def _hang_in_send(dsn: str, hanging: Event) -> None:
    asyncio.run(_dispatcher(dsn, RecordingSender(hang=hanging), NOW).dispatch_due())


async def _enqueue(postgres: PostgresDatabase, count: int) -> None:
    await PostgresOutbox(postgres).enqueue(
        [OutboxMessage(f"m{i}", PHONE, f"text {i}", f"key-{i}", NOW) for i in range(count)]
    )


async def test_two_dispatcher_processes_send_each_text_once(postgres: PostgresDatabase, postgres_dsn: str) -> None:
    await _enqueue(postgres, TEXTS)
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    results: Queue[tuple[int, Sends]] = context.Queue()
    workers = [context.Process(target=_dispatch_in_process, args=(postgres_dsn, start, results)) for _ in range(2)]
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

    sends = [send for _, share in gathered for send in share]
    assert sorted(key for key, _, _ in sends) == sorted(f"key-{i}" for i in range(TEXTS))  # each once, never twice
    assert sum(sent for sent, _ in gathered) == TEXTS
    messages = await PostgresOutbox(postgres).all()
    assert {(m.status, m.attempts) for m in messages} == {(OutboxStatus.SENT, 1)}


async def test_a_dispatcher_killed_mid_send_loses_nothing(postgres: PostgresDatabase, postgres_dsn: str) -> None:
    await _enqueue(postgres, 1)
    context = multiprocessing.get_context("spawn")
    hanging = context.Event()
    doomed = context.Process(target=_hang_in_send, args=(postgres_dsn, hanging))
    doomed.start()
    try:
        assert hanging.wait(timeout=60), "the dispatcher never reached its send"
    finally:
        doomed.kill()  # SIGKILL: no mark_sent, no mark_failed, no clean-up
        doomed.join(timeout=10)

    still_leased = RecordingSender()
    assert (await _dispatcher(postgres_dsn, still_leased, NOW + POLICY.lease / 2).dispatch_due()).sent == 0
    after_lease = RecordingSender()
    report = await _dispatcher(postgres_dsn, after_lease, NOW + POLICY.lease).dispatch_due()

    assert (report.sent, [key for key, _, _ in after_lease.sends]) == (1, ["key-0"])
    (message,) = await PostgresOutbox(postgres).all()
    assert (message.status, message.attempts, message.provider_id) == (OutboxStatus.SENT, 2, "provider-key-0")


async def test_a_claim_skips_a_row_another_claimer_has_locked(postgres: PostgresDatabase, postgres_dsn: str) -> None:
    """SKIP LOCKED: while another transaction holds the row, a claim answers False at once instead of waiting."""
    await _enqueue(postgres, 1)
    outbox = PostgresOutbox(postgres)
    with psycopg.connect(postgres_dsn) as other:  # not autocommit: the lock lasts until rollback
        other.execute("SELECT id FROM outbox WHERE id = 'm0' FOR UPDATE")

        assert not await asyncio.wait_for(outbox.claim("m0", NOW, NOW + POLICY.lease), timeout=30)

        other.rollback()
    assert await outbox.claim("m0", NOW, NOW + POLICY.lease)
    (message,) = await outbox.all()
    assert (message.attempts, message.next_attempt_at) == (1, NOW + POLICY.lease)
