"""BookAppointment on fakes: calendar event, ledger record and confirmation text, or nothing at all."""

from __future__ import annotations

import pytest

from slotline.application.errors import HoldExpired, StorageUnavailable
from slotline.domain.appointment import Appointment, AppointmentStatus, Customer
from slotline.domain.catalogue import StaffMember
from slotline.domain.errors import SlotNoLongerAvailable
from slotline.domain.ids import AppointmentId
from slotline.domain.time_window import TimeWindow
from slotline.testing.fakes import InMemoryCalendarGateway, InMemorySlotLedger
from tests.factories import NOW
from tests.unit.fakes_app import CALLER, FakesApp, at

CUSTOMER = Customer(CALLER, "Dana Scully")


async def test_books_into_the_calendar_the_ledger_and_the_outbox() -> None:
    app = FakesApp()
    hold = await app.hold(app.slot(at(26, 10)), key="call-1/hold")

    booked = await app.book(hold, CUSTOMER, key="call-1")

    (event,) = app.calendar.events()
    assert booked.external_event_id == event.id and event.window == hold.slot.window
    assert (booked.status, booked.customer_phone, booked.customer_name) == (
        AppointmentStatus.CONFIRMED,
        CALLER,
        "Dana Scully",
    )
    assert await app.ledger.all() == [booked]
    assert await app.ledger.live_holds([hold.slot.staff_id], hold.occupied, app.clock.now()) == []
    text, reminder = await app.outbox.all()
    assert (reminder.reminder_for, reminder.due_at) == (booked.id, at(25, 10))  # 24 hours before
    assert text.to == CALLER
    assert text.body == (
        "Maple Street Clinic: your haircut with Sam Rivera is booked for Thu Nov 26 at 10 AM. To change it, call +12125550100."
    )


async def test_rechecks_the_calendar_before_writing_anything() -> None:
    app = FakesApp()
    hold = await app.hold(app.slot(at(26, 10)), key="call-1/hold")
    app.calendar.add_busy(hold.slot.staff_id, TimeWindow(at(26, 10), at(26, 11)))  # Sam blocked it by hand meanwhile

    with pytest.raises(SlotNoLongerAvailable):
        await app.book(hold, CUSTOMER, key="call-1")

    assert [e.booking for e in app.calendar.events()] == [None]
    assert await app.ledger.all() == []
    assert await app.outbox.all() == []


async def test_a_lapsed_hold_books_nothing() -> None:
    app = FakesApp()
    hold = await app.hold(app.slot(at(26, 10)), key="call-1/hold")
    app.later(app.catalogue.policy.hold_ttl)

    with pytest.raises(HoldExpired):
        await app.book(hold, CUSTOMER, key="call-1")

    assert app.calendar.events() == [] and await app.ledger.all() == []


async def test_the_same_key_never_books_twice() -> None:
    app = FakesApp()
    hold = await app.hold(app.slot(at(26, 10)), key="call-1/hold")
    booked = await app.book(hold, CUSTOMER, key="call-1")

    with pytest.raises(SlotNoLongerAvailable):  # a second "yes": the slot is now taken, by this very booking
        await app.book(hold, CUSTOMER, key="call-1")

    assert len(app.calendar.events()) == 1
    assert await app.ledger.all() == [booked]
    assert len(await app.outbox.all()) == 2  # its text and its reminder


class _RacingCalendar(InMemoryCalendarGateway):
    """While slotline writes the calendar, another process books the same time into the shared ledger."""

    def __init__(self, ledger: InMemorySlotLedger) -> None:
        super().__init__()
        self.ledger = ledger

    async def create(self, appointment: Appointment, staff: StaffMember, *, idempotency_key: str) -> str:
        event_id = await super().create(appointment, staff, idempotency_key=idempotency_key)
        slot = appointment.slot
        rival = Appointment(
            AppointmentId("rival"), slot.service_id, slot.staff_id, slot.window, CALLER, AppointmentStatus.CONFIRMED
        )
        await self.ledger.book(rival, slot.window, key="rival", now=NOW, hold_id=None, outbox=[])
        return event_id


async def test_when_the_ledger_refuses_the_calendar_event_is_removed_again() -> None:
    ledger = InMemorySlotLedger()
    app = FakesApp(calendar=_RacingCalendar(ledger), ledger=ledger)
    hold = await app.hold(app.slot(at(26, 10)), key="call-1/hold")
    await app.ledger.release(hold.id)  # reaped by another process: the ledger will refuse the booking

    with pytest.raises(HoldExpired):
        await app.book(hold, CUSTOMER, key="call-1")

    assert app.calendar.events() == []
    assert [a.id for a in await app.ledger.all()] == ["rival"]
    assert await app.outbox.all() == []


class _BrokenLedger(InMemorySlotLedger):
    """A ledger whose database went away between the hold and the booking."""

    async def book(self, *args: object, **kwargs: object) -> Appointment:
        raise StorageUnavailable("disk I/O error")


async def test_when_the_ledger_cannot_be_written_the_calendar_event_is_removed_again() -> None:
    app = FakesApp(ledger=_BrokenLedger())
    hold = await app.hold(app.slot(at(26, 10)), key="call-1/hold")

    with pytest.raises(StorageUnavailable):
        await app.book(hold, CUSTOMER, key="call-1")

    assert app.calendar.events() == []  # no event in the staff calendar that the ledger does not know
    assert await app.outbox.all() == []
