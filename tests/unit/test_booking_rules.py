from datetime import date, datetime, time, timedelta

import pytest

from slotline.domain.availability import find_slots
from slotline.domain.booking_rules import ensure_bookable
from slotline.domain.errors import (
    BookingError,
    DailyCapReached,
    OutsideBookingWindow,
    OutsideWorkingHours,
    SlotNoLongerAvailable,
    StaffNotEligible,
    TooShortNotice,
    UnknownService,
)
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.policy import BookingPolicy
from slotline.domain.slot import Slot
from slotline.domain.staff_load import StaffLoad
from slotline.domain.time_window import TimeWindow
from tests.factories import NEW_YORK, NOW, sample_catalogue

CAT = sample_catalogue()
SAM = StaffId("sam")
HAIRCUT = ServiceId("haircut")


def slot(day: date, hh: int, mm: int = 0, staff: str = "sam", service: str = "haircut", minutes: int = 30) -> Slot:
    start = datetime.combine(day, time(hh, mm), tzinfo=NEW_YORK)
    return Slot(TimeWindow.starting(start, timedelta(minutes=minutes)), StaffId(staff), ServiceId(service))


MONDAY = date(2026, 11, 30)


def test_a_free_slot_passes() -> None:
    ensure_bookable(slot(MONDAY, 9), CAT, StaffLoad(), NOW)


@pytest.mark.parametrize(
    ("bad", "error"),
    [
        (slot(NOW.date(), 9, 30), TooShortNotice),
        (slot(date(2027, 3, 1), 9), OutsideBookingWindow),
        (slot(MONDAY, 12), OutsideWorkingHours),  # lunch break
        (slot(MONDAY, 9, 5), OutsideWorkingHours),  # not aligned to the interval
        (slot(MONDAY, 9, staff="jordan"), StaffNotEligible),
        (slot(MONDAY, 9, service="nails"), UnknownService),
        (slot(MONDAY, 9, minutes=20), OutsideWorkingHours),  # wrong length for the service
    ],
)
def test_each_rule_fails_with_its_own_fact(bad: Slot, error: type[BookingError]) -> None:
    with pytest.raises(error):
        ensure_bookable(bad, CAT, StaffLoad(), NOW)


def test_taken_slot() -> None:
    taken = slot(MONDAY, 9)
    load = StaffLoad({SAM: [taken.window]})
    with pytest.raises(SlotNoLongerAvailable) as caught:
        ensure_bookable(taken, CAT, load, NOW)
    assert caught.value.slot == taken
    assert "was just taken" in str(caught.value)


def test_cap() -> None:
    catalogue = sample_catalogue(BookingPolicy(daily_cap_per_staff=1))
    with pytest.raises(DailyCapReached):
        ensure_bookable(slot(MONDAY, 9), catalogue, StaffLoad(bookings_per_day={(SAM, MONDAY): 1}), NOW)


def test_every_engine_slot_passes_the_rules() -> None:
    for s in find_slots(CAT, CAT.service("haircut"), MONDAY, MONDAY + timedelta(days=2), StaffLoad(), NOW):
        ensure_bookable(s, CAT, StaffLoad(), NOW)
