"""Ranges of days: "next week", "sometime this week", "later this week", "early next week"."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.common.calendar_rules import resolve_week_days
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NEW_YORK, NOW, sample_catalogue

INTERPRETER = RulesUtteranceInterpreter(sample_catalogue())
MONDAY = date(2026, 11, 23)  # the week of NOW (Wednesday 25 November 2026)


def understood(text: str, now: datetime = NOW) -> Interpretation:
    return INTERPRETER.understand(text, now)


def days_of(text: str, now: datetime = NOW) -> tuple[date | None, date | None]:
    result = understood(text, now)
    return result.day, result.last_day


def said_on(weekday: int) -> datetime:
    day = MONDAY + timedelta(days=weekday)
    return datetime(day.year, day.month, day.day, 9, tzinfo=NEW_YORK)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("next week", date(2026, 11, 30), date(2026, 12, 6)),
        ("sometime next week", date(2026, 11, 30), date(2026, 12, 6)),
        ("any time next week", date(2026, 11, 30), date(2026, 12, 6)),
        ("any day next week", date(2026, 11, 30), date(2026, 12, 6)),
        ("during the week after next", date(2026, 12, 7), date(2026, 12, 13)),
        ("the week after next", date(2026, 12, 7), date(2026, 12, 13)),
        ("this week", date(2026, 11, 25), date(2026, 11, 29)),  # from today, not from Monday
        ("the rest of the week", date(2026, 11, 25), date(2026, 11, 29)),
        ("at the end of this week", date(2026, 11, 26), date(2026, 11, 29)),
        ("the start of next week", date(2026, 11, 30), date(2026, 12, 2)),
        ("sometime this week", date(2026, 11, 25), date(2026, 11, 29)),
        ("later this week", date(2026, 11, 26), date(2026, 11, 29)),
        ("later in the week", date(2026, 11, 26), date(2026, 11, 29)),
        ("at the end of the week", date(2026, 11, 26), date(2026, 11, 29)),
        ("early next week", date(2026, 11, 30), date(2026, 12, 2)),
        ("at the beginning of next week", date(2026, 11, 30), date(2026, 12, 2)),
        ("late next week", date(2026, 12, 3), date(2026, 12, 6)),
        ("the end of next week", date(2026, 12, 3), date(2026, 12, 6)),
    ],
)
def test_week_phrases(text: str, first: date, last: date) -> None:
    assert days_of(text) == (first, last)


@pytest.mark.parametrize("said", range(7))
def test_next_week_is_the_following_monday_to_sunday_whatever_day_it_is_said(said: int) -> None:
    first, last = days_of("sometime next week", said_on(said))
    assert first == MONDAY + timedelta(days=7)
    assert last == MONDAY + timedelta(days=13)


def test_this_week_said_on_sunday_is_just_today() -> None:
    assert days_of("this week", said_on(6)) == (date(2026, 11, 29), None)


def test_later_this_week_said_on_sunday_names_no_day() -> None:
    result = understood("later this week", said_on(6))
    assert (result.day, result.last_day) == (None, None)


def test_the_end_of_the_week_said_on_saturday_is_the_weekend_left() -> None:
    assert days_of("end of the week", said_on(5)) == (date(2026, 11, 28), date(2026, 11, 29))


@pytest.mark.parametrize(
    "text",
    ["next week tuesday", "next week on tuesday", "tuesday next week", "sometime next week on tuesday", "next tuesday"],
)
def test_a_weekday_of_next_week_is_one_day(text: str) -> None:
    assert days_of(text) == (date(2026, 12, 1), None)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("next week maybe thursday", date(2026, 12, 3)),  # a bare weekday said with a week is that week's
        ("sometime next week ideally on monday", date(2026, 11, 30)),
        ("this week on friday", date(2026, 11, 27)),
        ("tomorrow or sometime this week", date(2026, 11, 26)),  # a day inside the range beats the range
    ],
)
def test_a_day_said_with_a_week_is_the_day(text: str, day: date) -> None:
    assert days_of(text) == (day, None)


def test_a_day_outside_the_range_said_last_wins() -> None:
    assert days_of("next week no actually december 23rd") == (date(2026, 12, 23), None)


def test_a_ruled_out_week() -> None:
    result = understood("not next week")
    assert (result.intent, result.day, result.last_day) == (Intent.DENY, None, None)
    assert days_of("not this week next week") == (date(2026, 11, 30), date(2026, 12, 6))


def test_a_week_with_a_service_and_bounds() -> None:
    result = understood("can i get a haircut sometime next week after four")
    assert result.intent is Intent.BOOK
    assert (result.day, result.last_day) == (date(2026, 11, 30), date(2026, 12, 6))
    assert result.bounds.not_before is not None and result.bounds.not_before.hour == 16
    assert result.preference.wants_day(date(2026, 12, 6)) and not result.preference.wants_day(date(2026, 12, 7))


@pytest.mark.parametrize(
    ("ahead", "first", "last", "after_today", "expected"),
    [
        (0, 0, 6, False, (date(2026, 11, 25), date(2026, 11, 29))),
        (0, 0, 6, True, (date(2026, 11, 26), date(2026, 11, 29))),
        (0, 0, 1, False, None),  # Monday and Tuesday are past on a Wednesday
        (1, 0, 2, False, (date(2026, 11, 30), date(2026, 12, 2))),
        (2, 3, 6, False, (date(2026, 12, 10), date(2026, 12, 13))),
    ],
)
def test_resolve_week_days(
    ahead: int, first: int, last: int, after_today: bool, expected: tuple[date, date] | None
) -> None:
    assert resolve_week_days(NOW.date(), ahead, first, last, after_today=after_today) == expected
