"""Requeueing dead texts: all or nothing, back to pending with fresh attempts, and sent exactly once even while
dispatchers in other processes are running."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from slotline.application.errors import SmsSendFailed
from slotline.application.outbox_dispatcher import OutboxDispatcher, RetryPolicy
from slotline.application.ports.outbox import OutboxMessage, OutboxMessageNotDead, OutboxMessageNotFound, OutboxStatus
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.sqlite import SqliteDatabase, SqliteOutbox
from tests.factories import NOW
from tests.integration.sqlite_helpers import PHONE

POLICY = RetryPolicy(max_attempts=3, lease=timedelta(minutes=2))
AUTH_ERROR = "SNS AuthorizationError: not authorized to perform sns:Publish"


class RecordingSms:
    """An SmsSender that counts every send (the local sender would hide a second one behind its dedupe key)."""

    def __init__(self) -> None:
        self.sent: list[str] = []
        self.broken = False

    async def send(self, to: PhoneNumber, body: str, *, dedupe_key: str) -> str:
        await asyncio.sleep(0)  # let other dispatchers run, as a network call would
        if self.broken:
            raise SmsSendFailed(AUTH_ERROR, permanent=True)
        self.sent.append(dedupe_key)
        return f"provider-{len(self.sent)}"


class OutboxThatPauses(SqliteOutbox):
    """Runs `meanwhile` between reading the due messages and acting on them: what other processes may do while
    a dispatcher works through a long batch."""

    def __init__(self, db: SqliteDatabase, meanwhile: Callable[[], Awaitable[None]]) -> None:
        super().__init__(db)
        self._meanwhile = meanwhile

    async def due(self, now: datetime, limit: int) -> list[OutboxMessage]:
        found = await super().due(now, limit)
        await self._meanwhile()
        return found


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "slotline.db"


@pytest.fixture
def outbox(path: Path) -> SqliteOutbox:
    return SqliteOutbox(SqliteDatabase(path))


@pytest.fixture
def sms() -> RecordingSms:
    return RecordingSms()


def dispatcher(path: Path, sms: RecordingSms, at: datetime = NOW) -> OutboxDispatcher:
    """A dispatcher with its own database handle, as in its own process."""
    return OutboxDispatcher(SqliteOutbox(SqliteDatabase(path)), sms, FixedClock(at), POLICY)


async def queue(outbox: SqliteOutbox, *keys: str, created_at: datetime = NOW) -> None:
    await outbox.enqueue([OutboxMessage(f"m-{k}", PHONE, f"text {k}", k, created_at) for k in keys])


async def kill(outbox: SqliteOutbox, *keys: str) -> None:
    """Send these messages with bad credentials: each dies at its first attempt."""
    for key in keys:
        assert await outbox.claim(f"m-{key}", NOW, NOW + POLICY.lease)
        await outbox.mark_failed(f"m-{key}", AUTH_ERROR, retry_at=None, now=NOW)


async def by_id(outbox: SqliteOutbox) -> dict[str, OutboxMessage]:
    return {m.id: m for m in await outbox.all()}


async def test_a_requeued_message_is_pending_with_fresh_attempts_and_is_sent_once(
    path: Path, outbox: SqliteOutbox, sms: RecordingSms
) -> None:
    await queue(outbox, "a", "b")
    sms.broken = True
    report = await dispatcher(path, sms).dispatch_due()
    assert report.dead == 2
    sms.broken = False  # the operator fixed the credentials

    requeued = await outbox.requeue(["m-b", "m-a"])

    assert [m.id for m in requeued] == ["m-a", "m-b"]  # oldest first
    for message in requeued:
        assert (message.status, message.attempts, message.next_attempt_at) == (OutboxStatus.PENDING, 0, None)
        assert message.last_error == AUTH_ERROR  # why it died stays visible until a new attempt fails
    assert requeued == list((await by_id(outbox)).values())
    first, second = await dispatcher(path, sms).dispatch_due(), await dispatcher(path, sms).dispatch_due()
    assert (first.sent, second.sent) == (2, 0)
    assert sorted(sms.sent) == ["a", "b"]
    assert {(m.status, m.attempts) for m in await outbox.all()} == {(OutboxStatus.SENT, 1)}


async def test_a_requeued_message_that_fails_again_gets_every_attempt_again(path: Path, outbox: SqliteOutbox) -> None:
    await queue(outbox, "a")
    await kill(outbox, "a")
    await outbox.requeue(["m-a"])
    sms = RecordingSms()
    sms.broken = True

    await dispatcher(path, sms).dispatch_due()

    assert (await by_id(outbox))["m-a"].status is OutboxStatus.DEAD
    await outbox.requeue(["m-a"])  # and again, as often as the operator wants
    assert (await by_id(outbox))["m-a"].status is OutboxStatus.PENDING


async def test_an_unknown_id_requeues_nothing(outbox: SqliteOutbox) -> None:
    await queue(outbox, "a", "b")
    await kill(outbox, "a", "b")
    before = await outbox.all()

    with pytest.raises(OutboxMessageNotFound, match="no outbox message 'm-x', 'm-y'; nothing was requeued"):
        await outbox.requeue(["m-a", "m-x", "m-b", "m-y"])

    assert await outbox.all() == before


async def test_a_message_that_is_not_dead_requeues_nothing(outbox: SqliteOutbox) -> None:
    await queue(outbox, "dead", "sent", "pending")
    await kill(outbox, "dead")
    assert await outbox.claim("m-sent", NOW, NOW + POLICY.lease)
    await outbox.mark_sent("m-sent", "provider-1", NOW)
    before = await outbox.all()

    with pytest.raises(OutboxMessageNotDead) as refused:
        await outbox.requeue(["m-dead", "m-sent", "m-pending"])

    assert refused.value.statuses == {"m-sent": OutboxStatus.SENT, "m-pending": OutboxStatus.PENDING}
    assert str(refused.value) == "outbox message m-sent is sent, m-pending is pending, not dead; nothing was requeued"
    assert await outbox.all() == before


async def test_requeue_all_dead_takes_only_dead_ones_queued_since(outbox: SqliteOutbox) -> None:
    await queue(outbox, "old")
    await queue(outbox, "new", "alive", created_at=NOW + timedelta(hours=1))
    await kill(outbox, "old", "new")

    assert [m.id for m in await outbox.requeue_dead(since=NOW + timedelta(minutes=30))] == ["m-new"]
    assert (await by_id(outbox))["m-old"].status is OutboxStatus.DEAD
    assert [m.id for m in await outbox.requeue_dead()] == ["m-old"]
    assert await outbox.requeue_dead() == []
    assert [m.id for m in await outbox.all(OutboxStatus.PENDING)] == ["m-old", "m-new", "m-alive"]


async def test_claims_racing_a_requeue_win_at_most_once(path: Path, outbox: SqliteOutbox) -> None:
    for round_ in range(10):
        key = f"r{round_}"
        await queue(outbox, key)
        await kill(outbox, key)
        handles = [SqliteOutbox(SqliteDatabase(path)) for _ in range(6)]
        claims = [h.claim(f"m-{key}", NOW, NOW + POLICY.lease) for h in handles]

        _, wins = await asyncio.gather(outbox.requeue([f"m-{key}"]), asyncio.gather(*claims))

        assert sum(wins) <= 1  # before the requeue the message is dead; after it, one claim takes it
        if not any(wins):
            assert await handles[0].claim(f"m-{key}", NOW, NOW + POLICY.lease)
        assert not await handles[1].claim(f"m-{key}", NOW, NOW + POLICY.lease)


async def test_requeueing_while_dispatchers_run_sends_each_text_exactly_once(
    path: Path, outbox: SqliteOutbox, sms: RecordingSms
) -> None:
    keys = [f"k{i:02}" for i in range(30)]
    await queue(outbox, *keys)
    await kill(outbox, *keys)
    dispatchers = [dispatcher(path, sms) for _ in range(3)]

    async def keep_dispatching(d: OutboxDispatcher) -> None:
        for _ in range(6):
            await d.dispatch_due(limit=7)

    async def operator() -> None:
        for batch in (keys[:10], keys[10:20], keys[20:]):
            await outbox.requeue([f"m-{k}" for k in batch])

    await asyncio.gather(operator(), *(keep_dispatching(d) for d in dispatchers))
    await dispatchers[0].dispatch_due()  # whatever the race left for the next round

    assert Counter(sms.sent) == Counter(keys)
    assert {(m.status, m.attempts) for m in await outbox.all()} == {(OutboxStatus.SENT, 1)}


async def test_a_dispatcher_with_a_stale_batch_does_not_kill_a_requeued_message(
    path: Path, outbox: SqliteOutbox, sms: RecordingSms
) -> None:
    await queue(outbox, "a")
    now = NOW
    for _ in range(POLICY.max_attempts):  # every attempt died with its dispatcher
        assert await outbox.claim("m-a", now, now + POLICY.lease)
        now += POLICY.lease

    async def meanwhile() -> None:  # after the slow dispatcher read its batch:
        assert (await dispatcher(path, sms, now).dispatch_due()).dead == 1  # another one gives up on the message,
        await outbox.requeue(["m-a"])  # the operator puts it back,
        assert await outbox.claim("m-a", now, now + POLICY.lease)  # and a third dispatcher is sending it

    report = await OutboxDispatcher(
        OutboxThatPauses(SqliteDatabase(path), meanwhile), sms, FixedClock(now), POLICY
    ).dispatch_due()

    message = (await by_id(outbox))["m-a"]
    assert (report.dead, message.status, message.attempts) == (0, OutboxStatus.PENDING, 1)  # still the third's
    assert sms.sent == []
