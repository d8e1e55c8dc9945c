"""Day phrases resolved in the business time zone: relative days on every weekday, month/day forms, rollover."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from slotline.infrastructure.common.calendar_rules import (
    WeekdayMode,
    resolve_day_of_month,
    resolve_month_day,
    resolve_weekday,
)
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.rules_nlu.dates import find_days, pick_day
from slotline.infrastructure.rules_nlu.words import normalise
from tests.factories import NEW_YORK, NOW, sample_catalogue

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONDAY = date(2026, 11, 23)  # the week of NOW (Wednesday 25 November 2026)

# Days from the day said (rows, Monday first) to the weekday named (columns, Monday first).
# The same tables are in docs/understanding.md.
BARE_OFFSETS = (
    (7, 1, 2, 3, 4, 5, 6),
    (6, 7, 1, 2, 3, 4, 5),
    (5, 6, 7, 1, 2, 3, 4),
    (4, 5, 6, 7, 1, 2, 3),
    (3, 4, 5, 6, 7, 1, 2),
    (2, 3, 4, 5, 6, 7, 1),
    (1, 2, 3, 4, 5, 6, 7),
)
THIS_OFFSETS = (
    (0, 1, 2, 3, 4, 5, 6),
    (6, 0, 1, 2, 3, 4, 5),
    (5, 6, 0, 1, 2, 3, 4),
    (4, 5, 6, 0, 1, 2, 3),
    (3, 4, 5, 6, 0, 1, 2),
    (2, 3, 4, 5, 6, 0, 1),
    (1, 2, 3, 4, 5, 6, 0),
)
NEXT_OFFSETS = (
    (7, 8, 9, 10, 11, 12, 13),
    (6, 7, 8, 9, 10, 11, 12),
    (5, 6, 7, 8, 9, 10, 11),
    (4, 5, 6, 7, 8, 9, 10),
    (3, 4, 5, 6, 7, 8, 9),
    (2, 3, 4, 5, 6, 7, 8),
    (1, 2, 3, 4, 5, 6, 7),
)
EVERY_PAIR = [(said, target) for said in range(7) for target in range(7)]


def now_on(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=NEW_YORK)


def day_of(text: str, now: datetime = NOW) -> date | None:
    return RulesUtteranceInterpreter(sample_catalogue()).understand(text, now).day


def said_on(weekday: int) -> date:
    return MONDAY + timedelta(days=weekday)


@pytest.mark.parametrize(("said", "target"), EVERY_PAIR)
@pytest.mark.parametrize("template", ["{}", "on {}", "{} please", "this coming {}", "coming {}"])
def test_bare_weekday_is_the_next_one_never_today(said: int, target: int, template: str) -> None:
    expected = said_on(said) + timedelta(days=BARE_OFFSETS[said][target])
    assert day_of(template.format(WEEKDAY_NAMES[target]), now_on(said_on(said))) == expected


@pytest.mark.parametrize(("said", "target"), EVERY_PAIR)
@pytest.mark.parametrize("template", ["this {}", "on this {}", "{} this week"])
def test_this_weekday_is_this_weeks_unless_past(said: int, target: int, template: str) -> None:
    expected = said_on(said) + timedelta(days=THIS_OFFSETS[said][target])
    assert day_of(template.format(WEEKDAY_NAMES[target]), now_on(said_on(said))) == expected


@pytest.mark.parametrize(("said", "target"), EVERY_PAIR)
@pytest.mark.parametrize("template", ["next {}", "on next {}", "{} next week", "next week {}", "next week on {}"])
def test_next_weekday_is_in_the_following_week(said: int, target: int, template: str) -> None:
    expected = said_on(said) + timedelta(days=NEXT_OFFSETS[said][target])
    assert day_of(template.format(WEEKDAY_NAMES[target]), now_on(said_on(said))) == expected


@pytest.mark.parametrize(("said", "target"), EVERY_PAIR)
def test_resolve_weekday_modes_agree_with_the_tables(said: int, target: int) -> None:
    today = said_on(said)
    assert resolve_weekday(today, target, WeekdayMode.BARE) == today + timedelta(days=BARE_OFFSETS[said][target])
    assert resolve_weekday(today, target, WeekdayMode.THIS) == today + timedelta(days=THIS_OFFSETS[said][target])
    assert resolve_weekday(today, target, WeekdayMode.NEXT) == today + timedelta(days=NEXT_OFFSETS[said][target])


@pytest.mark.parametrize("said", range(7))
@pytest.mark.parametrize(
    ("phrase", "offset"),
    [
        ("today", 0),
        ("tonight", 0),
        ("this afternoon", 0),
        ("tomorrow", 1),
        ("tomorrow morning", 1),
        ("day after tomorrow", 2),
        ("the day after tomorrow", 2),
        ("in two days", 2),
        ("in 3 days", 3),
        ("in a week", 7),
        ("in two weeks", 14),
    ],
)
def test_relative_days_on_every_weekday(said: int, phrase: str, offset: int) -> None:
    assert day_of(phrase, now_on(said_on(said))) == said_on(said) + timedelta(days=offset)


@pytest.mark.parametrize(
    "abbreviation", ["tue", "tues", "thu", "thurs", "fri", "on wed", "on sat", "this sun", "next mon"]
)
def test_weekday_abbreviations(abbreviation: str) -> None:
    assert day_of(abbreviation) is not None


@pytest.mark.parametrize("text", ["i sat down", "the sun is out", "wed like a"])
def test_abbreviations_that_are_words_need_a_lead(text: str) -> None:
    assert pick_day(find_days(normalise(text), NOW.date())) is None


@pytest.mark.parametrize(
    "text",
    [
        "december twenty third",
        "december the twenty third",
        "december twenty three",
        "december 23rd",
        "dec 23",
        "Dec. 23",
        "twenty third of december",
        "the twenty third of december",
        "23rd of december",
        "23 december",
        "the twenty third",
        "the 23rd",
        "on the 23rd",
        "on the 23",
        "twenty third",
        "12/23",
        "23/12",
        "12/23/2026",
        "12/23/26",
        "2026-12-23",
        "december twenty third twenty twenty six",
        "december 23 2026",
        "wednesday the twenty third",
    ],
)
def test_month_and_day_forms(text: str) -> None:
    assert day_of(text) == date(2026, 12, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the twenty fifth", date(2026, 11, 25)),  # today counts: it is not in the past
        ("the twenty fourth", date(2026, 12, 24)),  # yesterday: next month
        ("the thirtieth", date(2026, 11, 30)),
        ("the thirty first", date(2026, 12, 31)),  # November has no 31st
        ("on the first", date(2026, 12, 1)),
        ("the first of december", date(2026, 12, 1)),
        ("the second of december", date(2026, 12, 2)),
        ("the first of the month", date(2026, 12, 1)),
        ("the fifth of next month", date(2026, 12, 5)),
        ("tuesday the first", date(2026, 12, 1)),
        ("november twenty fifth", date(2026, 11, 25)),
        ("november twenty fourth", date(2027, 11, 24)),  # past this year: next year
        ("january third", date(2027, 1, 3)),
        ("may fifth", date(2027, 5, 5)),
        ("the fifth of may", date(2027, 5, 5)),
        ("march 3rd", date(2027, 3, 3)),
        ("december twenty third twenty twenty seven", date(2027, 12, 23)),
        ("12/23/2027", date(2027, 12, 23)),
    ],
)
def test_days_of_month_and_month_days_are_never_in_the_past(text: str, expected: date) -> None:
    assert day_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("january third", date(2027, 1, 3)),
        ("the third of january", date(2027, 1, 3)),
        ("1/13", date(2027, 1, 13)),
        ("on the third", date(2027, 1, 3)),
        ("december twenty ninth", date(2026, 12, 29)),
        ("december twenty seventh", date(2027, 12, 27)),
        ("next monday", date(2027, 1, 4)),
        ("friday", date(2027, 1, 1)),
        ("in a week", date(2027, 1, 4)),
    ],
)
def test_year_rollover(text: str, expected: date) -> None:
    assert day_of(text, now_on(date(2026, 12, 28))) == expected


@pytest.mark.parametrize(
    "text",
    [
        "february thirtieth",
        "february the thirtieth",
        "april thirty first",
        "the thirtieth of february",
        "2/30",
        "13/13",
        "2026-02-30",
        "the thirty second",
        "february twenty ninth",  # neither 2026 nor 2027 is a leap year
    ],
)
def test_invalid_dates_give_no_day(text: str) -> None:
    assert day_of(text) is None


def test_february_twenty_ninth_in_a_year_before_a_leap_year() -> None:
    assert day_of("february twenty ninth", now_on(date(2027, 3, 1))) == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("not tuesday wednesday", date(2026, 12, 2)),
        ("wednesday not tuesday", date(2026, 12, 2)),
        ("i cant do tuesday how about friday", date(2026, 11, 27)),
        ("tuesday no wait friday", date(2026, 11, 27)),
        ("friday the fourth", date(2026, 12, 4)),  # a calendar date beats a weekday
    ],
)
def test_the_day_meant_when_several_are_said(text: str, expected: date) -> None:
    assert day_of(text) == expected


@pytest.mark.parametrize("text", ["not tuesday", "last tuesday", "may i come", "march in"])
def test_phrases_that_name_no_bookable_day(text: str) -> None:
    assert day_of(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the second one", None),
        ("the second", None),
        ("the first", None),
        ("the fifth", None),
        ("the sixth", date(2026, 12, 6)),
        ("on the second", date(2026, 12, 2)),
        ("for the second", date(2026, 12, 2)),
        ("the 2nd", date(2026, 12, 2)),
    ],
)
def test_small_ordinals_pick_an_offer_unless_clearly_a_date(text: str, expected: date | None) -> None:
    assert day_of(text) == expected


def test_today_is_taken_in_the_business_zone() -> None:
    late_evening_utc = datetime(2026, 11, 26, 3, 30, tzinfo=ZoneInfo("UTC"))  # 22:30 on the 25th in New York
    assert day_of("tomorrow", late_evening_utc) == date(2026, 11, 26)
    assert day_of("today", late_evening_utc) == date(2026, 11, 25)


def test_a_naive_now_is_read_as_business_local() -> None:
    assert day_of("tomorrow", datetime(2026, 11, 25, 23, 59)) == date(2026, 11, 26)


def test_business_zone_comes_from_the_catalogue() -> None:
    tokyo = sample_catalogue(zone=ZoneInfo("Asia/Tokyo"))
    # 09:00 New York on the 25th is 23:00 in Tokyo on the 25th; 11:00 New York is the 26th in Tokyo.
    now = datetime(2026, 11, 25, 11, tzinfo=NEW_YORK)
    assert RulesUtteranceInterpreter(tokyo).understand("today", now).day == date(2026, 11, 26)


@pytest.mark.parametrize(
    ("day", "expected"),
    [(25, date(2026, 11, 25)), (1, date(2026, 12, 1)), (31, date(2026, 12, 31)), (0, None), (32, None)],
)
def test_resolve_day_of_month(day: int, expected: date | None) -> None:
    assert resolve_day_of_month(NOW.date(), day) == expected


@pytest.mark.parametrize(
    ("month", "day", "year", "expected"),
    [
        (12, 23, None, date(2026, 12, 23)),
        (11, 24, None, date(2027, 11, 24)),
        (2, 30, None, None),
        (2, 29, 2028, date(2028, 2, 29)),
        (2, 29, 2027, None),
    ],
)
def test_resolve_month_day(month: int, day: int, year: int | None, expected: date | None) -> None:
    assert resolve_month_day(NOW.date(), month, day, year) == expected
