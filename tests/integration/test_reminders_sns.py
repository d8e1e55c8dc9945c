"""Reminders end to end on the real use cases, SQLite or PostgreSQL, and SNS (a moto server), with a pinned clock
across the US fall-back (Sunday 1 November 2026, 02:00 EDT -> 01:00 EST).

The business reminds 48 hours before: for Monday 2 November 09:00 EST that is Saturday 31 October 10:00 EDT on the
wall clock, exactly 48 elapsed hours earlier.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from slotline.application.outbox_dispatcher import DispatchReport, OutboxDispatcher
from slotline.application.ports import CalendarGateway, OutboxMessage, OutboxStatus, SlotLedger
from slotline.application.ports.outbox import Outbox
from slotline.application.texts import ConfirmationTexts
from slotline.application.use_cases.book_appointment import BookAppointment
from slotline.application.use_cases.cancel_appointment import CancelAppointment
from slotline.application.use_cases.find_availability import FindAvailability
from slotline.application.use_cases.hold_slot import HoldSlot
from slotline.application.use_cases.reschedule_appointment import RescheduleAppointment
from slotline.domain.appointment import Appointment, Customer
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.reminders import ReminderPolicy
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.aws.sns_sms_sender import SnsSmsSender
from slotline.infrastructure.outbox_runner import OutboxRunner
from slotline.infrastructure.postgres.adapters import (
    PostgresCalendarGateway,
    PostgresDatabase,
    PostgresOutbox,
    PostgresSlotLedger,
)
from slotline.infrastructure.sqlite import SqliteCalendarGateway, SqliteDatabase, SqliteOutbox, SqliteSlotLedger
from slotline.testing.fakes import SettableClock
from tests.factories import NEW_YORK, sample_catalogue
from tests.integration.sns_moto import MotoServer, PublishedSms, sns_config
from tests.postgres_helpers import settings

CATALOGUE = replace(sample_catalogue(), reminders=ReminderPolicy(before=(timedelta(hours=48),)))
CALLER = PhoneNumber("+12125550123")
SECOND = timedelta(seconds=1)


def ny(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=NEW_YORK)


BOOKED_AT = ny(10, 29, 12)  # Thursday, EDT
MONDAY_9 = ny(11, 2, 9)  # EST
REMINDER_AT = ny(10, 31, 10)  # Saturday, EDT: 48 elapsed hours before MONDAY_9


def haircut(start: datetime) -> Slot:
    return Slot(TimeWindow.starting(start, timedelta(minutes=30)), StaffId("sam"), ServiceId("haircut"))


@dataclass
class Business:
    """The real use cases over one storage backend, a pinned clock, and a dispatcher sending through SNS."""

    clock: SettableClock
    ledger: SlotLedger
    outbox: Outbox
    calendar: CalendarGateway
    sender: SnsSmsSender
    moto: MotoServer

    def __post_init__(self) -> None:
        texts = ConfirmationTexts(CATALOGUE)
        c, clock = CATALOGUE, self.clock
        self.availability = FindAvailability(c, self.calendar, self.ledger, clock)
        self.hold = HoldSlot(c, self.ledger, self.availability, clock)
        self.book = BookAppointment(c, self.calendar, self.ledger, self.availability, texts, clock)
        self.reschedule = RescheduleAppointment(c, self.calendar, self.ledger, self.availability, texts, clock)
        self.cancel = CancelAppointment(c, self.calendar, self.ledger, texts, clock)

    def dispatcher(self, outbox: Outbox | None = None) -> OutboxDispatcher:
        return OutboxDispatcher(outbox or self.outbox, self.sender, self.clock)

    async def booked(self, start: datetime, key: str) -> Appointment:
        hold = await self.hold(haircut(start), key=f"{key}/hold")
        return await self.book(hold, Customer(CALLER, "Dana Scully"), key=key)

    async def moved(self, appointment: Appointment, start: datetime, key: str) -> Appointment:
        hold = await self.hold(haircut(start), key=f"{key}/hold", moving=appointment)
        return await self.reschedule(appointment, hold, key=key)

    async def dispatch_at(self, at: datetime) -> DispatchReport:
        self.clock.set(at)
        return await self.dispatcher().dispatch_due()

    def reminders_sent(self) -> list[PublishedSms]:
        return [sms for sms in self.moto.sms() if "a reminder of your" in sms.message]


@pytest.fixture(scope="module")
def moto() -> Iterator[MotoServer]:
    with MotoServer.running() as server:
        yield server


@pytest.fixture
def sender(moto: MotoServer) -> Iterator[SnsSmsSender]:
    moto.reset()
    sender = SnsSmsSender(sns_config(moto.endpoint))
    yield sender
    sender.close()


@pytest.fixture(params=["sqlite", "postgres"])
def storage(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def business(
    storage: str, tmp_path: Path, request: pytest.FixtureRequest, sender: SnsSmsSender, moto: MotoServer
) -> AsyncIterator[Business]:
    clock = SettableClock(BOOKED_AT)
    if storage == "sqlite":
        db = SqliteDatabase(tmp_path / "slotline.db")
        yield Business(
            clock, SqliteSlotLedger(db, clock), SqliteOutbox(db), SqliteCalendarGateway(db, clock), sender, moto
        )
        return
    pg: PostgresDatabase = request.getfixturevalue("postgres")
    yield Business(
        clock, PostgresSlotLedger(pg, clock), PostgresOutbox(pg), PostgresCalendarGateway(pg, clock), sender, moto
    )


def second_outbox(storage: str, business: Business, tmp_path: Path, request: pytest.FixtureRequest) -> Outbox:
    """The same outbox through a database handle of its own, as another worker process has."""
    if storage == "sqlite":
        return SqliteOutbox(SqliteDatabase(tmp_path / "slotline.db"))
    other = PostgresDatabase(settings(request.getfixturevalue("postgres_dsn")))
    request.addfinalizer(other.close)
    return PostgresOutbox(other)


async def test_booked_then_reminded_once_at_the_right_instant_across_the_dst_change(business: Business) -> None:
    booked = await business.booked(MONDAY_9, "call-1")
    assert await business.dispatch_at(BOOKED_AT) == DispatchReport(sent=1)  # the confirmation only
    (scheduled,) = [m for m in await business.outbox.all() if m.is_reminder]
    assert (scheduled.due_at, scheduled.reminder_for) == (REMINDER_AT, booked.id)
    assert REMINDER_AT.astimezone(UTC) == datetime(2026, 10, 31, 14, tzinfo=UTC)  # 10:00 EDT

    assert (await business.dispatch_at(REMINDER_AT - SECOND)).sent == 0
    assert (await business.dispatch_at(REMINDER_AT)).sent == 1
    for later in (REMINDER_AT + SECOND, ny(11, 1, 12), MONDAY_9 + timedelta(hours=2)):
        assert (await business.dispatch_at(later)).sent == 0

    (sms,) = business.reminders_sent()
    assert sms.phone_number == CALLER.e164
    assert sms.message == (
        "Maple Street Clinic: a reminder of your haircut with Sam Rivera on Mon Nov 2 at 9 AM. "
        "To change it, call +12125550100."
    )


async def test_rescheduled_then_reminded_for_the_new_time_only(business: Business) -> None:
    booked = await business.booked(MONDAY_9, "call-1")
    business.clock.set(ny(10, 30, 9))
    await business.moved(booked, ny(11, 3, 10), "call-2")  # Tuesday 10:00 EST: reminded Sunday 10:00 EST

    for at in (BOOKED_AT, REMINDER_AT, ny(11, 1, 10) - SECOND):
        await business.dispatch_at(at)
    assert business.reminders_sent() == []
    await business.dispatch_at(ny(11, 1, 10))
    await business.dispatch_at(ny(11, 3, 12))

    (sms,) = business.reminders_sent()
    assert "on Tue Nov 3 at 10 AM" in sms.message


async def test_cancelled_never_reminded(business: Business) -> None:
    booked = await business.booked(MONDAY_9, "call-1")
    business.clock.set(ny(10, 30, 9))
    await business.cancel(booked, key="call-2/cancel")

    for at in (ny(10, 30, 9), REMINDER_AT, MONDAY_9):
        await business.dispatch_at(at)

    assert business.reminders_sent() == []
    assert [m.status for m in await business.outbox.all()] == [OutboxStatus.SENT, OutboxStatus.SENT]
    assert len(business.moto.sms()) == 2  # booked, cancelled


async def test_booked_inside_the_offset_gets_no_reminder(business: Business) -> None:
    business.clock.set(REMINDER_AT + SECOND)
    await business.booked(MONDAY_9, "call-1")

    assert [m for m in await business.outbox.all() if m.is_reminder] == []
    await business.dispatch_at(MONDAY_9 - SECOND)
    assert business.reminders_sent() == []


class _MovesAfterClaim:
    """The real outbox, except that the moment a reminder's claim commits, the booking is moved (by the real
    use case): the dispatcher holds a claimed reminder whose appointment changed before it could send."""

    def __init__(self, inner: Outbox, business: Business, appointment: Appointment) -> None:
        self._inner = inner
        self._business = business
        self._appointment = appointment

    async def due(self, now: datetime, limit: int) -> list[OutboxMessage]:
        return await self._inner.due(now, limit)

    async def claim(self, message_id: str, now: datetime, until: datetime) -> bool:
        claimed = await self._inner.claim(message_id, now, until)
        if claimed:
            await self._business.moved(self._appointment, ny(11, 3, 10), "call-2")
        return claimed

    async def mark_sent(self, message_id: str, provider_id: str, now: datetime) -> None:
        await self._inner.mark_sent(message_id, provider_id, now)

    async def mark_failed(self, message_id: str, error: str, *, retry_at: datetime | None, now: datetime) -> None:
        await self._inner.mark_failed(message_id, error, retry_at=retry_at, now=now)

    async def give_up(self, message_id: str, error: str, *, max_attempts: int, now: datetime) -> bool:
        return await self._inner.give_up(message_id, error, max_attempts=max_attempts, now=now)

    async def reminded_appointment(self, message_id: str) -> Appointment | None:
        return await self._inner.reminded_appointment(message_id)


async def test_claimed_then_moved_is_not_sent(business: Business) -> None:
    booked = await business.booked(MONDAY_9, "call-1")
    await business.dispatch_at(BOOKED_AT)
    business.clock.set(REMINDER_AT)

    report = await OutboxDispatcher(
        _MovesAfterClaim(business.outbox, business, booked), business.sender, business.clock
    ).dispatch_due()

    assert report == DispatchReport(withdrawn=1)
    assert business.reminders_sent() == []
    (new,) = [m for m in await business.outbox.all() if m.is_reminder]
    assert new.due_at == ny(11, 1, 10)  # the new time's reminder, waiting for its own time


async def test_a_reminder_not_sent_before_the_appointment_is_dead_as_too_late(business: Business) -> None:
    """Dispatchers were down from before the reminder's time until the appointment began."""
    await business.booked(MONDAY_9, "call-1")
    await business.dispatch_at(BOOKED_AT)

    assert await business.dispatch_at(MONDAY_9 + SECOND) == DispatchReport(dead=1)

    assert business.reminders_sent() == []
    (dead,) = await business.outbox.all(OutboxStatus.DEAD)
    assert dead.is_reminder and dead.last_error == "too late: the appointment has begun"


async def test_two_dispatchers_at_once_send_a_reminder_once(
    business: Business, storage: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    await business.booked(MONDAY_9, "call-1")
    await business.dispatch_at(BOOKED_AT)
    business.clock.set(REMINDER_AT)
    other = business.dispatcher(second_outbox(storage, business, tmp_path, request))

    reports: Sequence[DispatchReport] = await asyncio.gather(business.dispatcher().dispatch_due(), other.dispatch_due())

    assert sorted(r.sent for r in reports) == [0, 1]
    assert len(business.reminders_sent()) == 1


async def test_the_running_outbox_runner_sends_a_reminder_once_its_time_comes(business: Business) -> None:
    """What `serve` and `outbox dispatch --loop` run: a round every interval, so a reminder goes within one of its
    time (here the interval is 50 ms and the pinned clock is moved to the reminder's time while it runs)."""
    await business.booked(MONDAY_9, "call-1")
    business.clock.set(REMINDER_AT - SECOND)
    stop = asyncio.Event()
    runner = OutboxRunner(business.dispatcher(), 0.05)
    running = asyncio.create_task(runner.run_until(stop))
    try:
        for _ in range(100):
            await asyncio.sleep(0.05)
            if business.moto.sms():
                break
        assert len(business.moto.sms()) == 1 and business.reminders_sent() == []  # the confirmation only
        business.clock.set(REMINDER_AT)
        for _ in range(100):
            await asyncio.sleep(0.05)
            if business.reminders_sent():
                break
    finally:
        stop.set()
        await running
    assert len(business.reminders_sent()) == 1
