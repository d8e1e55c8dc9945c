"""SqliteOutbox: due messages oldest first, retries, dead letters, and enqueueing inside a caller's transaction."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

from slotline.application.ports.outbox import OutboxStatus
from slotline.infrastructure.sqlite import SqliteDatabase, SqliteOutbox, insert_messages
from tests.factories import NOW
from tests.integration.sqlite_helpers import PHONE, message

MINUTE = timedelta(minutes=1)


@pytest.fixture
def db(tmp_path: Path) -> SqliteDatabase:
    return SqliteDatabase(tmp_path / "slotline.db")


@pytest.fixture
def outbox(db: SqliteDatabase) -> SqliteOutbox:
    later, latest = NOW + MINUTE, NOW + 2 * MINUTE
    queued = [message("second", created_at=later), message("first"), message("third", created_at=latest)]
    db.write_blocking(lambda c: insert_messages(c, queued))
    return SqliteOutbox(db)


async def test_messages_round_trip_and_come_due_oldest_first(outbox: SqliteOutbox) -> None:
    due = await outbox.due(NOW + 5 * MINUTE, limit=10)

    assert [m.dedupe_key for m in due] == ["first", "second", "third"]
    assert due[0] == message("first")
    assert [m.dedupe_key for m in await outbox.due(NOW, limit=2)] == ["first", "second"]
    assert [m.dedupe_key for m in await outbox.all()] == ["first", "second", "third"]


async def test_a_sent_message_is_no_longer_due(outbox: SqliteOutbox) -> None:
    assert await outbox.claim("msg-first", NOW, NOW + MINUTE)
    await outbox.mark_sent("msg-first", "provider-1", NOW)

    sent = next(m for m in await outbox.all() if m.id == "msg-first")
    assert (sent.status, sent.provider_id, sent.attempts) == (OutboxStatus.SENT, "provider-1", 1)
    assert [m.dedupe_key for m in await outbox.due(NOW, 10)] == ["second", "third"]


async def test_a_failed_message_comes_back_when_its_retry_is_due(outbox: SqliteOutbox) -> None:
    assert await outbox.claim("msg-first", NOW, NOW + MINUTE)
    await outbox.mark_failed("msg-first", "network down", retry_at=NOW + 3 * MINUTE, now=NOW)

    failed = next(m for m in await outbox.all() if m.id == "msg-first")
    assert (failed.status, failed.attempts, failed.last_error) == (OutboxStatus.PENDING, 1, "network down")
    assert failed.next_attempt_at == NOW + 3 * MINUTE
    assert "msg-first" not in [m.id for m in await outbox.due(NOW + 2 * MINUTE, 10)]
    assert "msg-first" in [m.id for m in await outbox.due(NOW + 3 * MINUTE, 10)]


async def test_a_failure_without_retry_is_dead(outbox: SqliteOutbox) -> None:
    assert await outbox.claim("msg-first", NOW, NOW + MINUTE)
    await outbox.mark_failed("msg-first", "number unreachable", retry_at=None, now=NOW)
    await outbox.mark_sent("msg-unknown", "provider-9", NOW)

    dead = next(m for m in await outbox.all() if m.id == "msg-first")
    assert (dead.status, dead.attempts) == (OutboxStatus.DEAD, 1)
    assert "msg-first" not in [m.id for m in await outbox.due(NOW + 60 * MINUTE, 10)]


async def test_a_dedupe_key_is_queued_once(db: SqliteDatabase, outbox: SqliteOutbox) -> None:
    db.write_blocking(lambda c: insert_messages(c, [message("first", created_at=NOW + MINUTE)]))

    assert [m.dedupe_key for m in await outbox.all()] == ["first", "second", "third"]
    assert (await outbox.all())[0].to == PHONE


async def test_a_claimed_message_is_hidden_from_other_dispatchers_until_its_lease_ends(
    db: SqliteDatabase, outbox: SqliteOutbox
) -> None:
    mine, theirs = outbox, SqliteOutbox(SqliteDatabase(db.path))  # two handles, as two processes
    assert await mine.claim("msg-first", NOW, NOW + 2 * MINUTE)
    assert not await theirs.claim("msg-first", NOW, NOW + 2 * MINUTE)
    assert "msg-first" not in [m.id for m in await theirs.due(NOW + MINUTE, 10)]
    # the claimer died without an answer: after the lease the message is due again, its attempt counted
    again = next(m for m in await theirs.due(NOW + 2 * MINUTE, 10) if m.id == "msg-first")
    assert again.attempts == 1
    assert await theirs.claim("msg-first", NOW + 2 * MINUTE, NOW + 4 * MINUTE)


async def test_claims_race_and_exactly_one_wins(db: SqliteDatabase, outbox: SqliteOutbox) -> None:
    assert [m.dedupe_key for m in await outbox.due(NOW + 5 * MINUTE, 10)] == ["first", "second", "third"]
    handles = [SqliteOutbox(SqliteDatabase(db.path)) for _ in range(8)]
    later = NOW + 2 * MINUTE
    wins = await asyncio.gather(*(h.claim("msg-second", later, later + MINUTE) for h in handles))
    assert sum(wins) == 1
