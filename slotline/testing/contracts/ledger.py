"""The SlotLedger contract: the double-booking guard, idempotent keys, and texts written with their booking change.

Needs pytest and pytest-asyncio (test-time only). Subclass SlotLedgerContract and override the `ledger` fixture to
return a LedgerUnderTest: your empty ledger and the Outbox its booking changes queue their texts into. Times in
these tests are whole seconds; the ledger may keep no finer time than that.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

import pytest

from slotline.application.errors import AppointmentNotFound, HoldExpired
from slotline.application.ports import Outbox, SlotLedger
from slotline.domain.appointment import Hold
from slotline.domain.errors import SlotNoLongerAvailable
from slotline.domain.ids import StaffId
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.testing.contracts.builders import appointment, message, occupied, slot
from slotline.testing.sample import NOW, OTHER_CUSTOMER, tomorrow_at

__all__ = ["LedgerUnderTest", "SlotLedgerContract"]

HOLD_FOR = timedelta(minutes=5)
STAFF = [StaffId("sam"), StaffId("alex"), StaffId("jordan")]
DAY = TimeWindow(tomorrow_at(0), tomorrow_at(23, 59))


@dataclass(frozen=True, slots=True)
class LedgerUnderTest:
    ledger: SlotLedger
    outbox: Outbox
    """Where the ledger's `book`, `move` and `cancel` queue their messages."""


async def _hold(ledger: SlotLedger, s: Slot, key: str, *, replacing: str | None = None) -> Hold:
    return await ledger.hold(s, occupied(s), key=key, now=NOW, expires_at=NOW + HOLD_FOR, replacing=replacing)


async def _dedupe_keys(outbox: Outbox) -> list[str]:
    return [m.dedupe_key for m in await outbox.all()]


class SlotLedgerContract:
    """Every SlotLedger: no two live reservations of one staff member overlap, and every write is idempotent."""

    @pytest.fixture
    def ledger(self) -> LedgerUnderTest:
        """Override: an empty ledger and the outbox it writes to."""
        pytest.fail("subclass SlotLedgerContract and override the `ledger` fixture", pytrace=False)

    @pytest.mark.asyncio
    async def test_a_hold_reserves_the_slot_for_its_key(self, ledger: LedgerUnderTest) -> None:
        """The same key returns the same hold; an overlapping hold for another key is SlotNoLongerAvailable."""
        first = await _hold(ledger.ledger, slot(10), "k1")

        assert (first.slot, first.occupied, first.expires_at, first.key) == (
            slot(10),
            occupied(slot(10)),
            NOW + HOLD_FOR,
            "k1",
        )
        assert (await _hold(ledger.ledger, slot(10), "k1")).id == first.id
        with pytest.raises(SlotNoLongerAvailable):
            await _hold(ledger.ledger, slot(10, 15), "k2")
        other_staff = await _hold(ledger.ledger, slot(10, staff="alex"), "k3")
        live = await ledger.ledger.live_holds(STAFF, DAY, NOW)
        assert sorted(live, key=lambda h: h.slot.staff_id) == [other_staff, first]

    @pytest.mark.asyncio
    async def test_buffers_are_part_of_the_reservation_and_back_to_back_is_fine(self, ledger: LedgerUnderTest) -> None:
        """The occupied window (a haircut at 10 takes Sam until 10:40) is what may not overlap; touching may."""
        await _hold(ledger.ledger, slot(10), "k1")

        with pytest.raises(SlotNoLongerAvailable):
            await _hold(ledger.ledger, slot(10, 30), "k2")
        assert (await _hold(ledger.ledger, slot(10, 40), "k3")).slot == slot(10, 40)

    @pytest.mark.asyncio
    async def test_a_lapsed_or_released_hold_blocks_nothing(self, ledger: LedgerUnderTest) -> None:
        """A hold stops counting at `expires_at`; releasing one (twice, even) frees its time at once."""
        lapsed = await _hold(ledger.ledger, slot(10), "k1")
        released = await _hold(ledger.ledger, slot(14), "k2")
        later = NOW + HOLD_FOR

        await ledger.ledger.release(released.id)
        await ledger.ledger.release(released.id)

        assert await ledger.ledger.live_holds(STAFF, DAY, later) == []
        again = await ledger.ledger.hold(slot(10), occupied(slot(10)), key="k3", now=later, expires_at=later + HOLD_FOR)
        assert again.id != lapsed.id
        assert (await _hold(ledger.ledger, slot(14), "k4")).slot == slot(14)

    @pytest.mark.asyncio
    async def test_book_consumes_the_hold_and_queues_its_texts_once(self, ledger: LedgerUnderTest) -> None:
        """A booking, its hold and its texts are one change; the same key again returns it and queues nothing."""
        hold = await _hold(ledger.ledger, slot(10), "h1")
        booked = appointment(slot(10), "a1")

        stored = await ledger.ledger.book(
            booked, occupied(slot(10)), key="b1", now=NOW, hold_id=hold.id, outbox=[message("b1/booked")]
        )
        again = await ledger.ledger.book(
            booked, occupied(slot(10)), key="b1", now=NOW, hold_id=hold.id, outbox=[message("b1/booked-again")]
        )

        assert stored == again == booked
        assert await ledger.ledger.live_holds(STAFF, DAY, NOW) == []
        assert await ledger.ledger.appointments(STAFF, DAY) == [booked]
        assert await ledger.ledger.get("a1") == booked
        assert await _dedupe_keys(ledger.outbox) == ["b1/booked"]

    @pytest.mark.asyncio
    async def test_an_overlapping_booking_is_refused_whole(self, ledger: LedgerUnderTest) -> None:
        """Over a live booking or someone's live hold, `book` is SlotNoLongerAvailable and writes nothing."""
        first = appointment(slot(10), "a1")
        await ledger.ledger.book(first, occupied(slot(10)), key="b1", now=NOW, hold_id=None, outbox=[message("b1")])
        await _hold(ledger.ledger, slot(14), "someone-else")

        for s, key in ((slot(10, 15), "b2"), (slot(14), "b3")):
            with pytest.raises(SlotNoLongerAvailable):
                await ledger.ledger.book(
                    appointment(s, key), occupied(s), key=key, now=NOW, hold_id=None, outbox=[message(key)]
                )

        assert await ledger.ledger.all() == [first]
        assert await _dedupe_keys(ledger.outbox) == ["b1"]

    @pytest.mark.asyncio
    async def test_a_lapsed_hold_cannot_be_booked(self, ledger: LedgerUnderTest) -> None:
        """Booking with a hold that has expired (or was released) is HoldExpired and writes nothing."""
        hold = await _hold(ledger.ledger, slot(10), "h1")
        late = NOW + HOLD_FOR + timedelta(seconds=1)

        with pytest.raises(HoldExpired):
            await ledger.ledger.book(
                appointment(slot(10), "a1"),
                occupied(slot(10)),
                key="b1",
                now=late,
                hold_id=hold.id,
                outbox=[message("b1")],
            )

        assert await ledger.ledger.all() == []
        assert await ledger.outbox.all() == []

    @pytest.mark.asyncio
    async def test_move_in_place_frees_the_old_time(self, ledger: LedgerUnderTest) -> None:
        """A booking moves with a hold taken for it (its own time does not block); same id, old time free."""
        booked = appointment(slot(10), "a1")
        await ledger.ledger.book(booked, occupied(slot(10)), key="b1", now=NOW, hold_id=None, outbox=[])
        hold = await _hold(ledger.ledger, slot(10, 20), "h-move", replacing="a1")

        moved = await ledger.ledger.move(
            "a1", slot(10, 20), occupied(slot(10, 20)), key="m1", now=NOW, hold_id=hold.id, outbox=[message("m1")]
        )
        again = await ledger.ledger.move(
            "a1", slot(10, 20), occupied(slot(10, 20)), key="m1", now=NOW, hold_id=hold.id, outbox=[message("m1-x")]
        )

        assert moved == again == booked.moved_to(slot(10, 20))
        assert await ledger.ledger.appointments(STAFF, DAY) == [moved]
        assert await ledger.ledger.live_holds(STAFF, DAY, NOW) == []
        assert await _dedupe_keys(ledger.outbox) == ["m1"]
        elsewhere = await ledger.ledger.move(
            "a1", slot(14, staff="alex"), occupied(slot(14, staff="alex")), key="m2", now=NOW, hold_id=None, outbox=[]
        )
        assert elsewhere.staff_id == "alex"
        assert (await _hold(ledger.ledger, slot(10), "k-new")).slot == slot(10)

    @pytest.mark.asyncio
    async def test_a_move_onto_someone_else_is_refused_whole(self, ledger: LedgerUnderTest) -> None:
        """Moving onto another live booking is SlotNoLongerAvailable; the booking stays and nothing is queued."""
        mine = appointment(slot(10), "a1")
        await ledger.ledger.book(mine, occupied(slot(10)), key="b1", now=NOW, hold_id=None, outbox=[])
        theirs = appointment(slot(14), "a2", phone=OTHER_CUSTOMER)
        await ledger.ledger.book(theirs, occupied(slot(14)), key="b2", now=NOW, hold_id=None, outbox=[])

        with pytest.raises(SlotNoLongerAvailable):
            await ledger.ledger.move(
                "a1", slot(14), occupied(slot(14)), key="m1", now=NOW, hold_id=None, outbox=[message("m1")]
            )

        assert await ledger.ledger.get("a1") == mine
        assert await ledger.outbox.all() == []

    @pytest.mark.asyncio
    async def test_cancel_frees_the_time_and_queues_once(self, ledger: LedgerUnderTest) -> None:
        """A cancelled booking keeps its record but no time; cancelling again (any key) queues nothing."""
        booked = appointment(slot(10), "a1")
        await ledger.ledger.book(booked, occupied(slot(10)), key="b1", now=NOW, hold_id=None, outbox=[])

        cancelled = await ledger.ledger.cancel("a1", key="c1", outbox=[message("c1")])
        await ledger.ledger.cancel("a1", key="c1", outbox=[message("c1-again")])
        await ledger.ledger.cancel("a1", key="c2", outbox=[message("c2")])

        assert cancelled == booked.cancelled()
        assert await ledger.ledger.get("a1") == cancelled
        assert await ledger.ledger.appointments(STAFF, DAY) == []
        assert await _dedupe_keys(ledger.outbox) == ["c1"]
        with pytest.raises(AppointmentNotFound):
            await ledger.ledger.move("a1", slot(14), occupied(slot(14)), key="m1", now=NOW, hold_id=None, outbox=[])
        rebooked = appointment(slot(10), "a2")
        assert await ledger.ledger.book(rebooked, occupied(slot(10)), key="b2", now=NOW, hold_id=None, outbox=[])

    @pytest.mark.asyncio
    async def test_an_unknown_appointment_is_appointment_not_found(self, ledger: LedgerUnderTest) -> None:
        """get, cancel, move and set_external_id of an id the ledger never saw raise AppointmentNotFound."""
        with pytest.raises(AppointmentNotFound):
            await ledger.ledger.get("nope")
        with pytest.raises(AppointmentNotFound):
            await ledger.ledger.cancel("nope", key="c1", outbox=[message("c1")])
        with pytest.raises(AppointmentNotFound):
            await ledger.ledger.move("nope", slot(10), occupied(slot(10)), key="m1", now=NOW, hold_id=None, outbox=[])
        with pytest.raises(AppointmentNotFound):
            await ledger.ledger.set_external_id("nope", "event-1")
        assert await ledger.outbox.all() == []

    @pytest.mark.asyncio
    async def test_the_external_event_id_is_kept(self, ledger: LedgerUnderTest) -> None:
        """set_external_id records which calendar event mirrors the booking."""
        booked = appointment(slot(10), "a1")
        await ledger.ledger.book(booked, occupied(slot(10)), key="b1", now=NOW, hold_id=None, outbox=[])

        await ledger.ledger.set_external_id("a1", "event-42")

        assert await ledger.ledger.get("a1") == replace(booked, external_event_id="event-42")

    @pytest.mark.asyncio
    async def test_reads_by_window_customer_and_all(self, ledger: LedgerUnderTest) -> None:
        """`appointments` are live ones whose occupied window meets the window; the others are any status."""
        late, early = appointment(slot(15), "late"), appointment(slot(10), "early")
        theirs = appointment(slot(12, staff="alex"), "theirs", phone=OTHER_CUSTOMER)
        for booked in (late, early, theirs):
            await ledger.ledger.book(
                booked, occupied(booked.slot), key=f"b-{booked.id}", now=NOW, hold_id=None, outbox=[]
            )
        gone = await ledger.ledger.cancel("late", key="c-late", outbox=[])

        assert await ledger.ledger.appointments(STAFF, DAY) == [early, theirs]
        assert await ledger.ledger.appointments([StaffId("sam")], DAY) == [early]
        in_buffer = TimeWindow(tomorrow_at(10, 35), tomorrow_at(11))  # the haircut's 10 minutes after
        assert await ledger.ledger.appointments(STAFF, in_buffer) == [early]
        assert await ledger.ledger.appointments(STAFF, TimeWindow(tomorrow_at(10, 40), tomorrow_at(11))) == []
        assert await ledger.ledger.for_customer(early.customer_phone) == [early, gone]
        assert await ledger.ledger.all() == [early, theirs, gone]
