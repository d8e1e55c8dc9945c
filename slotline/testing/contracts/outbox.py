"""The Outbox contract: texts queued once, claimed by one dispatcher at a time, retried, dead, requeued.

Needs pytest and pytest-asyncio (test-time only). Subclass OutboxContract and override the `outbox` fixture to
return your empty Outbox. Times in these tests are whole seconds; the outbox may keep no finer time than that.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from slotline.application.ports import Outbox, OutboxMessage, OutboxStatus
from slotline.application.ports.outbox import OutboxMessageNotDead, OutboxMessageNotFound
from slotline.testing.contracts.builders import message
from slotline.testing.sample import NOW

__all__ = ["OutboxContract"]

LEASE = timedelta(minutes=2)
MINUTE = timedelta(minutes=1)


async def _one(outbox: Outbox, message_id: str) -> OutboxMessage:
    (found,) = [m for m in await outbox.all() if m.id == message_id]
    return found


async def _dead(outbox: Outbox, m: OutboxMessage) -> None:
    assert await outbox.claim(m.id, NOW, NOW + LEASE)
    await outbox.mark_failed(m.id, "number unreachable", retry_at=None, now=NOW)


class OutboxContract:
    """Every Outbox: at-least-once delivery bookkeeping that several dispatchers can share safely."""

    @pytest.fixture
    def outbox(self) -> Outbox:
        """Override: an empty outbox."""
        pytest.fail("subclass OutboxContract and override the `outbox` fixture", pytrace=False)

    @pytest.mark.asyncio
    async def test_enqueued_messages_are_kept_oldest_first_once_per_dedupe_key(self, outbox: Outbox) -> None:
        """`all` lists messages oldest first; a dedupe key already queued is skipped, whatever the message id."""
        later, earlier = message("k2", created_at=NOW + MINUTE), message("k1")

        await outbox.enqueue([later, earlier])
        await outbox.enqueue([OutboxMessage("another-id", earlier.to, "again", "k1", NOW)])

        assert await outbox.all() == [earlier, later]
        assert await outbox.all(OutboxStatus.PENDING) == [earlier, later]
        assert await outbox.all(OutboxStatus.SENT) == []

    @pytest.mark.asyncio
    async def test_due_is_pending_messages_oldest_first_up_to_the_limit(self, outbox: Outbox) -> None:
        """`due` gives pending messages whose next attempt has come, oldest first, at most `limit`."""
        a, b, c = (message(k, created_at=NOW + i * MINUTE) for i, k in enumerate(("a", "b", "c")))
        await outbox.enqueue([c, a, b])
        assert await outbox.claim(b.id, NOW, NOW + LEASE)

        assert [m.id for m in await outbox.due(NOW, 10)] == [a.id, c.id]
        assert [m.id for m in await outbox.due(NOW, 1)] == [a.id]
        assert [m.id for m in await outbox.due(NOW + LEASE, 10)] == [a.id, b.id, c.id]

    @pytest.mark.asyncio
    async def test_a_claim_is_one_attempt_and_a_lease(self, outbox: Outbox) -> None:
        """Only one claim wins until the lease runs out; each claim counts an attempt."""
        m = message("k1")
        await outbox.enqueue([m])

        assert await outbox.claim(m.id, NOW, NOW + LEASE)
        assert not await outbox.claim(m.id, NOW + MINUTE, NOW + MINUTE + LEASE)
        assert await outbox.claim(m.id, NOW + LEASE, NOW + 2 * LEASE)
        assert (await _one(outbox, m.id)).attempts == 2
        assert not await outbox.claim("no-such-message", NOW, NOW + LEASE)

    @pytest.mark.asyncio
    async def test_a_sent_message_is_settled(self, outbox: Outbox) -> None:
        """mark_sent keeps the provider's id; a sent message is never due or claimed again."""
        m = message("k1")
        await outbox.enqueue([m])
        assert await outbox.claim(m.id, NOW, NOW + LEASE)

        await outbox.mark_sent(m.id, "provider-1", NOW)

        sent = await _one(outbox, m.id)
        assert (sent.status, sent.provider_id, sent.attempts) == (OutboxStatus.SENT, "provider-1", 1)
        assert await outbox.due(NOW + LEASE, 10) == []
        assert not await outbox.claim(m.id, NOW + LEASE, NOW + 2 * LEASE)
        assert await outbox.all(OutboxStatus.SENT) == [sent]

    @pytest.mark.asyncio
    async def test_a_failed_attempt_is_retried_at_its_time_or_dead(self, outbox: Outbox) -> None:
        """mark_failed with `retry_at` keeps the message pending until then; without it, the message is dead."""
        retried, dead = message("k1"), message("k2")
        await outbox.enqueue([retried, dead])
        for m in (retried, dead):
            assert await outbox.claim(m.id, NOW, NOW + LEASE)

        await outbox.mark_failed(retried.id, "throttled", retry_at=NOW + 5 * MINUTE, now=NOW)
        await outbox.mark_failed(dead.id, "opted out", retry_at=None, now=NOW)

        again = await _one(outbox, retried.id)
        assert (again.status, again.last_error, again.next_attempt_at) == (
            OutboxStatus.PENDING,
            "throttled",
            NOW + 5 * MINUTE,
        )
        assert await outbox.due(NOW + 4 * MINUTE, 10) == []
        assert [m.id for m in await outbox.due(NOW + 5 * MINUTE, 10)] == [retried.id]
        gone = await _one(outbox, dead.id)
        assert (gone.status, gone.last_error) == (OutboxStatus.DEAD, "opted out")
        assert await outbox.all(OutboxStatus.DEAD) == [gone]

    @pytest.mark.asyncio
    async def test_give_up_only_when_attempts_are_used_and_no_lease_runs(self, outbox: Outbox) -> None:
        """give_up makes a message dead once its attempts are used up and its last lease ran out; else False."""
        m = message("k1")
        await outbox.enqueue([m])
        assert not await outbox.give_up(m.id, "no answer", max_attempts=2, now=NOW)
        assert await outbox.claim(m.id, NOW, NOW + LEASE)
        assert await outbox.claim(m.id, NOW + LEASE, NOW + 2 * LEASE)

        assert not await outbox.give_up(m.id, "no answer", max_attempts=2, now=NOW + LEASE)  # its lease still runs
        assert await outbox.give_up(m.id, "no answer", max_attempts=2, now=NOW + 2 * LEASE)
        gone = await _one(outbox, m.id)
        assert (gone.status, gone.last_error) == (OutboxStatus.DEAD, "no answer")
        assert not await outbox.give_up(m.id, "no answer", max_attempts=2, now=NOW + 2 * LEASE)

    @pytest.mark.asyncio
    async def test_requeue_brings_dead_messages_back_fresh(self, outbox: Outbox) -> None:
        """Requeued: pending, due at once, attempts reset, the last error kept; oldest first."""
        later, earlier = message("k2", created_at=NOW + MINUTE), message("k1")
        await outbox.enqueue([later, earlier])
        for m in (later, earlier):
            await _dead(outbox, m)

        requeued = await outbox.requeue([later.id, earlier.id, later.id])

        assert [m.id for m in requeued] == [earlier.id, later.id]
        for m in requeued:
            assert (m.status, m.attempts, m.next_attempt_at, m.last_error) == (
                OutboxStatus.PENDING,
                0,
                None,
                "number unreachable",
            )
        assert [m.id for m in await outbox.due(NOW, 10)] == [earlier.id, later.id]

    @pytest.mark.asyncio
    async def test_requeue_is_all_or_nothing(self, outbox: Outbox) -> None:
        """An unknown id is OutboxMessageNotFound, a live one OutboxMessageNotDead; either way nothing changes."""
        dead, pending = message("k1"), message("k2")
        await outbox.enqueue([dead, pending])
        await _dead(outbox, dead)
        before = await outbox.all()

        with pytest.raises(OutboxMessageNotFound) as unknown:
            await outbox.requeue([dead.id, "no-such-message"])
        with pytest.raises(OutboxMessageNotDead) as alive:
            await outbox.requeue([dead.id, pending.id])

        assert unknown.value.message_ids == ("no-such-message",)
        assert alive.value.statuses == {pending.id: OutboxStatus.PENDING}
        assert await outbox.all() == before

    @pytest.mark.asyncio
    async def test_requeue_dead_takes_every_dead_message_or_those_since(self, outbox: Outbox) -> None:
        """requeue_dead requeues all dead messages, or those queued at or after `since`."""
        old, new, alive = message("old"), message("new", created_at=NOW + MINUTE), message("alive")
        await outbox.enqueue([old, new, alive])
        for m in (old, new):
            await _dead(outbox, m)

        assert [m.id for m in await outbox.requeue_dead(since=NOW + MINUTE)] == [new.id]
        assert [m.id for m in await outbox.requeue_dead()] == [old.id]
        assert await outbox.requeue_dead() == []
        assert await outbox.all(OutboxStatus.DEAD) == []
