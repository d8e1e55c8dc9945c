"""Bounds on the start time: "after four", "before noon", "no later than three", "between two and four"."""

from __future__ import annotations

from datetime import date, time

import pytest

from slotline.domain.ids import ServiceId
from slotline.domain.preference import UNBOUNDED, StartBounds
from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.rules_nlu.day_parts import find_part_of_day
from slotline.infrastructure.rules_nlu.time_bounds import find_bounds, pick_bounds
from slotline.infrastructure.rules_nlu.words import normalise
from tests.factories import NOW, sample_catalogue

INTERPRETER = RulesUtteranceInterpreter(sample_catalogue())


def understood(text: str) -> Interpretation:
    return INTERPRETER.understand(text, NOW)


def after(hour: int, minute: int = 0) -> StartBounds:
    return StartBounds(not_before=time(hour, minute))


def before(hour: int, minute: int = 0) -> StartBounds:
    return StartBounds(before=time(hour, minute))


def no_later_than(hour: int, minute: int = 0) -> StartBounds:
    return StartBounds(not_after=time(hour, minute))


def between(low: int, high: int) -> StartBounds:
    return StartBounds(not_before=time(low), before=time(high))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("after four", after(16)),
        ("after 4", after(16)),
        ("after 4 pm", after(16)),
        ("after 4pm", after(16)),
        ("after four in the afternoon", after(16)),
        ("any time after three thirty", after(15, 30)),
        ("anytime after 3:30", after(15, 30)),
        ("sometime after half past two", after(14, 30)),
        ("later than two", after(14)),
        ("no earlier than ten", after(10)),
        ("not before ten", after(10)),
        ("four or later", after(16)),
        ("from four onwards", after(16)),
        ("from four on", after(16)),
        ("from four", after(16)),
        ("after lunch", after(12)),
        ("after seven in the morning", after(7)),
        ("before noon", before(12)),
        ("before eleven", before(11)),
        ("before 11", before(11)),
        ("before lunch", before(12)),
        ("earlier than ten", before(10)),
        ("sometime before ten thirty", before(10, 30)),
        ("no later than 3", no_later_than(15)),
        ("no later than three pm", no_later_than(15)),
        ("not later than three", no_later_than(15)),
        ("not after three", no_later_than(15)),
        ("three at the latest", no_later_than(15)),
        ("at three at the latest", no_later_than(15)),
        ("three or earlier", no_later_than(15)),
        ("between two and four", between(14, 16)),
        ("any time between 2 and 4", between(14, 16)),
        ("between ten and two", between(10, 14)),
        ("between eleven and one", between(11, 13)),
        ("from ten to four", between(10, 16)),
        ("from ten until twelve", between(10, 12)),
        ("between two thirty and four", StartBounds(not_before=time(14, 30), before=time(16))),
    ],
)
def test_bound_forms(text: str, expected: StartBounds) -> None:
    words = normalise(text)
    assert pick_bounds(find_bounds(words, find_part_of_day(words))) == expected
    result = understood(text)
    assert result.bounds == expected
    assert result.at is None  # a bound is not a time to be near
    assert result.intent is Intent.INFORM


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("between 2 and 4 pm", between(14, 16)),
        ("between eight and ten pm", between(20, 22)),  # the first takes the second's p.m.
        ("between ten and two pm", between(10, 14)),  # ... unless that would put it after the second
        ("between 9 and 11 am", between(9, 11)),
        ("between seven and nine", between(7, 9)),  # 7 would be p.m. by the bare-hour rule, after nine
        ("between seven and nine in the evening", between(19, 21)),
    ],
)
def test_the_two_ends_of_a_range_settle_am_and_pm_together(text: str, expected: StartBounds) -> None:
    assert understood(text).bounds == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("after four but before six", StartBounds(not_before=time(16), before=time(18))),
        ("after four no before noon", before(12)),  # contradicts: the last one said wins
        ("after two no after four", after(16)),
    ],
)
def test_several_bounds_refine_each_other(text: str, expected: StartBounds) -> None:
    assert understood(text).bounds == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i can't do after four", before(16)),
        ("i can't do before ten", after(10)),
    ],
)
def test_a_ruled_out_bound_is_turned_round(text: str, expected: StartBounds) -> None:
    result = understood(text)
    assert result.bounds == expected
    assert result.intent is Intent.DENY  # "can't do" still rejects what was offered


def test_a_ruled_out_range_gives_no_bounds() -> None:
    result = understood("not between two and four")
    assert (result.intent, result.bounds) == (Intent.DENY, UNBOUNDED)


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("quarter after ten", time(10, 15)),
        ("ten past three", time(15, 10)),
        ("ten before eleven", time(10, 50)),
        ("five after four", time(16, 5)),
        ("by three", time(15)),  # still read as about three (see docs/understanding.md)
    ],
)
def test_times_that_contain_after_or_before_stay_times(text: str, at: time) -> None:
    result = understood(text)
    assert (result.at, result.bounds) == (at, UNBOUNDED)


@pytest.mark.parametrize(
    "text",
    [
        "after two people",
        "the day after tomorrow",
        "after tuesday",
        "before the second one",
        "after that",
        "between us",
    ],
)
def test_after_and_before_without_a_time_are_no_bounds(text: str) -> None:
    assert understood(text).bounds == UNBOUNDED


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("after four on friday", date(2026, 11, 27)),
        ("friday after four", date(2026, 11, 27)),
        ("after four on the 3rd", date(2026, 12, 3)),
    ],
)
def test_a_day_next_to_a_bound_stays_a_day(text: str, day: date) -> None:
    result = understood(text)
    assert (result.day, result.bounds) == (day, after(16))


def test_no_later_than_is_not_a_no() -> None:
    assert understood("no later than three").intent is Intent.INFORM
    assert understood("no, no later than three").intent is Intent.DENY


def test_a_whole_request_with_a_bound() -> None:
    result = understood("i'd like a haircut next tuesday after four")
    assert result == Interpretation(
        Intent.BOOK,
        text="i'd like a haircut next tuesday after four",
        service_id=ServiceId("haircut"),
        day=date(2026, 12, 1),
        bounds=after(16),
    )
