"""SqliteSlotLedger round trips: booking, reading, external ids, cancelling, idempotency."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from slotline.application.errors import AppointmentNotFound
from slotline.domain.appointment import AppointmentStatus
from slotline.domain.errors import SlotNoLongerAvailable
from slotline.domain.ids import StaffId
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.sqlite import SqliteDatabase, SqliteOutbox, SqliteSlotLedger
from tests.factories import NOW
from tests.integration.sqlite_helpers import OTHER_PHONE, PHONE, at, book, message, occupied, slot

SAM, ALEX = StaffId("sam"), StaffId("alex")


@pytest.fixture
def db(tmp_path: Path) -> SqliteDatabase:
    return SqliteDatabase(tmp_path / "slotline.db")


@pytest.fixture
def ledger(db: SqliteDatabase) -> SqliteSlotLedger:
    return SqliteSlotLedger(db, FixedClock(NOW))


async def test_a_booking_reads_back_the_same_everywhere(ledger: SqliteSlotLedger) -> None:
    booked = await book(ledger, slot(10), "a1")

    assert booked.window == slot(10).window
    assert booked.status is AppointmentStatus.CONFIRMED
    assert await ledger.get("a1") == booked
    assert await ledger.all() == [booked]
    assert await ledger.for_customer(PHONE) == [booked]
    assert await ledger.for_customer(OTHER_PHONE) == []


async def test_appointments_returns_live_ones_of_the_asked_staff_meeting_the_window(ledger: SqliteSlotLedger) -> None:
    sams = await book(ledger, slot(10), "sam-10")
    alexs = await book(ledger, slot(10, staff="alex"), "alex-10")
    await book(ledger, slot(11), "sam-11")
    await ledger.cancel("sam-11", key="cancel-sam-11", outbox=[])
    morning = TimeWindow(at(9), at(12))

    assert await ledger.appointments([SAM], morning) == [sams]
    assert await ledger.appointments([SAM, ALEX], morning) == [alexs, sams]  # same start: by id
    assert await ledger.appointments([SAM], TimeWindow(at(14), at(15))) == []
    assert await ledger.appointments([], morning) == []


async def test_a_window_touching_only_the_buffer_still_finds_the_booking(ledger: SqliteSlotLedger) -> None:
    booked = await book(ledger, slot(10), "a1")  # 10:00-10:30, occupied until 10:40

    assert await ledger.appointments([SAM], TimeWindow(at(10, 35), at(11))) == [booked]
    assert await ledger.appointments([SAM], TimeWindow(at(10, 40), at(11))) == []


async def test_the_same_booking_key_twice_books_and_enqueues_once(db: SqliteDatabase) -> None:
    ledger = SqliteSlotLedger(db, FixedClock(NOW))
    first = await book(ledger, slot(10), "a1")
    again = await ledger.book(
        first, occupied(slot(10)), key="book-a1", now=at(8), hold_id=None, outbox=[message("another-text")]
    )

    assert again == first
    assert await ledger.all() == [first]
    assert [m.dedupe_key for m in await SqliteOutbox(db).all()] == ["confirm-a1"]


async def test_a_refused_booking_enqueues_nothing(db: SqliteDatabase) -> None:
    ledger = SqliteSlotLedger(db, FixedClock(NOW))
    await book(ledger, slot(10), "first")

    with pytest.raises(SlotNoLongerAvailable) as refused:
        await book(ledger, slot(10, 15, service="consultation"), "second", phone=OTHER_PHONE)

    assert refused.value.slot == slot(10, 15, service="consultation")
    assert [a.id for a in await ledger.all()] == ["first"]
    assert [m.dedupe_key for m in await SqliteOutbox(db).all()] == ["confirm-first"]


async def test_back_to_back_bookings_and_other_staff_are_fine(ledger: SqliteSlotLedger) -> None:
    await book(ledger, slot(10), "a1")  # occupied 10:00-10:40
    await book(ledger, slot(10, 40), "a2")
    await book(ledger, slot(10, 10, staff="alex"), "a3")

    assert len(await ledger.all()) == 3


async def test_cancel_frees_the_slot_and_enqueues_once(db: SqliteDatabase) -> None:
    ledger = SqliteSlotLedger(db, FixedClock(NOW))
    await book(ledger, slot(10), "a1")

    cancelled = await ledger.cancel("a1", key="cancel-1", outbox=[message("cancelled-a1")])
    again = await ledger.cancel("a1", key="cancel-1", outbox=[message("cancelled-a1-again")])
    other_key = await ledger.cancel("a1", key="cancel-2", outbox=[message("cancelled-a1-twice")])
    rebooked = await book(ledger, slot(10), "a2", phone=OTHER_PHONE)

    assert cancelled.status is AppointmentStatus.CANCELLED
    assert again == other_key == cancelled == await ledger.get("a1")
    assert rebooked.is_live
    assert [m.dedupe_key for m in await SqliteOutbox(db).all()] == ["confirm-a1", "cancelled-a1", "confirm-a2"]
    assert [a.status for a in await ledger.for_customer(PHONE)] == [AppointmentStatus.CANCELLED]


async def test_external_id_is_remembered(ledger: SqliteSlotLedger) -> None:
    await book(ledger, slot(10), "a1")

    await ledger.set_external_id("a1", "event-9")

    assert (await ledger.get("a1")).external_event_id == "event-9"


async def test_unknown_appointments_are_reported(ledger: SqliteSlotLedger) -> None:
    with pytest.raises(AppointmentNotFound):
        await ledger.get("nope")
    with pytest.raises(AppointmentNotFound):
        await ledger.set_external_id("nope", "event")
    with pytest.raises(AppointmentNotFound):
        await ledger.cancel("nope", key="k", outbox=[])


async def test_for_customer_lists_soonest_first(ledger: SqliteSlotLedger) -> None:
    await book(ledger, slot(15), "late")
    await book(ledger, slot(9), "early")

    assert [a.id for a in await ledger.for_customer(PHONE)] == ["early", "late"]


async def test_sub_second_times_are_kept_to_the_second_without_shrinking(ledger: SqliteSlotLedger) -> None:
    s = slot(10)
    fuzzy = TimeWindow(s.window.start + timedelta(microseconds=300), s.window.end + timedelta(microseconds=300))
    hold = await ledger.hold(s, fuzzy, key="k", now=at(8), expires_at=at(8) + timedelta(microseconds=1))

    assert hold.occupied == TimeWindow(s.window.start, s.window.end + timedelta(seconds=1))
    assert hold.expires_at == at(8) + timedelta(seconds=1)
