"""Issue 14: "this" and "next" before a weekday are not told apart on 8 kHz lines; the day is asked when they differ."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from slotline.infrastructure.pocketsphinx_stt import PocketsphinxSettings
from slotline.infrastructure.pocketsphinx_stt.days import either_week
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.unit.test_dialogue_policy import CAT

WEDNESDAY = datetime(2026, 11, 25, 9, 0, tzinfo=ZoneInfo("America/New_York"))
INTERPRETER = RulesUtteranceInterpreter(CAT)


def test_this_and_next_before_a_weekday_are_heard_as_either() -> None:
    assert either_week(("a", "haircut", "this", "friday", "at", "three")) == (
        "a", "haircut", "this", "or", "next", "friday", "at", "three",
    )  # fmt: skip
    assert either_week(("next", "week", "please")) == ("next", "week", "please")  # no weekday: as heard
    assert either_week(("this", "or", "next", "friday")) == ("this", "or", "next", "friday")  # said so already


def test_either_week_asks_the_day_only_when_the_two_differ() -> None:
    friday = INTERPRETER.understand("a haircut this or next friday at three", WEDNESDAY)
    assert "day" in friday.unsure  # the 27th or the 4th
    tuesday = INTERPRETER.understand("a haircut this or next tuesday afternoon", WEDNESDAY)
    assert (tuesday.day, tuesday.unsure) == (date(2026, 12, 1), ())  # both the coming Tuesday


def test_it_is_on_by_default() -> None:
    assert PocketsphinxSettings().either_week_on_narrowband
