"""The dispatcher claims each message before sending: two dispatchers never send one text at the same time, and a
message whose every attempt died with its dispatcher is dead-lettered instead of retried forever."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from slotline.application.outbox_dispatcher import OutboxDispatcher, RetryPolicy
from slotline.application.ports.outbox import OutboxMessage, OutboxStatus
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.sqlite import SqliteDatabase, SqliteOutbox, SqliteSmsSender
from tests.factories import NOW
from tests.integration.sqlite_helpers import PHONE

POLICY = RetryPolicy(max_attempts=3, lease=timedelta(minutes=2))


async def test_two_dispatchers_send_each_text_once(tmp_path: Path) -> None:
    path = tmp_path / "slotline.db"
    await SqliteOutbox(SqliteDatabase(path)).enqueue(
        [OutboxMessage(f"m{i}", PHONE, f"text {i}", f"key-{i}", NOW) for i in range(20)]
    )
    clock = FixedClock(NOW)
    dispatchers = [
        OutboxDispatcher(
            SqliteOutbox(SqliteDatabase(path)), SqliteSmsSender(SqliteDatabase(path), clock), clock, POLICY
        )
        for _ in range(2)
    ]
    reports = await asyncio.gather(*(d.dispatch_due() for d in dispatchers))
    assert sum(r.sent for r in reports) == 20
    sent = await SqliteSmsSender(SqliteDatabase(path), FixedClock(NOW)).sent()
    assert sorted(s.body for s in sent) == sorted(f"text {i}" for i in range(20))  # once each


async def test_attempts_that_never_answered_end_in_the_dead_letters(tmp_path: Path) -> None:
    db = SqliteDatabase(tmp_path / "slotline.db")
    outbox = SqliteOutbox(db)
    await outbox.enqueue([OutboxMessage("m0", PHONE, "text", "key", NOW)])
    now = NOW
    for _ in range(POLICY.max_attempts):  # three dispatchers, each killed after claiming
        assert await outbox.claim("m0", now, now + POLICY.lease)
        now += POLICY.lease
    clock = FixedClock(now)
    report = await OutboxDispatcher(outbox, SqliteSmsSender(db, clock), clock, POLICY).dispatch_due()
    (message,) = await outbox.all()
    assert (report.dead, message.status, message.attempts) == (1, OutboxStatus.DEAD, 3)
    assert message.last_error == "no answer after every attempt"
