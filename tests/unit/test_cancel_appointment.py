"""CancelAppointment on fakes: the calendar first, then the ledger with its text; nothing if the calendar is down."""

from __future__ import annotations

import pytest

from slotline.application.errors import CalendarUnavailable
from slotline.domain.appointment import AppointmentStatus
from tests.unit.fakes_app import FakesApp, at


async def test_a_cancelled_booking_frees_its_time_and_queues_a_text() -> None:
    app = FakesApp()
    booked = await app.booked(app.slot(at(26, 10)), key="call-1")

    cancelled = await app.cancel(booked, key="call-2/cancel")

    assert cancelled == booked.cancelled()
    assert app.calendar.events() == []
    assert await app.ledger.get(booked.id) == cancelled
    assert "your haircut on Thu Nov 26 at 10 AM is cancelled" in (await app.outbox.all())[-1].body
    assert (await app.hold(app.slot(at(26, 10)), key="call-3/hold")).slot == booked.slot


async def test_nothing_changes_while_the_calendar_is_down() -> None:
    app = FakesApp()
    booked = await app.booked(app.slot(at(26, 10)), key="call-1")
    app.calendar.fail_with(CalendarUnavailable("Graph answers 503"))

    with pytest.raises(CalendarUnavailable):
        await app.cancel(booked, key="call-2/cancel")

    assert await app.ledger.get(booked.id) == booked
    assert len(await app.outbox.all()) == 2  # the booking's text and its reminder, untouched


async def test_a_booking_made_by_hand_is_adopted_then_cancelled() -> None:
    app = FakesApp()
    by_hand = app.hand_booking(app.slot(at(26, 10)))

    cancelled = await app.cancel(by_hand, key="call-1/cancel")

    assert cancelled.status is AppointmentStatus.CANCELLED
    assert [a.id for a in await app.ledger.all()] == [by_hand.id]
    assert app.calendar.events() == []
