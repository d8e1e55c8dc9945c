"""SqliteSlotLedger holds: one live hold per time, expiry, and booking with or against a hold."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from slotline.application.errors import HoldExpired
from slotline.domain.errors import SlotNoLongerAvailable
from slotline.domain.ids import StaffId
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.sqlite import SqliteDatabase, SqliteOutbox, SqliteSlotLedger
from tests.factories import NOW
from tests.integration.sqlite_helpers import HOLD_FOR, OTHER_PHONE, at, book, occupied, slot

SAM = StaffId("sam")
LATER = NOW + HOLD_FOR + timedelta(seconds=1)


@pytest.fixture
def db(tmp_path: Path) -> SqliteDatabase:
    return SqliteDatabase(tmp_path / "slotline.db")


@pytest.fixture
def ledger(db: SqliteDatabase) -> SqliteSlotLedger:
    return SqliteSlotLedger(db, FixedClock(NOW))


async def test_a_hold_reads_back_and_its_key_returns_it(ledger: SqliteSlotLedger) -> None:
    s = slot(10)
    hold = await ledger.hold(s, occupied(s), key="k1", now=NOW, expires_at=NOW + HOLD_FOR)
    again = await ledger.hold(s, occupied(s), key="k1", now=NOW, expires_at=NOW + HOLD_FOR)

    assert again == hold
    assert (hold.slot, hold.occupied, hold.expires_at, hold.key) == (s, occupied(s), NOW + HOLD_FOR, "k1")
    assert await ledger.live_holds([SAM], TimeWindow(at(9), at(12)), NOW) == [hold]


async def test_two_live_holds_on_the_same_time_are_refused(ledger: SqliteSlotLedger) -> None:
    await ledger.hold(slot(10), occupied(slot(10)), key="k1", now=NOW, expires_at=NOW + HOLD_FOR)
    overlapping = slot(10, 30, service="consultation")  # starts in the first hold's buffer (occupied 10:25-11:20)

    with pytest.raises(SlotNoLongerAvailable):
        await ledger.hold(slot(10), occupied(slot(10)), key="k2", now=NOW, expires_at=NOW + HOLD_FOR)
    with pytest.raises(SlotNoLongerAvailable):
        await ledger.hold(overlapping, occupied(overlapping), key="k3", now=NOW, expires_at=NOW + HOLD_FOR)
    await ledger.hold(slot(10, staff="alex"), occupied(slot(10)), key="k4", now=NOW, expires_at=NOW + HOLD_FOR)


async def test_an_expired_hold_no_longer_blocks_and_is_not_listed(ledger: SqliteSlotLedger) -> None:
    old = await ledger.hold(slot(10), occupied(slot(10)), key="k1", now=NOW, expires_at=NOW + HOLD_FOR)

    new = await ledger.hold(slot(10), occupied(slot(10)), key="k2", now=LATER, expires_at=LATER + HOLD_FOR)

    assert await ledger.live_holds([SAM], TimeWindow(at(9), at(12)), LATER) == [new]
    assert old.id != new.id


async def test_a_lapsed_key_reserves_afresh(ledger: SqliteSlotLedger) -> None:
    old = await ledger.hold(slot(10), occupied(slot(10)), key="k1", now=NOW, expires_at=NOW + HOLD_FOR)

    new = await ledger.hold(slot(10), occupied(slot(10)), key="k1", now=LATER, expires_at=LATER + HOLD_FOR)

    assert new.id != old.id
    assert new.expires_at == LATER + HOLD_FOR


async def test_release_frees_the_time_and_is_idempotent(ledger: SqliteSlotLedger) -> None:
    hold = await ledger.hold(slot(10), occupied(slot(10)), key="k1", now=NOW, expires_at=NOW + HOLD_FOR)

    await ledger.release(hold.id)
    await ledger.release(hold.id)

    await ledger.hold(slot(10), occupied(slot(10)), key="k2", now=NOW, expires_at=NOW + HOLD_FOR)


async def test_booking_consumes_its_own_hold(ledger: SqliteSlotLedger) -> None:
    hold = await ledger.hold(slot(10), occupied(slot(10)), key="k1", now=NOW, expires_at=NOW + HOLD_FOR)

    booked = await book(ledger, slot(10), "a1", hold_id=hold.id)

    assert booked.window == slot(10).window
    assert await ledger.live_holds([SAM], TimeWindow(at(9), at(12)), NOW) == []


async def test_booking_over_someone_elses_live_hold_is_refused(db: SqliteDatabase) -> None:
    ledger = SqliteSlotLedger(db, FixedClock(NOW))
    await ledger.hold(slot(10), occupied(slot(10)), key="k1", now=NOW, expires_at=NOW + HOLD_FOR)

    with pytest.raises(SlotNoLongerAvailable):
        await book(ledger, slot(10), "a1", phone=OTHER_PHONE)
    assert await ledger.all() == []
    assert await SqliteOutbox(db).all() == []


async def test_booking_over_someone_elses_expired_hold_is_fine(ledger: SqliteSlotLedger) -> None:
    await ledger.hold(slot(10), occupied(slot(10)), key="k1", now=NOW, expires_at=NOW + HOLD_FOR)

    await book(ledger, slot(10), "a1", now=LATER)


async def test_booking_with_an_expired_or_unknown_hold_raises_hold_expired(ledger: SqliteSlotLedger) -> None:
    hold = await ledger.hold(slot(10), occupied(slot(10)), key="k1", now=NOW, expires_at=NOW + HOLD_FOR)

    with pytest.raises(HoldExpired):
        await book(ledger, slot(10), "a1", hold_id=hold.id, now=LATER)
    with pytest.raises(HoldExpired):
        await book(ledger, slot(10), "a2", hold_id="no-such-hold")
    assert await ledger.all() == []


async def test_a_hold_over_a_live_booking_is_refused(ledger: SqliteSlotLedger) -> None:
    await book(ledger, slot(10), "a1")

    with pytest.raises(SlotNoLongerAvailable):
        await ledger.hold(slot(10, 20), occupied(slot(10, 20)), key="k1", now=NOW, expires_at=NOW + HOLD_FOR)
