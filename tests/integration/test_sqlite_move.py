"""SqliteSlotLedger.move: one record changes in place, atomically, with its messages."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from slotline.application.errors import AppointmentNotFound, HoldExpired
from slotline.domain.appointment import Hold
from slotline.domain.errors import SlotNoLongerAvailable
from slotline.domain.slot import Slot
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.sqlite import SqliteDatabase, SqliteOutbox, SqliteSlotLedger
from tests.factories import NOW
from tests.integration.sqlite_helpers import HOLD_FOR, OTHER_PHONE, book, message, occupied, slot


@pytest.fixture
def db(tmp_path: Path) -> SqliteDatabase:
    return SqliteDatabase(tmp_path / "slotline.db")


@pytest.fixture
def ledger(db: SqliteDatabase) -> SqliteSlotLedger:
    return SqliteSlotLedger(db, FixedClock(NOW))


async def _move(ledger: SqliteSlotLedger, appointment_id: str, to: Slot, key: str, hold_id: str | None = None) -> None:
    await ledger.move(
        appointment_id, to, occupied(to), key=key, now=NOW, hold_id=hold_id, outbox=[message(f"moved-{key}")]
    )


def _hold_task(ledger: SqliteSlotLedger, target: Slot, key: str) -> asyncio.Task[Hold]:
    return asyncio.create_task(ledger.hold(target, occupied(target), key=key, now=NOW, expires_at=NOW + HOLD_FOR))


async def test_a_move_changes_the_one_record_and_frees_the_old_time(db: SqliteDatabase) -> None:
    ledger = SqliteSlotLedger(db, FixedClock(NOW))
    await book(ledger, slot(10), "a1")

    moved = await ledger.move(
        "a1", slot(14, staff="alex"), occupied(slot(14)), key="m1", now=NOW, hold_id=None, outbox=[]
    )

    assert moved.id == "a1"
    assert (moved.window, moved.staff_id) == (slot(14).window, "alex")
    assert await ledger.all() == [moved]
    await book(ledger, slot(10), "a2", phone=OTHER_PHONE)


async def test_a_move_may_overlap_its_own_old_time(ledger: SqliteSlotLedger) -> None:
    await book(ledger, slot(10), "a1")

    await _move(ledger, "a1", slot(10, 15), "m1")

    assert (await ledger.get("a1")).window == slot(10, 15).window


async def test_a_hold_for_moving_an_appointment_is_not_blocked_by_that_appointment(ledger: SqliteSlotLedger) -> None:
    await book(ledger, slot(10), "a1")  # occupied 10:00-10:40
    await book(ledger, slot(11), "a2", phone=OTHER_PHONE)  # occupied 11:00-11:40
    target = slot(10, 15)
    with pytest.raises(SlotNoLongerAvailable):
        await ledger.hold(target, occupied(target), key="h0", now=NOW, expires_at=NOW + HOLD_FOR)
    with pytest.raises(SlotNoLongerAvailable):  # replacing a1 does not make a2's time free
        await ledger.hold(slot(11), occupied(slot(11)), key="h1", now=NOW, expires_at=NOW + HOLD_FOR, replacing="a1")

    hold = await ledger.hold(target, occupied(target), key="h2", now=NOW, expires_at=NOW + HOLD_FOR, replacing="a1")
    with pytest.raises(SlotNoLongerAvailable):
        await ledger.hold(target, occupied(target), key="h3", now=NOW, expires_at=NOW + HOLD_FOR, replacing="a2")
    await _move(ledger, "a1", target, "m1", hold_id=hold.id)

    assert (await ledger.get("a1")).window == target.window


async def test_a_move_consumes_the_movers_hold_which_kept_others_out(ledger: SqliteSlotLedger) -> None:
    await book(ledger, slot(10), "a1")
    hold = await ledger.hold(slot(15), occupied(slot(15)), key="h1", now=NOW, expires_at=NOW + HOLD_FOR)
    with pytest.raises(SlotNoLongerAvailable):
        await ledger.hold(slot(15), occupied(slot(15)), key="h2", now=NOW, expires_at=NOW + HOLD_FOR)

    await _move(ledger, "a1", slot(15), "m1", hold_id=hold.id)

    assert (await ledger.get("a1")).window == slot(15).window
    with pytest.raises(HoldExpired):
        await _move(ledger, "a1", slot(16), "m2", hold_id=hold.id)


async def test_a_move_onto_someone_else_changes_nothing(db: SqliteDatabase) -> None:
    ledger = SqliteSlotLedger(db, FixedClock(NOW))
    before = await book(ledger, slot(10), "a1")
    await book(ledger, slot(14), "a2", phone=OTHER_PHONE)

    with pytest.raises(SlotNoLongerAvailable):
        await _move(ledger, "a1", slot(14, 20), "m1")

    assert await ledger.get("a1") == before
    assert [m.dedupe_key for m in await SqliteOutbox(db).all()] == ["confirm-a1", "confirm-a2"]


async def test_the_same_move_key_twice_moves_and_enqueues_once(db: SqliteDatabase) -> None:
    ledger = SqliteSlotLedger(db, FixedClock(NOW))
    await book(ledger, slot(10), "a1")

    await _move(ledger, "a1", slot(14), "m1")
    await ledger.move("a1", slot(16), occupied(slot(16)), key="m1", now=NOW, hold_id=None, outbox=[message("x")])

    assert (await ledger.get("a1")).window == slot(14).window
    assert [m.dedupe_key for m in await SqliteOutbox(db).all()] == ["confirm-a1", "moved-m1"]


async def test_unknown_or_cancelled_appointments_cannot_move(ledger: SqliteSlotLedger) -> None:
    await book(ledger, slot(10), "a1")
    await ledger.cancel("a1", key="c1", outbox=[])

    with pytest.raises(AppointmentNotFound):
        await _move(ledger, "a1", slot(14), "m1")
    with pytest.raises(AppointmentNotFound):
        await _move(ledger, "nope", slot(14), "m2")


async def test_a_concurrent_hold_on_the_new_time_loses_or_wins_whole(ledger: SqliteSlotLedger) -> None:
    """Race a move against another caller's hold on the target time: exactly one gets it, never both."""
    for round_ in range(8):
        start_hour = 2 + 2 * round_  # rounds two hours apart never meet
        appointment_id = f"a{round_}"
        await book(ledger, slot(start_hour, staff="alex"), appointment_id)
        target = slot(start_hour, 45, staff="alex")
        hold_first = round_ % 2 == 1  # alternate who starts
        holding = _hold_task(ledger, target, f"h{round_}") if hold_first else None
        moving = asyncio.create_task(_move(ledger, appointment_id, target, f"m{round_}"))
        holding = holding or _hold_task(ledger, target, f"h{round_}")
        await asyncio.wait([moving, holding])

        move_error, hold_error = moving.exception(), holding.exception()
        assert (move_error is None) != (hold_error is None)
        assert isinstance(move_error or hold_error, SlotNoLongerAvailable)
        assert ((await ledger.get(appointment_id)).window == target.window) == (move_error is None)
