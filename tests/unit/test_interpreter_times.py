"""Clock times, the bare-hour rule, parts of the day, "around", and "as soon as possible"."""

from __future__ import annotations

from datetime import time

import pytest

from slotline.domain.preference import PartOfDay
from slotline.domain.understanding import Interpretation
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.rules_nlu.day_parts import find_earliest, find_part_of_day
from slotline.infrastructure.rules_nlu.times import find_times, pick_time, resolve_hour
from slotline.infrastructure.rules_nlu.words import normalise
from tests.factories import NOW, sample_catalogue

INTERPRETER = RulesUtteranceInterpreter(sample_catalogue())


def understood(text: str) -> Interpretation:
    return INTERPRETER.understand(text, NOW)


def at_of(text: str) -> time | None:
    words = normalise(text)
    reading = pick_time(find_times(words, find_part_of_day(words)))
    return reading.at if reading else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("three pm", time(15)),
        ("3pm", time(15)),
        ("3 pm", time(15)),
        ("3 p.m.", time(15)),
        ("three p m", time(15)),
        ("10am", time(10)),
        ("ten a m", time(10)),
        ("at 3", time(15)),
        ("at three", time(15)),
        ("3:30", time(15, 30)),
        ("3:30pm", time(15, 30)),
        ("3.30", time(15, 30)),
        ("three thirty", time(15, 30)),
        ("three thirty pm", time(15, 30)),
        ("three fifteen", time(15, 15)),
        ("three forty five", time(15, 45)),
        ("ten oh five", time(10, 5)),
        ("ten o five", time(10, 5)),
        ("fifteen hundred", time(15)),
        ("fifteen hundred hours", time(15)),
        ("nine hundred", time(9)),
        ("fifteen thirty", time(15, 30)),
        ("15:00", time(15)),
        ("09:30", time(9, 30)),
        ("at 1500", time(15)),
        ("1500 hours", time(15)),
        ("a haircut for three", time(15)),
        ("for 3", time(15)),
        ("noon", time(12)),
        ("midday", time(12)),
        ("twelve noon", time(12)),
        ("at twelve", time(12)),
        ("half past two", time(14, 30)),
        ("half past twelve", time(12, 30)),
        ("half two", time(14, 30)),  # British: half past two
        ("at half four", time(16, 30)),
        ("half eleven", time(11, 30)),
        ("half 3", time(15, 30)),
        ("half seven in the morning", time(7, 30)),
        ("quarter to four", time(15, 45)),
        ("a quarter to four", time(15, 45)),
        ("quarter to nine", time(8, 45)),
        ("quarter to one", time(12, 45)),
        ("quarter past ten", time(10, 15)),
        ("quarter after ten", time(10, 15)),
        ("ten past three", time(15, 10)),
        ("twenty to five", time(16, 40)),
        ("five oclock", time(17)),
        ("five o'clock", time(17)),
        ("five o clock", time(17)),
        ("in the morning at ten", time(10)),
        ("ten in the morning", time(10)),
        ("seven in the morning", time(7)),
        ("at eight in the evening", time(20)),
        ("seven tonight", time(19)),
        ("eleven at night", time(23)),
        ("tomorrow afternoon at two", time(14)),
        ("three", time(15)),
        ("ok three then", time(15)),
        ("the one at three", time(15)),
        ("the three thirty one", time(15, 30)),
        ("three twenty one pm", time(15, 21)),
        ("the ten am one", time(10)),
        ("i'll take the three o'clock", time(15)),
    ],
)
def test_time_forms(text: str, expected: time) -> None:
    assert at_of(text) == expected
    assert understood(text).at == expected


@pytest.mark.parametrize(
    ("hour", "expected"),
    [(1, 13), (2, 14), (3, 15), (4, 16), (5, 17), (6, 18), (7, 19), (8, 8), (9, 9), (10, 10), (11, 11), (12, 12)],
)
def test_bare_hour_takes_the_business_hours_reading(hour: int, expected: int) -> None:
    assert resolve_hour(hour, None) == expected
    assert understood(f"at {hour}").at == time(expected)


@pytest.mark.parametrize(
    ("hour", "meridiem", "part", "expected"),
    [
        (12, "am", None, 0),
        (12, "pm", None, 12),
        (7, "am", None, 7),
        (8, "pm", None, 20),
        (8, None, PartOfDay.EVENING, 20),
        (3, None, PartOfDay.AFTERNOON, 15),
        (12, None, PartOfDay.AFTERNOON, 12),
        (7, None, PartOfDay.MORNING, 7),
        (13, None, None, None),
        (0, None, None, None),
    ],
)
def test_resolve_hour_with_a_meridiem_or_part_of_day(
    hour: int, meridiem: str | None, part: PartOfDay | None, expected: int | None
) -> None:
    assert resolve_hour(hour, "am" if meridiem == "am" else "pm" if meridiem == "pm" else None, part) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the second one",
        "number two",
        "option three",
        "that one",
        "in two days",
        "for two people",
        "twenty third",
        "i have two kids",
        "thirty minutes",
        "from ten to four",
        "i had lunch",
        "2026",
        "a haircut for two people",
        "for three of us",
        "half an hour",
        "two and a half",
        "half two people",
    ],
)
def test_numbers_that_are_not_times(text: str) -> None:
    assert understood(text).at is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("around four", time(16)),
        ("about four", time(16)),
        ("at around four", time(16)),
        ("four ish", time(16)),
        ("fourish", time(16)),
        ("4ish", time(16)),
        ("three or so", time(15)),
        ("roughly ten thirty", time(10, 30)),
        ("sometime around noon", time(12)),
        ("by three", time(15)),
        ("until ten", time(10)),
        ("around lunchtime", time(12)),
        ("at lunch time", time(12)),
    ],
)
def test_approximate_times(text: str, expected: time) -> None:
    result = understood(text)
    assert (result.at, result.approximate) == (expected, True)


@pytest.mark.parametrize("text", ["at four", "how about four", "what about three thirty", "four sharp", "3pm"])
def test_exact_times_are_not_approximate(text: str) -> None:
    result = understood(text)
    assert result.at is not None
    assert not result.approximate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at three not four", time(15)),
        ("not at three at four", time(16)),
        ("at four not at three", time(16)),
        ("three no wait four thirty", time(16, 30)),
    ],
)
def test_the_time_meant_when_several_are_said(text: str, expected: time) -> None:
    assert understood(text).at == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("morning", PartOfDay.MORNING),
        ("in the morning", PartOfDay.MORNING),
        ("tomorrow morning", PartOfDay.MORNING),
        ("sometime in the afternoon", PartOfDay.AFTERNOON),
        ("afternoons are better", PartOfDay.AFTERNOON),
        ("in the evening", PartOfDay.EVENING),
        ("tonight", PartOfDay.EVENING),
        ("friday night", PartOfDay.EVENING),
        ("morning no afternoon", PartOfDay.AFTERNOON),
        ("good morning", None),
        ("good night", None),
        ("at three", None),
    ],
)
def test_parts_of_day(text: str, expected: PartOfDay | None) -> None:
    assert find_part_of_day(normalise(text)) == expected
    assert understood(text).part_of_day == expected


@pytest.mark.parametrize(
    "text",
    [
        "the earliest",
        "earliest you have",
        "first available",
        "the first available slot",
        "next available",
        "as soon as possible",
        "asap",
        "a s a p",
        "whatever is soonest",
        "first thing in the morning",
        "right away",
    ],
)
def test_earliest(text: str) -> None:
    assert find_earliest(normalise(text))
    result = understood(text)
    assert result.earliest
    assert result.ordinal is None
    assert result.day is None


def test_approximate_is_only_set_with_a_time() -> None:
    result = understood("around tuesday")
    assert (result.at, result.approximate) == (None, False)
