"""The outbox dispatcher and runner on SNS (a moto server process) and SQLite: sent, retried, dead, never lost."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from slotline.application.outbox_dispatcher import DispatchReport, OutboxDispatcher, RetryPolicy
from slotline.application.ports.outbox import OutboxMessage, OutboxStatus
from slotline.domain.appointment import AppointmentStatus
from slotline.infrastructure.aws.sns_sms_sender import SnsSmsSender
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.outbox_runner import OutboxRunner
from slotline.infrastructure.sqlite import SqliteDatabase, SqliteOutbox, SqliteSlotLedger
from tests.factories import NOW
from tests.integration.sns_moto import OPTED_OUT, THROTTLING, MotoServer, PublishedSms, PublishHook, sns_config
from tests.integration.sqlite_helpers import PHONE, book, slot

SECOND = timedelta(seconds=1)
POLICY = RetryPolicy(max_attempts=3, first_delay=timedelta(seconds=30), factor=2.0, max_delay=timedelta(hours=1))


@pytest.fixture(scope="module")
def moto() -> Iterator[MotoServer]:
    with MotoServer.running() as server:
        yield server


@pytest.fixture
def hook(moto: MotoServer) -> PublishHook:
    moto.reset()
    return PublishHook()


@pytest.fixture
def sender(moto: MotoServer, hook: PublishHook) -> Iterator[SnsSmsSender]:
    # Two publish attempts per send: the sender's own quick retries, inside the outbox's slow ones.
    sender = SnsSmsSender(sns_config(moto.endpoint).model_copy(update={"max_attempts": 2}), session=hook.session())
    yield sender
    sender.close()


@pytest.fixture
def db(tmp_path: Path) -> SqliteDatabase:
    return SqliteDatabase(tmp_path / "slotline.db")


@pytest.fixture
def outbox(db: SqliteDatabase) -> SqliteOutbox:
    return SqliteOutbox(db)


@pytest.fixture
def ledger(db: SqliteDatabase) -> SqliteSlotLedger:
    return SqliteSlotLedger(db, clock=FixedClock(NOW))


def dispatcher_at(at: datetime, outbox: SqliteOutbox, sender: SnsSmsSender) -> OutboxDispatcher:
    """A dispatcher whose clock is pinned at `at`: moving time on is making the next one."""
    return OutboxDispatcher(outbox, sender, FixedClock(at), POLICY)


async def only(outbox: SqliteOutbox) -> OutboxMessage:
    [message] = await outbox.all()
    return message


async def test_a_booked_confirmation_goes_from_pending_to_sent(
    moto: MotoServer, ledger: SqliteSlotLedger, outbox: SqliteOutbox, sender: SnsSmsSender
) -> None:
    await book(ledger, slot(10), "a1")
    assert (await only(outbox)).status is OutboxStatus.PENDING

    report = await dispatcher_at(NOW, outbox, sender).dispatch_due()

    [sms] = moto.sms()
    sent = await only(outbox)
    assert report == DispatchReport(sent=1)
    assert sms == PublishedSms(PHONE.e164, "text for confirm-a1", sent.provider_id or "")
    assert (sent.status, sent.attempts, sent.last_error) == (OutboxStatus.SENT, 1, None)
    assert await dispatcher_at(NOW + SECOND, outbox, sender).dispatch_due() == DispatchReport()
    assert len(moto.sms()) == 1


async def test_a_lasting_outage_backs_off_then_leaves_a_dead_letter(
    moto: MotoServer, ledger: SqliteSlotLedger, outbox: SqliteOutbox, sender: SnsSmsSender, hook: PublishHook
) -> None:
    await book(ledger, slot(10), "a1")
    hook.fail_always(THROTTLING)

    first = await dispatcher_at(NOW, outbox, sender).dispatch_due()
    waiting = await only(outbox)
    too_early = await dispatcher_at(NOW + 29 * SECOND, outbox, sender).dispatch_due()
    second = await dispatcher_at(NOW + 30 * SECOND, outbox, sender).dispatch_due()
    backing_off = await only(outbox)
    third = await dispatcher_at(NOW + 90 * SECOND, outbox, sender).dispatch_due()

    assert (first, too_early, second, third) == (
        DispatchReport(retrying=1),
        DispatchReport(),
        DispatchReport(retrying=1),
        DispatchReport(dead=1),
    )
    assert (waiting.attempts, waiting.next_attempt_at) == (1, NOW + 30 * SECOND)
    assert (backing_off.attempts, backing_off.next_attempt_at) == (2, NOW + 90 * SECOND)
    dead = await only(outbox)
    assert (dead.status, dead.attempts) == (OutboxStatus.DEAD, 3)
    assert dead.last_error == "SNS Throttling (HTTP 400): Rate exceeded (after 2 attempts)"
    assert hook.attempts == 6  # 3 outbox attempts x 2 publish attempts each

    hook.fail_always(None)
    assert await dispatcher_at(NOW + timedelta(days=1), outbox, sender).dispatch_due() == DispatchReport()
    assert moto.sms() == []


async def test_a_text_that_fails_for_good_leaves_the_booking_confirmed(
    moto: MotoServer, ledger: SqliteSlotLedger, outbox: SqliteOutbox, sender: SnsSmsSender, hook: PublishHook
) -> None:
    booked = await book(ledger, slot(10), "a1")
    hook.fail_always(OPTED_OUT)

    report = await dispatcher_at(NOW, outbox, sender).dispatch_due()

    assert report == DispatchReport(dead=1)
    assert await ledger.get(booked.id) == booked
    assert [a.status for a in await ledger.for_customer(PHONE)] == [AppointmentStatus.CONFIRMED]
    dead = await only(outbox)
    assert (dead.status, dead.attempts) == (OutboxStatus.DEAD, 1)
    assert dead.last_error == "SNS OptedOut (HTTP 400): Phone number is opted out"
    assert (hook.attempts, moto.sms()) == (1, [])


class Observed:
    """A dispatcher wrapper that lets a test wait for the runner's rounds instead of polling."""

    def __init__(self, inner: OutboxDispatcher) -> None:
        self._inner = inner
        self.idle = asyncio.Event()  # a round found nothing to do
        self.sent = asyncio.Event()  # a round sent something

    async def dispatch_due(self, limit: int = 100) -> DispatchReport:
        report = await self._inner.dispatch_due(limit)
        (self.sent if report.sent else self.idle).set()
        return report


async def test_the_runner_sends_a_confirmation_as_soon_as_it_is_poked(
    moto: MotoServer, ledger: SqliteSlotLedger, outbox: SqliteOutbox, sender: SnsSmsSender
) -> None:
    dispatcher = Observed(dispatcher_at(NOW, outbox, sender))
    runner = OutboxRunner(dispatcher, interval_seconds=3600)
    stop = asyncio.Event()
    running = asyncio.create_task(runner.run_until(stop))
    async with asyncio.timeout(5):
        await dispatcher.idle.wait()  # the first round found nothing; the runner now waits an hour or for a poke

        await book(ledger, slot(10), "a1")
        runner.poke()
        await dispatcher.sent.wait()
        stop.set()
        await running

    assert (await only(outbox)).status is OutboxStatus.SENT
    assert [s.message for s in moto.sms()] == ["text for confirm-a1"]
