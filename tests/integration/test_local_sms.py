"""SqliteSmsSender (the local SMS backend): texts land in the database, deduplicated, and failures can be staged for the dispatcher."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from slotline.application.errors import SmsSendFailed
from slotline.application.ports.outbox import OutboxStatus
from slotline.infrastructure.sqlite import SentSms, SqliteDatabase, SqliteOutbox, SqliteSlotLedger, SqliteSmsSender
from tests.factories import NOW
from tests.integration.sqlite_helpers import OTHER_PHONE, PHONE, book, slot


class _Pinned:
    def now(self) -> datetime:
        return NOW


@pytest.fixture
def db(tmp_path: Path) -> SqliteDatabase:
    return SqliteDatabase(tmp_path / "slotline.db")


@pytest.fixture
def sender(db: SqliteDatabase) -> SqliteSmsSender:
    return SqliteSmsSender(db, clock=_Pinned())


async def test_a_sent_text_is_recorded(sender: SqliteSmsSender) -> None:
    sms_id = await sender.send(PHONE, "See you at 10:00.", dedupe_key="k1")

    assert await sender.sent() == [SentSms(sms_id, PHONE, "See you at 10:00.", "k1", NOW)]


async def test_a_dedupe_key_sent_before_returns_the_earlier_id(sender: SqliteSmsSender) -> None:
    first = await sender.send(PHONE, "See you at 10:00.", dedupe_key="k1")
    again = await sender.send(PHONE, "See you at 10:00.", dedupe_key="k1")
    other = await sender.send(OTHER_PHONE, "Cancelled.", dedupe_key="k2")

    assert first == again != other
    assert [s.dedupe_key for s in await sender.sent()] == ["k1", "k2"]


async def test_staged_failures_raise_then_sending_recovers(sender: SqliteSmsSender) -> None:
    sender.fail_next(2)
    for _ in range(2):
        with pytest.raises(SmsSendFailed) as temporary:
            await sender.send(PHONE, "hello", dedupe_key="k1")
        assert not temporary.value.permanent
    assert await sender.sent() == []

    sender.fail_next(1, permanent=True, reason="number unreachable")
    with pytest.raises(SmsSendFailed, match="unreachable") as permanent:
        await sender.send(PHONE, "hello", dedupe_key="k1")
    assert permanent.value.permanent

    await sender.send(PHONE, "hello", dedupe_key="k1")
    assert len(await sender.sent()) == 1


async def test_an_outbox_message_survives_a_failed_send(db: SqliteDatabase, sender: SqliteSmsSender) -> None:
    await book(SqliteSlotLedger(db, _Pinned()), slot(10), "a1")
    outbox = SqliteOutbox(db)
    sender.fail_next(1)

    async def dispatch(now: datetime) -> None:  # what the dispatcher does, reduced to its essentials
        for message in await outbox.due(now, limit=10):
            if not await outbox.claim(message.id, now, now + timedelta(seconds=30)):
                continue
            try:
                provider_id = await sender.send(message.to, message.body, dedupe_key=message.dedupe_key)
            except SmsSendFailed as exc:
                await outbox.mark_failed(message.id, str(exc), retry_at=now + timedelta(minutes=1), now=now)
            else:
                await outbox.mark_sent(message.id, provider_id, now)

    await dispatch(NOW)
    await dispatch(NOW + timedelta(minutes=1))

    [delivered] = await outbox.all()
    [recorded] = await sender.sent()
    assert (delivered.status, delivered.attempts, delivered.provider_id) == (OutboxStatus.SENT, 2, recorded.id)
    assert recorded.to == PHONE
