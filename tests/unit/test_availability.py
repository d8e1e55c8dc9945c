"""The availability engine on the sample business, one rule at a time."""

from datetime import date, datetime, time, timedelta

import pytest

from slotline.domain.appointment import Appointment, AppointmentStatus, Hold
from slotline.domain.availability import find_slots
from slotline.domain.errors import InvalidDateRange, StaffNotEligible
from slotline.domain.ids import AppointmentId, StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.policy import BookingPolicy
from slotline.domain.slot import Slot
from slotline.domain.staff_load import StaffLoad
from slotline.domain.time_window import TimeWindow
from tests.factories import NEW_YORK, NOW, sample_catalogue

CAT = sample_catalogue()
HAIRCUT = CAT.service("haircut")
SAM, ALEX = StaffId("sam"), StaffId("alex")
MONDAY = date(2026, 11, 30)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=NEW_YORK)


def local_starts(slots: object, staff: StaffId | None = None) -> list[str]:
    assert isinstance(slots, list)
    return [s.window.start.astimezone(NEW_YORK).strftime("%H:%M") for s in slots if staff in (None, s.staff_id)]


def test_working_hours_breaks_and_closing_buffer() -> None:
    slots = list(find_slots(CAT, HAIRCUT, MONDAY, MONDAY, StaffLoad(), NOW, SAM))
    starts = local_starts(slots)
    assert starts[0] == "09:00"
    assert "11:15" in starts and "11:30" not in starts  # 11:30 + 30 min + 10 min buffer runs into lunch
    assert "12:00" not in starts and "13:00" in starts
    assert starts[-1] == "16:15"  # 16:15-16:45 + 10 min buffer = 16:55 <= 17:00
    assert all(s.window.duration == timedelta(minutes=30) for s in slots)


def test_buffers_may_leave_working_hours_when_policy_says_so() -> None:
    catalogue = sample_catalogue(BookingPolicy(buffers_within_hours=False))
    starts = local_starts(list(find_slots(catalogue, HAIRCUT, MONDAY, MONDAY, StaffLoad(), NOW, SAM)))
    assert "11:30" in starts and starts[-1] == "16:30"


def test_busy_time_and_existing_buffers_block_slots() -> None:
    busy = {SAM: [TimeWindow(at(MONDAY, 10), at(MONDAY, 10, 30))]}
    starts = local_starts(list(find_slots(CAT, HAIRCUT, MONDAY, MONDAY, StaffLoad(busy), NOW, SAM)))
    assert "09:15" in starts  # ends 09:45, buffer to 09:55
    assert "09:30" not in starts and "09:45" not in starts and "10:15" not in starts
    assert "10:30" in starts  # no buffer before a haircut


def test_appointments_count_with_their_buffers_and_holds_block_until_expiry() -> None:
    consult = CAT.service("consultation")  # 5 min buffers on both sides
    booked = Appointment(
        AppointmentId("a1"),
        consult.id,
        SAM,
        TimeWindow(at(MONDAY, 10), at(MONDAY, 10, 45)),
        PhoneNumber("+12125550111"),
        AppointmentStatus.CONFIRMED,
    )
    hold_slot = Slot(TimeWindow(at(MONDAY, 14), at(MONDAY, 14, 30)), SAM, HAIRCUT.id)
    hold = Hold("h1", hold_slot, hold_slot.occupied(HAIRCUT), NOW + timedelta(minutes=5), "k")
    load = StaffLoad.combine(CAT, NOW, appointments=[booked], holds=[hold])
    starts = local_starts(list(find_slots(CAT, HAIRCUT, MONDAY, MONDAY, load, NOW, SAM)))
    assert "09:15" in starts and "09:30" not in starts  # 09:30-10:00 +10 min meets the 09:55 buffer
    assert "10:45" not in starts  # the consultation's after-buffer runs to 10:50
    assert "11:00" in starts
    assert "14:00" not in starts and "13:30" not in starts
    later = NOW + timedelta(minutes=6)
    load_later = StaffLoad.combine(CAT, later, appointments=[booked], holds=[hold])
    assert "14:00" in local_starts(list(find_slots(CAT, HAIRCUT, MONDAY, MONDAY, load_later, later, SAM)))


def test_cancelled_appointments_do_not_block() -> None:
    cancelled = Appointment(
        AppointmentId("a1"),
        HAIRCUT.id,
        SAM,
        TimeWindow(at(MONDAY, 9), at(MONDAY, 9, 30)),
        PhoneNumber("+12125550111"),
        AppointmentStatus.CANCELLED,
    )
    load = StaffLoad.combine(CAT, NOW, appointments=[cancelled])
    assert local_starts(list(find_slots(CAT, HAIRCUT, MONDAY, MONDAY, load, NOW, SAM)))[0] == "09:00"


def test_minimum_notice_and_interval_alignment() -> None:
    now = at(date(2026, 11, 25), 10, 7)  # Wednesday 10:07; one hour notice -> 11:07 -> first aligned 11:15
    starts = local_starts(list(find_slots(CAT, HAIRCUT, now.date(), now.date(), StaffLoad(), now, SAM)))
    assert starts[0] == "11:15"
    assert all(int(s[3:]) % 15 == 0 for s in starts)


def test_horizon_clips_the_range() -> None:
    policy = BookingPolicy(max_days_ahead=5)
    catalogue = sample_catalogue(policy)
    slots = find_slots(catalogue, HAIRCUT, NOW.date(), NOW.date() + timedelta(days=30), StaffLoad(), NOW)
    assert max(slots.days()) == date(2026, 11, 30)


def test_closures_and_special_hours() -> None:
    christmas = find_slots(CAT, HAIRCUT, date(2026, 12, 25), date(2026, 12, 25), StaffLoad(), NOW)
    assert len(christmas) == 0
    eve = list(find_slots(CAT, HAIRCUT, date(2026, 12, 24), date(2026, 12, 24), StaffLoad(), NOW))
    assert eve and all(time(9) <= s.window.start.astimezone(NEW_YORK).time() for s in eve)
    assert all(s.window.end.astimezone(NEW_YORK).time() <= time(12, 50) for s in eve)  # 13:00 close minus buffer


def test_staff_eligibility() -> None:
    massage = CAT.service("massage")
    with pytest.raises(StaffNotEligible):
        find_slots(CAT, massage, MONDAY, MONDAY, StaffLoad(), NOW, SAM)
    assert {s.staff_id for s in find_slots(CAT, massage, MONDAY, MONDAY, StaffLoad(), NOW)} == {StaffId("jordan")}


def test_daily_cap() -> None:
    catalogue = sample_catalogue(BookingPolicy(daily_cap_per_staff=2))
    tuesday = MONDAY + timedelta(days=1)
    load = StaffLoad(bookings_per_day={(SAM, tuesday): 2})
    slots = find_slots(catalogue, HAIRCUT, tuesday, tuesday, load, NOW)
    assert {s.staff_id for s in slots} == {ALEX}
    assert all(s.staff_id != SAM for s in slots)


def test_slots_are_chronological_across_staff() -> None:
    slots = list(find_slots(CAT, HAIRCUT, MONDAY, date(2026, 12, 5), StaffLoad(), NOW))
    assert slots == sorted(slots, key=lambda s: (s.window.start, s.staff_id != SAM))
    assert len(slots) == len(find_slots(CAT, HAIRCUT, MONDAY, date(2026, 12, 5), StaffLoad(), NOW))


def test_membership_and_days() -> None:
    slots = find_slots(CAT, HAIRCUT, MONDAY, date(2026, 12, 1), StaffLoad(), NOW)
    first = next(iter(slots))
    assert first in slots
    assert Slot(first.window, ALEX, HAIRCUT.id) not in slots  # Alex does not work Mondays
    assert slots.days() == [MONDAY, date(2026, 12, 1)]
    assert len(slots.on(MONDAY)) == len([s for s in slots if s.window.start.astimezone(NEW_YORK).date() == MONDAY])


def test_reversed_range_is_an_error() -> None:
    with pytest.raises(InvalidDateRange):
        find_slots(CAT, HAIRCUT, MONDAY, MONDAY - timedelta(days=1), StaffLoad(), NOW)


def test_past_days_have_no_slots() -> None:
    assert len(find_slots(CAT, HAIRCUT, date(2026, 11, 1), date(2026, 11, 24), StaffLoad(), NOW)) == 0
