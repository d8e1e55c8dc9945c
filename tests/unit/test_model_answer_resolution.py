"""A model's answer is what the caller said; code resolves it in the business time zone, against the catalogue."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import pytest

from slotline.application.errors import InterpreterAnswerInvalid
from slotline.domain.dialogue.expectation import Expectation, Expecting, OfferedSlot
from slotline.domain.preference import PartOfDay, StartBounds
from slotline.domain.understanding import Intent
from slotline.infrastructure.model_nlu.answer import ANSWER_SCHEMA, ModelAnswer, SaidDay
from slotline.infrastructure.model_nlu.prompt import Prompt
from slotline.infrastructure.model_nlu.reading import TurnReader
from slotline.infrastructure.model_nlu.resolution import AnswerResolver, resolve_day
from tests.factories import NOW, sample_catalogue

RESOLVER = AnswerResolver(sample_catalogue())
WEDNESDAY = date(2026, 11, 25)


def read(answer: dict[str, Any], now: datetime = NOW) -> Any:
    return RESOLVER.interpretation(ModelAnswer.model_validate(answer), "words", now)


@pytest.mark.parametrize(
    ("said", "day", "last"),
    [
        ({"relative": "tomorrow"}, date(2026, 11, 26), None),
        ({"relative": "day_after_tomorrow"}, date(2026, 11, 27), None),
        ({"weekday": "tuesday"}, date(2026, 12, 1), None),
        ({"weekday": "wednesday"}, date(2026, 12, 2), None),  # a bare weekday is never today
        ({"weekday": "wednesday", "said_as": "this"}, WEDNESDAY, None),
        ({"weekday": "monday", "said_as": "next"}, date(2026, 11, 30), None),
        ({"weekday": "tuesday", "weeks_later": 1}, date(2026, 12, 8), None),  # "a week on tuesday"
        ({"weekday": "tuesday", "week": "next"}, date(2026, 12, 1), None),  # "tuesday next week"
        ({"weekday": "tuesday", "week": "after_next"}, date(2026, 12, 8), None),
        ({"in_days": 14}, date(2026, 12, 9), None),
        ({"day_of_month": 23}, date(2026, 12, 23), None),
        ({"day_of_month": 3, "month": 1}, date(2027, 1, 3), None),
        ({"day_of_month": 3, "weekday": "thursday"}, date(2026, 12, 3), None),  # they agree
        ({"week": "next"}, date(2026, 11, 30), date(2026, 12, 6)),
        ({"week": "this"}, WEDNESDAY, date(2026, 11, 29)),
    ],
)
def test_days_are_resolved_in_code(said: dict[str, Any], day: date, last: date | None) -> None:
    assert resolve_day(SaidDay.model_validate(said), WEDNESDAY) == (day, last, False)


@pytest.mark.parametrize(
    "said",
    [
        {"day_of_month": 30, "month": 2},  # no such day
        {"day_of_month": 3, "weekday": "tuesday"},  # the 3rd is a Thursday
        {"relative": "tomorrow", "weekday": "friday"},
    ],
)
def test_a_day_that_cannot_be_is_asked_about(said: dict[str, Any]) -> None:
    understood = read({"intent": "inform", "day": said})

    assert understood.day is None
    assert understood.unsure == ("day",)


def test_tomorrow_is_the_business_tomorrow() -> None:
    late_evening = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)  # 22:00 Wednesday in New York
    assert read({"intent": "inform", "day": {"relative": "tomorrow"}}, late_evening).day == date(2026, 11, 26)


@pytest.mark.parametrize(
    ("said", "part", "at"),
    [
        ({"hour": 2}, None, time(14, 0)),  # the bare-hour rule: 1-7 p.m.
        ({"hour": 9, "minute": 30}, None, time(9, 30)),
        ({"hour": 7}, None, time(19, 0)),  # the clinic opens at 8: "at 7" is the evening
        ({"hour": 7}, "morning", time(7, 0)),
        ({"hour": 3, "meridiem": "am"}, None, time(3, 0)),
        ({"hour": 15}, None, time(15, 0)),
        ({"hour": 12}, None, time(12, 0)),
    ],
)
def test_times_follow_the_rules_bare_hour_reading(said: dict[str, Any], part: str | None, at: time) -> None:
    understood = read({"intent": "inform", "time": said, "part_of_day": part})

    assert understood.at == at


def test_names_are_the_catalogues_ids_and_unknown_names_are_dropped() -> None:
    assert read({"intent": "book", "service": "Massage", "staff": "Jordan"}).service_id == "massage"
    assert read({"intent": "book", "service": "Massage", "staff": "Jordan"}).staff_id == "jordan"
    assert read({"intent": "book", "service": "tattoo", "staff": "Bob"}).service_id is None
    assert read({"intent": "book", "service": "tattoo", "staff": "Bob"}).staff_id is None


def test_bounds_choices_and_flags() -> None:
    understood = read({"intent": "deny", "after": {"hour": 4}, "choice": 2, "earliest": True, "part_of_day": None})

    assert understood.intent is Intent.DENY
    assert understood.bounds == StartBounds(not_before=time(16, 0))
    assert (understood.ordinal, understood.earliest) == (2, True)
    assert read({"intent": "inform", "after": {"hour": 5}, "before": {"hour": 3}}).unsure == ("time",)
    assert read({"intent": "inform", "part_of_day": "afternoon"}).part_of_day is PartOfDay.AFTERNOON


def test_unknown_carries_nothing_else() -> None:
    understood = read({"intent": "unknown", "service": "massage", "day": {"relative": "today"}})

    assert understood.intent is Intent.UNKNOWN
    assert not understood.has_details


@pytest.mark.parametrize("raw", ["not json", '{"intent": "frobnicate"}', '{"intent": "book", "hour": 3}', None])
def test_an_answer_outside_the_schema_is_invalid(raw: str | None) -> None:
    with pytest.raises(InterpreterAnswerInvalid):
        TurnReader(sample_catalogue(), 0.8).answer(raw)


def test_the_schema_has_no_references_for_grammar_engines() -> None:
    assert "$ref" not in str(ANSWER_SCHEMA) and "$defs" not in ANSWER_SCHEMA
    assert ANSWER_SCHEMA["required"] == ["intent"]


def test_the_prompt_names_the_catalogue_and_what_was_offered_but_no_date() -> None:
    prompt = Prompt(sample_catalogue())
    offers = (OfferedSlot(date(2026, 12, 1), time(10, 0), "Alex Chen"),)

    user = prompt.user("the ten o'clock one", Expectation(Expecting.CHOICE, offers))

    assert "massage" in prompt.system and "jordan" in prompt.system
    assert "1. Tuesday 01 December 10:00 with Alex Chen" in user
    assert user.endswith('Caller said: "the ten o\'clock one"')
    assert "2026" not in prompt.system
