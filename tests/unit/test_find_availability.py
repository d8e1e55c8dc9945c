"""FindAvailability on fakes: calendar busy time, slotline's bookings and live holds all take a slot away."""

from __future__ import annotations

from datetime import date, time

from slotline.domain.ids import ServiceId
from slotline.domain.preference import Preference
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from tests.unit.fakes_app import FakesApp, at

THURSDAY = date(2026, 11, 26)


async def _free(app: FakesApp) -> list[Slot]:
    haircut = app.catalogue.service(ServiceId("haircut"))
    return [s for s in await app.availability.slots(haircut, THURSDAY, THURSDAY) if s.staff_id == "sam"]


async def test_calendar_busy_time_is_not_offered() -> None:
    app = FakesApp()
    assert app.slot(at(26, 10)) in await _free(app)

    app.calendar.add_busy(app.slot(at(26, 10)).staff_id, TimeWindow(at(26, 10), at(26, 11)))

    free = await _free(app)
    assert app.slot(at(26, 10)) not in free and app.slot(at(26, 10, 30)) not in free
    assert app.slot(at(26, 11)) in free


async def test_bookings_and_live_holds_are_not_offered_until_the_hold_lapses() -> None:
    app = FakesApp()
    await app.booked(app.slot(at(26, 14)), key="call-1")
    await app.hold(app.slot(at(26, 15)), key="call-2/hold")

    free = await _free(app)
    assert app.slot(at(26, 14)) not in free and app.slot(at(26, 15)) not in free

    app.later(app.catalogue.policy.hold_ttl)
    free = await _free(app)
    assert app.slot(at(26, 14)) not in free and app.slot(at(26, 15)) in free


async def test_a_moving_appointment_does_not_block_itself() -> None:
    app = FakesApp()
    booked = await app.booked(app.slot(at(26, 14)), key="call-1")
    haircut = app.catalogue.service(ServiceId("haircut"))

    slots = await app.availability.slots(haircut, THURSDAY, THURSDAY, moving=booked)

    assert app.slot(at(26, 14)) in slots


async def test_offers_follow_the_callers_wishes() -> None:
    app = FakesApp()
    haircut = app.catalogue.service(ServiceId("haircut"))

    offer = await app.availability.offers(haircut, Preference(day=THURSDAY, at=time(10, 0)))

    assert offer.exact_time and offer.on_preferred_day
    assert offer.slots[0].window.start == at(26, 10)
    assert len(offer.slots) <= app.catalogue.policy.offers_per_turn
