"""HoldSlot on fakes: a hold keeps a slot for one caller while the booking is read back."""

from __future__ import annotations

from datetime import timedelta

import pytest

from slotline.domain.errors import SlotNoLongerAvailable, TooShortNotice
from slotline.domain.time_window import TimeWindow
from tests.factories import NOW
from tests.unit.fakes_app import FakesApp, at


async def test_a_hold_reserves_the_slot_for_the_policys_time() -> None:
    app = FakesApp()

    hold = await app.hold(app.slot(at(26, 10)), key="call-1/hold")

    assert hold.slot == app.slot(at(26, 10)) and hold.expires_at == NOW + app.catalogue.policy.hold_ttl
    assert hold.occupied == TimeWindow(at(26, 10), at(26, 10, 40))  # the haircut's ten minutes after
    assert await app.ledger.live_holds([hold.slot.staff_id], hold.occupied, NOW) == [hold]


async def test_a_second_caller_cannot_hold_an_overlapping_slot_until_it_is_released() -> None:
    app = FakesApp()
    first = await app.hold(app.slot(at(26, 10)), key="call-1/hold")

    with pytest.raises(SlotNoLongerAvailable):
        await app.hold(app.slot(at(26, 10, 30)), key="call-2/hold")
    await app.hold.release(first)

    assert (await app.hold(app.slot(at(26, 10, 30)), key="call-2/hold")).slot == app.slot(at(26, 10, 30))


async def test_too_short_notice_is_refused() -> None:
    app = FakesApp()

    with pytest.raises(TooShortNotice):
        await app.hold(app.slot(NOW + timedelta(minutes=30)), key="call-1/hold")

    assert await app.ledger.live_holds([app.slot(at(26, 10)).staff_id], TimeWindow(NOW, at(27, 0)), NOW) == []


async def test_a_move_may_hold_time_its_own_appointment_takes() -> None:
    app = FakesApp()
    booked = await app.booked(app.slot(at(26, 10)), key="call-1")

    hold = await app.hold(app.slot(at(26, 10, 30)), key="call-2/hold", moving=booked)

    assert hold.slot.window.start == at(26, 10, 30)
    with pytest.raises(SlotNoLongerAvailable):
        await app.hold(app.slot(at(26, 9, 30)), key="call-3/hold")  # without `moving`, the booking is in the way
