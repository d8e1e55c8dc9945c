"""The CalendarGateway contract: what every staff-calendar adapter must do (SQLite, Microsoft Graph, yours).

Needs pytest and pytest-asyncio (test-time only). Subclass CalendarContract and override the `calendar` fixture:

    class TestMyCalendar(CalendarContract):
        @pytest.fixture
        async def calendar(self) -> AsyncIterator[CalendarUnderTest]:
            gateway = MyCalendarGateway(..., CalendarContract.catalogue)
            yield CalendarUnderTest(gateway, add_busy=..., add_hand_booking=...)

The gateway must serve the staff of `CalendarContract.catalogue` (Sam, Alex and Jordan, whose calendars are
sam@, alex@ and jordan@maple.example) and start empty. The two back doors put things in a calendar behind the
gateway's back: a plain busy block, and a booking a staff member made by hand for a customer.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

import pytest

from slotline.application.errors import EventNotFound
from slotline.application.ports import CalendarGateway
from slotline.domain.appointment import Appointment
from slotline.domain.catalogue import Catalogue, StaffMember
from slotline.domain.ids import ServiceId
from slotline.domain.phone import PhoneNumber
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.testing.contracts.builders import ALEX, CATALOGUE, JORDAN, SAM, appointment, slot
from slotline.testing.sample import CUSTOMER, NEW_YORK, NOW, OTHER_CUSTOMER, tomorrow_at

__all__ = ["CalendarContract", "CalendarUnderTest"]

DAY = TimeWindow(tomorrow_at(0), tomorrow_at(23, 59))
FALL_BACK = datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK)  # 01:30 happens twice in New York that night
SPRING_FORWARD = datetime(2027, 3, 14, 1, 0, tzinfo=NEW_YORK)  # 02:00-03:00 does not happen


@dataclass(frozen=True, slots=True)
class CalendarUnderTest:
    """A gateway under test and the back doors into the calendars behind it (each returns the new event's id)."""

    gateway: CalendarGateway
    add_busy: Callable[[StaffMember, TimeWindow], Awaitable[str]]
    add_hand_booking: Callable[[StaffMember, TimeWindow, PhoneNumber, ServiceId], Awaitable[str]]


def _with_id(booked: Appointment, event_id: str) -> Appointment:
    return replace(booked, external_event_id=event_id)


def _at(local: datetime, *, fold: int = 0) -> Slot:
    return Slot(TimeWindow.starting(local.replace(fold=fold), timedelta(minutes=30)), SAM.id, ServiceId("haircut"))


class CalendarContract:
    """Every CalendarGateway: busy time per staff member, idempotent creates, moves, cancels, a customer's bookings."""

    catalogue: Catalogue = CATALOGUE
    """The business whose staff calendars the gateway under test serves."""

    @pytest.fixture
    def calendar(self) -> CalendarUnderTest:
        """Override: the gateway under test, on empty calendars, with its back doors."""
        pytest.fail("subclass CalendarContract and override the `calendar` fixture", pytrace=False)

    @pytest.mark.asyncio
    async def test_busy_has_every_asked_member_and_whole_events(self, calendar: CalendarUnderTest) -> None:
        """`busy` has a key for every member asked about, lists whole events (not clipped), earliest first."""
        await calendar.add_busy(SAM, TimeWindow(tomorrow_at(8), tomorrow_at(10)))
        await calendar.add_busy(SAM, TimeWindow(tomorrow_at(14), tomorrow_at(15)))
        await calendar.add_busy(ALEX, TimeWindow(tomorrow_at(9), tomorrow_at(9, 30)))
        await calendar.add_busy(SAM, TimeWindow(tomorrow_at(18), tomorrow_at(19)))

        busy = await calendar.gateway.busy([SAM, ALEX, JORDAN], TimeWindow(tomorrow_at(9), tomorrow_at(17)))

        assert busy == {
            SAM.id: [TimeWindow(tomorrow_at(8), tomorrow_at(10)), TimeWindow(tomorrow_at(14), tomorrow_at(15))],
            ALEX.id: [TimeWindow(tomorrow_at(9), tomorrow_at(9, 30))],
            JORDAN.id: [],
        }
        assert await calendar.gateway.busy([], DAY) == {}

    @pytest.mark.asyncio
    async def test_busy_includes_bookings(self, calendar: CalendarUnderTest) -> None:
        """slotline's own bookings and those staff made by hand are busy time."""
        await calendar.gateway.create(appointment(slot(10), "a1"), SAM, idempotency_key="k1")
        await calendar.add_hand_booking(ALEX, slot(11).window, CUSTOMER, ServiceId("haircut"))

        busy = await calendar.gateway.busy([SAM, ALEX], DAY)

        assert busy == {SAM.id: [slot(10).window], ALEX.id: [slot(11).window]}

    @pytest.mark.asyncio
    async def test_create_is_idempotent_per_key(self, calendar: CalendarUnderTest) -> None:
        """The same key returns the same event id and never makes a second event; another key makes another."""
        booked = appointment(slot(10), "a1")

        first = await calendar.gateway.create(booked, SAM, idempotency_key="create-a1")
        again = await calendar.gateway.create(booked, SAM, idempotency_key="create-a1")
        other = await calendar.gateway.create(appointment(slot(12), "a2"), SAM, idempotency_key="create-a2")

        assert first == again != other
        assert (await calendar.gateway.busy([SAM], DAY))[SAM.id] == [slot(10).window, slot(12).window]
        assert await calendar.gateway.upcoming(CUSTOMER, NOW) == [
            _with_id(booked, first),
            _with_id(appointment(slot(12), "a2"), other),
        ]

    @pytest.mark.asyncio
    async def test_move_within_one_calendar(self, calendar: CalendarUnderTest) -> None:
        """A move frees the old time and takes the new; `upcoming` shows the appointment under the returned id."""
        booked = appointment(slot(10), "a1")
        event_id = await calendar.gateway.create(booked, SAM, idempotency_key="k1")
        later = booked.moved_to(slot(15, 30))

        moved_id = await calendar.gateway.move(later, SAM, event_id)

        assert (await calendar.gateway.busy([SAM], DAY))[SAM.id] == [slot(15, 30).window]
        assert await calendar.gateway.upcoming(CUSTOMER, NOW) == [_with_id(later, moved_id)]

    @pytest.mark.asyncio
    async def test_move_to_another_staff_member(self, calendar: CalendarUnderTest) -> None:
        """A move may change the staff member, and back again (as a failed reschedule does)."""
        booked = appointment(slot(10), "a1")
        event_id = await calendar.gateway.create(booked, SAM, idempotency_key="k1")
        to_alex = booked.moved_to(slot(14, staff="alex"))

        moved_id = await calendar.gateway.move(to_alex, ALEX, event_id)

        assert await calendar.gateway.busy([SAM, ALEX], DAY) == {SAM.id: [], ALEX.id: [slot(14).window]}
        assert await calendar.gateway.upcoming(CUSTOMER, NOW) == [_with_id(to_alex, moved_id)]
        back = await calendar.gateway.move(booked, SAM, moved_id)
        assert await calendar.gateway.busy([SAM, ALEX], DAY) == {SAM.id: [slot(10).window], ALEX.id: []}
        assert await calendar.gateway.upcoming(CUSTOMER, NOW) == [_with_id(booked, back)]

    @pytest.mark.asyncio
    async def test_moving_a_missing_event_is_event_not_found(self, calendar: CalendarUnderTest) -> None:
        """Moving an event that is not there raises EventNotFound."""
        with pytest.raises(EventNotFound):
            await calendar.gateway.move(appointment(slot(10), "a1"), SAM, "no-such-event")

    @pytest.mark.asyncio
    async def test_cancel_twice_is_fine(self, calendar: CalendarUnderTest) -> None:
        """Cancelling removes the event; cancelling one already gone is not an error."""
        event_id = await calendar.gateway.create(appointment(slot(10), "a1"), SAM, idempotency_key="k1")

        await calendar.gateway.cancel(SAM, event_id)
        await calendar.gateway.cancel(SAM, event_id)

        assert await calendar.gateway.busy([SAM], DAY) == {SAM.id: []}
        assert await calendar.gateway.upcoming(CUSTOMER, NOW) == []

    @pytest.mark.asyncio
    async def test_upcoming_finds_the_customers_future_bookings_soonest_first(
        self, calendar: CalendarUnderTest
    ) -> None:
        """`upcoming` has this customer's bookings after `now`, hand-made ones included, and nobody else's."""
        late = appointment(slot(15), "late")
        early = appointment(slot(10), "early")
        late_id = await calendar.gateway.create(late, SAM, idempotency_key="k-late")
        early_id = await calendar.gateway.create(early, SAM, idempotency_key="k-early")
        theirs = appointment(slot(11), "theirs", phone=OTHER_CUSTOMER)
        await calendar.gateway.create(theirs, SAM, idempotency_key="k-other")
        await calendar.add_busy(SAM, TimeWindow(tomorrow_at(16), tomorrow_at(17)))
        by_hand = TimeWindow.starting(tomorrow_at(13), timedelta(minutes=90))
        hand_id = await calendar.add_hand_booking(ALEX, by_hand, CUSTOMER, ServiceId("colour"))

        upcoming = await calendar.gateway.upcoming(CUSTOMER, NOW)

        assert upcoming[0] == _with_id(early, early_id)
        assert upcoming[2] == _with_id(late, late_id)
        hand = upcoming[1]
        assert (hand.service_id, hand.staff_id, hand.window, hand.customer_phone) == (
            "colour",
            "alex",
            by_hand,
            CUSTOMER,
        )
        assert hand.external_event_id == hand_id and hand.id and hand.is_live
        assert len(upcoming) == 3
        assert await calendar.gateway.upcoming(CUSTOMER, tomorrow_at(12)) == upcoming[1:]
        assert await calendar.gateway.upcoming(PhoneNumber("+12125550999"), NOW) == []

    @pytest.mark.asyncio
    async def test_windows_across_dst_keep_their_real_length(self, calendar: CalendarUnderTest) -> None:
        """Times are instants: both 01:30s of the fall-back night, and a block across spring-forward, stay exact."""
        first = appointment(_at(FALL_BACK), "first-0130")
        second = appointment(_at(FALL_BACK, fold=1), "second-0130")
        first_id = await calendar.gateway.create(first, SAM, idempotency_key="k-first")
        second_id = await calendar.gateway.create(second, SAM, idempotency_key="k-second")
        night = TimeWindow(datetime(2026, 10, 31, 22, 0, tzinfo=NEW_YORK), datetime(2026, 11, 1, 4, 0, tzinfo=NEW_YORK))
        spring_block = TimeWindow(SPRING_FORWARD, SPRING_FORWARD.replace(hour=4))  # 01:00-04:00 is two real hours
        await calendar.add_busy(SAM, spring_block)

        fall = (await calendar.gateway.busy([SAM], night))[SAM.id]
        spring = await calendar.gateway.busy(
            [SAM], TimeWindow(SPRING_FORWARD.replace(hour=0), SPRING_FORWARD.replace(hour=6))
        )

        assert fall == [first.window, second.window]
        assert second.window.start - first.window.start == timedelta(hours=1)
        assert spring[SAM.id] == [spring_block] and spring_block.duration == timedelta(hours=2)
        before = datetime(2026, 10, 30, 9, 0, tzinfo=NEW_YORK)
        assert await calendar.gateway.upcoming(CUSTOMER, before) == [
            _with_id(first, first_id),
            _with_id(second, second_id),
        ]
        at_three = _at(FALL_BACK.replace(hour=3))
        moved = await calendar.gateway.move(first.moved_to(at_three), SAM, first_id)
        assert (await calendar.gateway.busy([SAM], night))[SAM.id] == [second.window, at_three.window]
        assert moved
