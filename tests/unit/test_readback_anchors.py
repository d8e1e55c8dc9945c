"""Read-backs name a near day the way a caller would, so that a misunderstood day is heard as one."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from slotline.domain.dialogue.anchors import say_day_near
from slotline.domain.dialogue.prompts import Prompts
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from tests.factories import NEW_YORK, sample_catalogue

WEDNESDAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("today", "day", "said"),
    [
        (WEDNESDAY, date(2026, 11, 25), "today, Wednesday the 25th"),
        (WEDNESDAY, date(2026, 11, 26), "tomorrow, Thursday the 26th"),
        (WEDNESDAY, date(2026, 11, 27), "this Friday, the 27th"),
        (WEDNESDAY, date(2026, 11, 29), "this Sunday, the 29th"),
        (WEDNESDAY, date(2026, 12, 1), "next Tuesday, December 1st"),
        (WEDNESDAY, date(2026, 12, 6), "next Sunday, December 6th"),
        (WEDNESDAY, date(2026, 12, 8), "on Tuesday, December 8th, a week on Tuesday"),
        (WEDNESDAY, date(2026, 12, 15), "on Tuesday, December 15th"),
        (date(2026, 11, 30), date(2026, 12, 1), "tomorrow, Tuesday, December 1st"),  # across a month end
        (date(2026, 11, 30), date(2026, 12, 3), "this Thursday, December 3rd"),
        (date(2026, 12, 27), date(2026, 12, 29), "next Tuesday, the 29th"),  # said on a Sunday
        (date(2026, 12, 27), date(2027, 1, 5), "on Tuesday, January 5th, a week on Tuesday"),  # across a year end
        (date(2026, 12, 31), date(2027, 1, 1), "tomorrow, Friday, January 1st"),
    ],
)
def test_a_near_day_is_anchored(today: date, day: date, said: str) -> None:
    assert say_day_near(day, today) == said


def test_without_today_the_date_is_read_as_before() -> None:
    assert say_day_near(date(2026, 12, 1), None) == "on Tuesday, December 1st"


def _slot(day: date, hour: int) -> Slot:
    start = datetime(day.year, day.month, day.day, hour, tzinfo=NEW_YORK)
    return Slot(TimeWindow.starting(start, timedelta(minutes=30)), StaffId("sam"), ServiceId("haircut"))


@pytest.mark.parametrize(
    ("day", "sentence"),
    [
        (date(2026, 11, 26), "Let me read that back: a haircut with Sam Rivera tomorrow, Thursday the 26th at 3 PM."),
        (date(2026, 12, 1), "Let me read that back: a haircut with Sam Rivera next Tuesday, December 1st at 3 PM."),
        (
            date(2026, 12, 8),
            "Let me read that back: a haircut with Sam Rivera on Tuesday, December 8th, a week on Tuesday, at 3 PM.",
        ),
        (date(2026, 12, 15), "Let me read that back: a haircut with Sam Rivera on Tuesday, December 15th at 3 PM."),
    ],
)
def test_the_read_back_sentence(day: date, sentence: str) -> None:
    said = Prompts(sample_catalogue()).readback(_slot(day, 15), None, WEDNESDAY)
    assert said == f"{sentence} Shall I book it?"
