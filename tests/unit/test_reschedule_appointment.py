"""RescheduleAppointment on fakes: one booking moves in place, in the calendar and the ledger, with its text."""

from __future__ import annotations

import pytest

from slotline.application.errors import HoldExpired, StorageUnavailable
from slotline.domain.appointment import Appointment, AppointmentStatus
from slotline.testing.fakes import InMemorySlotLedger
from tests.unit.fakes_app import FakesApp, at


async def test_a_booking_moves_in_place_and_its_old_time_is_free() -> None:
    app = FakesApp()
    booked = await app.booked(app.slot(at(26, 10)), key="call-1")
    hold = await app.hold(app.slot(at(27, 15)), key="call-2/hold", moving=booked)

    moved = await app.reschedule(booked, hold, key="call-2/move")

    assert (moved.id, moved.window, moved.external_event_id) == (booked.id, hold.slot.window, booked.external_event_id)
    assert await app.ledger.all() == [moved]
    (event,) = app.calendar.events()
    assert event.id == booked.external_event_id and event.window == hold.slot.window
    _, moved_text = [m for m in await app.outbox.all() if not m.is_reminder]
    assert [m.due_at for m in await app.outbox.all() if m.is_reminder] == [at(26, 15)]  # the new time's only
    assert "is moved to Fri Nov 27 at 3 PM with Sam Rivera" in moved_text.body
    assert (await app.hold(app.slot(at(26, 10)), key="call-3/hold")).slot == app.slot(at(26, 10))


async def test_a_booking_made_by_hand_is_adopted_then_moved() -> None:
    app = FakesApp()
    by_hand = app.hand_booking(app.slot(at(26, 10)))
    hold = await app.hold(app.slot(at(26, 14)), key="call-1/hold", moving=by_hand)

    moved = await app.reschedule(by_hand, hold, key="call-1/move")

    assert moved.window == hold.slot.window and moved.status is AppointmentStatus.CONFIRMED
    assert [a.window for a in await app.ledger.all()] == [hold.slot.window]
    assert [e.window for e in app.calendar.events()] == [hold.slot.window]


async def test_when_the_ledger_refuses_the_calendar_event_goes_back() -> None:
    app = FakesApp()
    booked = await app.booked(app.slot(at(26, 10)), key="call-1")
    hold = await app.hold(app.slot(at(26, 14)), key="call-2/hold", moving=booked)
    await app.ledger.release(hold.id)  # reaped by another process: the ledger will refuse the move

    with pytest.raises(HoldExpired):
        await app.reschedule(booked, hold, key="call-2/move")

    assert await app.ledger.all() == [booked]
    assert [(e.id, e.window) for e in app.calendar.events()] == [(booked.external_event_id, booked.window)]
    assert len(await app.outbox.all()) == 2  # only the booking's own text and reminder


class _LedgerThatStopsWriting(InMemorySlotLedger):
    """Books fine, then its database goes away before the move is written."""

    async def move(self, *args: object, **kwargs: object) -> Appointment:
        raise StorageUnavailable("disk I/O error")


async def test_when_the_ledger_cannot_be_written_the_calendar_event_goes_back() -> None:
    app = FakesApp(ledger=_LedgerThatStopsWriting())
    booked = await app.booked(app.slot(at(26, 10)), key="call-1")
    hold = await app.hold(app.slot(at(26, 14)), key="call-2/hold", moving=booked)

    with pytest.raises(StorageUnavailable):
        await app.reschedule(booked, hold, key="call-2/move")

    assert [(e.id, e.window) for e in app.calendar.events()] == [(booked.external_event_id, booked.window)]
