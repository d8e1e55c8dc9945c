"""Holidays the business wrote down (closures, special hours) are days a caller can name."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from slotline.domain.catalogue import Closure
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, sample_catalogue

BASE = sample_catalogue()  # closed on Christmas Day
CATALOGUE = replace(
    BASE,
    closures=(
        *BASE.closures,
        Closure(date(2026, 11, 26), "Thanksgiving"),
        Closure(date(2027, 1, 18), "Martin Luther King Jr. Day"),
        Closure(date(2026, 12, 28), "the Boxing Day bank holiday"),
        Closure(date(2026, 12, 7), "Staff training"),
    ),
)
INTERPRETER = RulesUtteranceInterpreter(CATALOGUE)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("a haircut on christmas day", date(2026, 12, 25)),
        ("can i come in on christmas", date(2026, 12, 25)),
        ("martin luther king day please", date(2027, 1, 18)),
        ("on friday, the day after thanksgiving", date(2026, 11, 27)),
        ("the day before christmas", date(2026, 12, 24)),
        ("the boxing day bank holiday", date(2026, 12, 28)),
    ],
)
def test_a_holiday_of_the_business_is_its_day(text: str, day: date) -> None:
    result = INTERPRETER.understand(text, NOW)
    assert (result.day, result.unsure) == (day, ())


@pytest.mark.parametrize("text", ["i'm on holiday next week", "after staff training", "boxing day"])
def test_generic_words_and_unwritten_holidays_name_no_holiday(text: str) -> None:
    result = INTERPRETER.understand(text, NOW)
    assert result.day not in (date(2026, 12, 7), date(2026, 12, 28))


def test_a_holiday_that_disagrees_with_the_weekday_said_is_asked() -> None:
    assert "day" in INTERPRETER.understand("on monday, christmas day", NOW).unsure
