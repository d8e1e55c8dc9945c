"""When reminders go out: real elapsed offsets, quiet hours on the business's wall clock, across DST changes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from slotline.domain.errors import InvalidValue
from slotline.domain.reminders import QuietHours, ReminderPolicy, reminder_times, reminder_too_late

NEW_YORK = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
DAY = ReminderPolicy()  # one reminder 24 h before, quiet 21:00-08:00
HOURS = timedelta(hours=1)


def ny(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=NEW_YORK)


def test_one_reminder_a_day_before() -> None:
    assert reminder_times(ny(11, 26, 10), ny(11, 20, 9), DAY, NEW_YORK) == (ny(11, 25, 10),)


def test_the_offset_is_real_elapsed_time_across_the_fall_back() -> None:
    """US clocks fall back at 02:00 on Sunday 1 November 2026: 24 hours before Sunday 10:00 EST is Saturday 11:00
    EDT on the wall clock; a Monday appointment has the change outside its 24 hours."""
    assert reminder_times(ny(11, 1, 10), ny(10, 20, 9), DAY, NEW_YORK) == (ny(10, 31, 11),)
    assert reminder_times(ny(11, 2, 10), ny(10, 20, 9), DAY, NEW_YORK) == (ny(11, 1, 10),)
    (due,) = reminder_times(ny(11, 1, 10), ny(10, 20, 9), DAY, NEW_YORK)
    assert ny(11, 1, 10).astimezone(UTC) - due == timedelta(hours=24)


def test_the_offset_is_real_elapsed_time_across_the_spring_forward() -> None:
    """US clocks spring forward on Sunday 8 March 2026: 24 hours before Sunday 10:00 EDT is Saturday 09:00 EST."""
    assert reminder_times(ny(3, 8, 10), ny(3, 1, 9), DAY, NEW_YORK) == (ny(3, 7, 9),)


def test_quiet_hours_are_judged_on_the_wall_clock_after_the_offset_in_real_time() -> None:
    """Sunday 1 November 07:30 EST less 24 hours is Saturday 08:30 EDT: allowed (07:30 on the wall clock would be
    quiet). Sunday 8 March 08:30 EDT less 24 hours is Saturday 07:30 EST: quiet, so Friday 21:00."""
    assert reminder_times(ny(11, 1, 7, 30), ny(10, 20, 9), DAY, NEW_YORK) == (ny(10, 31, 8, 30),)
    assert reminder_times(ny(3, 8, 8, 30), ny(3, 1, 9), DAY, NEW_YORK) == (ny(3, 6, 21),)


def test_a_reminder_in_quiet_hours_goes_when_they_begin() -> None:
    """24 h before 07:30 is 07:30, inside 21:00-08:00: it goes at 21:00 the evening before instead."""
    assert reminder_times(ny(11, 26, 7, 30), ny(11, 20, 9), DAY, NEW_YORK) == (ny(11, 24, 21),)
    late_evening = reminder_times(ny(11, 26, 22), ny(11, 20, 9), DAY, NEW_YORK)
    assert late_evening == (ny(11, 25, 21),)


def test_the_edges_of_quiet_hours_are_allowed() -> None:
    assert reminder_times(ny(11, 26, 8), ny(11, 20, 9), DAY, NEW_YORK) == (ny(11, 25, 8),)
    assert reminder_times(ny(11, 26, 21), ny(11, 20, 9), DAY, NEW_YORK) == (ny(11, 25, 21),)


def test_quiet_hours_that_do_not_wrap_midnight() -> None:
    lunch = ReminderPolicy(before=(HOURS,), quiet_hours=QuietHours(time(12), time(14)))
    assert reminder_times(ny(11, 26, 14), ny(11, 20, 9), lunch, NEW_YORK) == (ny(11, 26, 12),)
    assert reminder_times(ny(11, 26, 16), ny(11, 20, 9), lunch, NEW_YORK) == (ny(11, 26, 15),)


def test_without_quiet_hours_a_reminder_goes_at_night() -> None:
    policy = ReminderPolicy(quiet_hours=None)
    assert reminder_times(ny(11, 26, 7), ny(11, 20, 9), policy, NEW_YORK) == (ny(11, 25, 7),)


def test_none_for_a_booking_made_inside_the_offset() -> None:
    assert reminder_times(ny(11, 26, 10), ny(11, 25, 10, 1), DAY, NEW_YORK) == ()
    assert reminder_times(ny(11, 26, 10), ny(11, 25, 10), DAY, NEW_YORK) == ()


def test_none_when_the_quiet_hours_move_it_before_the_booking() -> None:
    """Booked at 22:00 for 07:30 two days on: the reminder would be at 07:30, quiet, moved to 21:00 yesterday."""
    assert reminder_times(ny(11, 26, 7, 30), ny(11, 24, 22), DAY, NEW_YORK) == ()


def test_several_offsets_soonest_first_each_instant_once() -> None:
    """A week and a day before, and 11 h before (22:00, quiet, so 21:00) is the same instant as 12 h before."""
    policy = ReminderPolicy(before=(24 * HOURS, 7 * 24 * HOURS, 11 * HOURS, 12 * HOURS))
    due = reminder_times(ny(11, 26, 9), ny(11, 1, 12), policy, NEW_YORK)
    assert due == (ny(11, 19, 9), ny(11, 25, 9), ny(11, 25, 21))


def test_quiet_hours_in_the_business_zone_not_the_callers() -> None:
    """A London business: 24 h before 07:00 London is quiet there, whatever the instant reads in New York."""
    start = datetime(2026, 11, 26, 7, tzinfo=LONDON)
    assert reminder_times(start, ny(11, 20, 9), DAY, LONDON) == (datetime(2026, 11, 24, 21, tzinfo=LONDON),)


def test_results_are_utc() -> None:
    (due,) = reminder_times(ny(11, 26, 10), ny(11, 20, 9), DAY, NEW_YORK)
    assert due.tzinfo is UTC


def test_too_late_once_the_appointment_has_begun() -> None:
    assert not reminder_too_late(ny(11, 26, 10), ny(11, 26, 9, 59))
    assert reminder_too_late(ny(11, 26, 10), ny(11, 26, 10))


def test_bad_policies_are_refused() -> None:
    with pytest.raises(InvalidValue):
        ReminderPolicy(before=(timedelta(0),))
    with pytest.raises(InvalidValue):
        QuietHours(time(21), time(21))
    with pytest.raises(InvalidValue):
        reminder_times(datetime(2026, 11, 26, 10), ny(11, 20, 9), DAY, NEW_YORK)
