"""Days counted from other days, British and American, on several `now`s: mid-week, year end, month end, a DST change.

None of these may come out as the plain weekday they contain ("a week on tuesday" is never the coming Tuesday).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from slotline.domain.reference import Beside
from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NEW_YORK, sample_catalogue

LONDON = ZoneInfo("Europe/London")
US = RulesUtteranceInterpreter(sample_catalogue())
UK = RulesUtteranceInterpreter(sample_catalogue(zone=LONDON), default_region="GB")

WEDNESDAY = datetime(2026, 11, 25, 9, tzinfo=NEW_YORK)
YEAR_END = datetime(2026, 12, 27, 9, tzinfo=NEW_YORK)  # a Sunday
MONTH_END = datetime(2027, 1, 29, 9, tzinfo=NEW_YORK)  # a Friday
# 23:30 on Sunday 1 November 2026 in New York, an hour after the clocks went back; given in UTC, as a server has it.
AFTER_FALL_BACK = datetime(2026, 11, 2, 4, 30, tzinfo=UTC)
MONDAY_LONDON = datetime(2026, 3, 30, 8, tzinfo=LONDON)  # the day after the UK clocks went forward


def understood(text: str, now: datetime, interpreter: RulesUtteranceInterpreter = US) -> Interpretation:
    return interpreter.understand(text, now)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # British
        ("a week on tuesday", date(2026, 12, 8)),
        ("a week on Tuesday please", date(2026, 12, 8)),
        ("tuesday week", date(2026, 12, 8)),
        ("on tuesday week", date(2026, 12, 8)),
        ("a week today", date(2026, 12, 2)),
        ("a week tomorrow", date(2026, 12, 3)),
        ("a fortnight tomorrow", date(2026, 12, 10)),
        ("a fortnight on friday", date(2026, 12, 11)),
        ("a fortnight today", date(2026, 12, 9)),
        ("in a fortnight", date(2026, 12, 9)),
        ("in two weeks' time", date(2026, 12, 9)),
        ("in 3 days hence", date(2026, 11, 28)),
        ("the tuesday after next", date(2026, 12, 8)),
        ("tuesday after next", date(2026, 12, 8)),
        ("friday after next", date(2026, 12, 4)),  # not this Friday (the 27th) but the one after
        ("the saturday after next", date(2026, 12, 5)),
        # American
        ("a week from tuesday", date(2026, 12, 8)),
        ("a week from today", date(2026, 12, 2)),
        ("a week from tomorrow", date(2026, 12, 3)),
        ("two weeks from friday", date(2026, 12, 11)),
        ("two weeks from now", date(2026, 12, 9)),
        ("ten days from today", date(2026, 12, 5)),
        ("10 days from now", date(2026, 12, 5)),
        ("three tuesdays from now", date(2026, 12, 15)),
        ("two fridays from today", date(2026, 12, 4)),
        ("in two weeks", date(2026, 12, 9)),
        # Months
        ("the 20th of next month", date(2026, 12, 20)),
        ("next month on the 3rd", date(2026, 12, 3)),
        ("next month on the third", date(2026, 12, 3)),
        ("the first monday of january", date(2027, 1, 4)),
        ("the last friday of next month", date(2026, 12, 25)),
        ("the second tuesday in december", date(2026, 12, 8)),
        # Near days, as before
        ("this coming friday", date(2026, 11, 27)),
        ("the day after tomorrow", date(2026, 11, 27)),
    ],
)
def test_relative_days_on_a_wednesday(text: str, expected: date) -> None:
    result = understood(f"a haircut {text}", WEDNESDAY)
    assert (result.day, result.unsure) == (expected, ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a week on tuesday", date(2027, 1, 5)),
        ("tuesday week", date(2027, 1, 5)),
        ("a week today", date(2027, 1, 3)),
        ("a week tomorrow", date(2027, 1, 4)),
        ("a fortnight tomorrow", date(2027, 1, 11)),
        ("a fortnight on friday", date(2027, 1, 15)),
        ("the tuesday after next", date(2027, 1, 5)),
        ("three tuesdays from now", date(2027, 1, 12)),
        ("in two weeks time", date(2027, 1, 10)),
        ("ten days from today", date(2027, 1, 6)),
        ("the 20th of next month", date(2027, 1, 20)),
        ("next month on the 3rd", date(2027, 1, 3)),
        ("the first monday of january", date(2027, 1, 4)),
    ],
)
def test_relative_days_across_the_year_end(text: str, expected: date) -> None:
    assert understood(f"a haircut {text}", YEAR_END).day == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a week on tuesday", date(2027, 2, 9)),
        ("friday after next", date(2027, 2, 12)),
        ("a week today", date(2027, 2, 5)),
        ("the 20th of next month", date(2027, 2, 20)),
        ("the last friday of next month", date(2027, 2, 26)),
        ("in a fortnight", date(2027, 2, 12)),
    ],
)
def test_relative_days_across_a_month_end(text: str, expected: date) -> None:
    assert understood(f"a haircut {text}", MONTH_END).day == expected


def test_a_day_that_does_not_exist_next_month_names_no_day() -> None:
    assert understood("a haircut next month on the 31st", MONTH_END).day is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("tomorrow", date(2026, 11, 2)), ("a week tomorrow", date(2026, 11, 9)), ("a week today", date(2026, 11, 8))],
)
def test_today_is_the_business_day_after_a_dst_change(text: str, expected: date) -> None:
    assert understood(f"a haircut {text}", AFTER_FALL_BACK).day == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a week on Tuesday", date(2026, 4, 7)),
        ("Tuesday week", date(2026, 4, 7)),
        ("a fortnight on Friday", date(2026, 4, 17)),
        ("in a fortnight's time", date(2026, 4, 13)),
    ],
)
def test_british_forms_in_a_london_business(text: str, expected: date) -> None:
    assert understood(f"a haircut {text}", MONDAY_LONDON, UK).day == expected


@pytest.mark.parametrize(
    ("text", "now"),
    [
        ("the thursday after next", WEDNESDAY),  # tomorrow is a Thursday: a week after it, or two?
        ("thursday after next", WEDNESDAY),
        ("tuesday after next", MONDAY_LONDON),
    ],
)
def test_the_day_after_next_is_asked_about_the_day_before(text: str, now: datetime) -> None:
    result = understood(f"a haircut {text}", now, UK if now is MONDAY_LONDON else US)
    assert result.day is None
    assert result.unsure == ("day",)
    assert result.intent is Intent.INFORM


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in two weeks' time, on the friday", date(2026, 12, 11)),  # the Friday of the week two weeks on
        ("in two weeks on tuesday", date(2026, 12, 8)),
        ("tuesday in two weeks", date(2026, 12, 8)),
        ("three weeks from now, on monday", date(2026, 12, 14)),
        ("in a fortnight, thursday", date(2026, 12, 10)),
        ("in three weeks, same day as today", date(2026, 12, 16)),
        ("next week, same day as today", date(2026, 12, 2)),
    ],
)
def test_a_weekday_said_with_whole_weeks_is_that_weeks(text: str, expected: date) -> None:
    result = understood(f"a haircut {text}", WEDNESDAY)
    assert (result.day, result.unsure) == (expected, ())


def test_no_relative_phrase_is_read_as_its_plain_weekday() -> None:
    plain = understood("a haircut on tuesday", WEDNESDAY).day
    for text in ("a week on tuesday", "tuesday week", "the tuesday after next", "a fortnight on tuesday"):
        assert understood(f"a haircut {text}", WEDNESDAY).day != plain, text


def test_the_same_weekday_after_one_said_is_a_week_after_it() -> None:
    now = datetime(2026, 11, 25, 9, tzinfo=NEW_YORK)
    moved = US.understand("i can't make it on tuesday, could we do the tuesday after at ten?", now)
    assert (moved.day, moved.unsure) == (date(2026, 12, 8), ())
    alone = US.understand("could we do the tuesday after", now)  # after the day on the table: the dialogue counts it
    assert (alone.day, alone.refers.beside) == (None, Beside(weekday=1, direction=1))
