"""What a caller asked for: start-time bounds, ranges of days, and how a newer wish refines an older one."""

from __future__ import annotations

from datetime import date, time

import pytest

from slotline.domain.errors import InvalidValue
from slotline.domain.ids import StaffId
from slotline.domain.preference import (
    UNBOUNDED,
    DaysOutOfOrder,
    EmptyStartBounds,
    PartOfDay,
    Preference,
    StartBounds,
    TwoUpperBounds,
)

TUESDAY = date(2026, 12, 1)
FRIDAY = date(2026, 12, 4)
NEXT_WEEK = Preference(day=date(2026, 11, 30), last_day=date(2026, 12, 6))
AFTER_FOUR = StartBounds(not_before=time(16))
BEFORE_ELEVEN = StartBounds(before=time(11))
NO_LATER_THAN_THREE = StartBounds(not_after=time(15))
TWO_TO_FOUR = StartBounds(not_before=time(14), before=time(16))


@pytest.mark.parametrize(
    ("bounds", "at", "admitted"),
    [
        (AFTER_FOUR, time(16), True),  # "after four" admits a 4:00 start
        (AFTER_FOUR, time(15, 59), False),
        (BEFORE_ELEVEN, time(10, 59), True),
        (BEFORE_ELEVEN, time(11), False),  # it must START before eleven
        (NO_LATER_THAN_THREE, time(15), True),
        (NO_LATER_THAN_THREE, time(15, 1), False),
        (TWO_TO_FOUR, time(14), True),
        (TWO_TO_FOUR, time(15, 45), True),
        (TWO_TO_FOUR, time(16), False),
        (TWO_TO_FOUR, time(13, 59), False),
        (UNBOUNDED, time(0), True),
    ],
)
def test_bounds_admit_a_start(bounds: StartBounds, at: time, admitted: bool) -> None:
    assert bounds.admits(at) is admitted


@pytest.mark.parametrize(
    ("bounds", "parts"),
    [
        (AFTER_FOUR, {PartOfDay.AFTERNOON, PartOfDay.EVENING}),
        (StartBounds(not_before=time(17)), {PartOfDay.EVENING}),
        (StartBounds(before=time(12)), {PartOfDay.MORNING}),
        (NO_LATER_THAN_THREE, {PartOfDay.MORNING, PartOfDay.AFTERNOON}),
        (StartBounds(not_after=time(12)), {PartOfDay.MORNING, PartOfDay.AFTERNOON}),
        (TWO_TO_FOUR, {PartOfDay.AFTERNOON}),
        (UNBOUNDED, set(PartOfDay)),
    ],
)
def test_bounds_overlap_parts_of_the_day(bounds: StartBounds, parts: set[PartOfDay]) -> None:
    assert {p for p in PartOfDay if bounds.overlaps(p)} == parts


def test_bounds_that_admit_nothing_are_refused() -> None:
    with pytest.raises(EmptyStartBounds):
        StartBounds(not_before=time(16), before=time(16))
    with pytest.raises(EmptyStartBounds):
        StartBounds(not_before=time(16), not_after=time(15, 59))
    with pytest.raises(TwoUpperBounds):
        StartBounds(before=time(11), not_after=time(10))
    assert StartBounds(not_before=time(16), not_after=time(16)).admits(time(16))


def test_a_range_of_days_runs_forwards() -> None:
    with pytest.raises(DaysOutOfOrder):
        Preference(day=FRIDAY, last_day=TUESDAY)
    with pytest.raises(InvalidValue):
        Preference(last_day=TUESDAY)
    with pytest.raises(InvalidValue):
        Preference(day=TUESDAY, last_day=TUESDAY)  # one day is `day` alone


def test_days_wanted_and_how_far_others_are() -> None:
    assert [NEXT_WEEK.wants_day(d) for d in (date(2026, 11, 29), date(2026, 11, 30), date(2026, 12, 6))] == [
        False,
        True,
        True,
    ]
    assert NEXT_WEEK.days_away(date(2026, 11, 27)) == 3
    assert NEXT_WEEK.days_away(date(2026, 12, 3)) == 0
    assert NEXT_WEEK.days_away(date(2026, 12, 8)) == 2
    assert Preference(day=TUESDAY).days_away(date(2026, 11, 30)) == 1
    assert Preference().wants_day(FRIDAY)


def test_bounds_alone_are_enough_to_search() -> None:
    assert Preference(bounds=AFTER_FOUR).says_when
    assert not Preference(staff_id=StaffId("sam")).says_when


@pytest.mark.parametrize(
    ("older", "newer", "expected"),
    [
        (AFTER_FOUR, StartBounds(before=time(18)), StartBounds(not_before=time(16), before=time(18))),
        (AFTER_FOUR, StartBounds(before=time(12)), StartBounds(before=time(12))),  # contradicts: the newer wins
        (AFTER_FOUR, StartBounds(not_before=time(14)), StartBounds(not_before=time(14))),
        (BEFORE_ELEVEN, NO_LATER_THAN_THREE, NO_LATER_THAN_THREE),
        (TWO_TO_FOUR, UNBOUNDED, TWO_TO_FOUR),
    ],
)
def test_newer_bounds_refine_older_ones(older: StartBounds, newer: StartBounds, expected: StartBounds) -> None:
    assert older.narrowed(newer) == expected
    merged = Preference(day=TUESDAY, bounds=older).merged(Preference(bounds=newer))
    assert merged.bounds == expected
    assert merged.day == TUESDAY


def test_a_new_day_drops_the_old_bounds_and_a_new_range_the_old_times() -> None:
    after_four_on_tuesday = Preference(day=TUESDAY, bounds=AFTER_FOUR)
    assert after_four_on_tuesday.merged(Preference(day=FRIDAY)) == Preference(day=FRIDAY)
    at_three = Preference(day=TUESDAY, at=time(15), part_of_day=PartOfDay.AFTERNOON)
    assert at_three.merged(NEXT_WEEK) == NEXT_WEEK
    assert NEXT_WEEK.merged(Preference(day=FRIDAY)) == Preference(day=FRIDAY)
    restated = Preference(day=NEXT_WEEK.day, last_day=NEXT_WEEK.last_day, bounds=AFTER_FOUR).merged(NEXT_WEEK)
    assert restated.bounds == AFTER_FOUR  # the same days again keep the time wishes


def test_the_newest_wish_wins_where_two_rule_each_other_out() -> None:
    after_four = Preference(day=TUESDAY, bounds=AFTER_FOUR)
    at_three = after_four.merged(Preference(at=time(15)))
    assert (at_three.at, at_three.bounds) == (time(15), UNBOUNDED)
    at_five = after_four.merged(Preference(at=time(17)))
    assert (at_five.at, at_five.bounds) == (time(17), AFTER_FOUR)

    around_three = Preference(day=TUESDAY, at=time(15), approximate=True)
    now_after_four = around_three.merged(Preference(bounds=AFTER_FOUR))
    assert (now_after_four.at, now_after_four.approximate, now_after_four.bounds) == (None, False, AFTER_FOUR)

    morning = Preference(day=TUESDAY, part_of_day=PartOfDay.MORNING)
    assert morning.merged(Preference(bounds=AFTER_FOUR)).part_of_day is None
    assert after_four.merged(Preference(part_of_day=PartOfDay.MORNING)).bounds == UNBOUNDED

    afternoon = Preference(day=TUESDAY, part_of_day=PartOfDay.AFTERNOON)
    both = afternoon.merged(Preference(bounds=AFTER_FOUR))
    assert (both.part_of_day, both.bounds) == (PartOfDay.AFTERNOON, AFTER_FOUR)
