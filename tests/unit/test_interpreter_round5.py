"""Issue 13, the round after the fifth held-out set: forms of English it showed the rules did not know. Each is a
rule about the language or the catalogue, tested here on the sample business, not on the conversations it came from."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NEW_YORK, sample_catalogue

INTERPRETER = RulesUtteranceInterpreter(sample_catalogue())
DECEMBER = datetime(2026, 12, 10, 9, 0, tzinfo=NEW_YORK)  # a Thursday; Christmas Day (a closure) is a Friday
OCTOBER = datetime(2026, 10, 8, 15, 0, tzinfo=NEW_YORK)  # a Thursday


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("the monday after christmas", date(2026, 12, 28)),
        ("the friday before christmas", date(2026, 12, 18)),
        ("the wednesday before christmas", date(2026, 12, 23)),
        ("the day after christmas", date(2026, 12, 26)),
        ("on new year's eve", date(2026, 12, 31)),  # only New Year's Day is written down
        ("the first saturday of the new year", date(2027, 1, 2)),
        ("the first monday of next year", date(2027, 1, 4)),
        ("this day week", date(2026, 12, 17)),
        ("today week", date(2026, 12, 17)),
        ("tomorrow week", date(2026, 12, 18)),
    ],
)
def test_days_counted_from_a_holiday_or_today(text: str, day: date) -> None:
    heard = INTERPRETER.understand(f"a haircut {text}", DECEMBER)
    assert (heard.day, heard.unsure) == (day, ())


def test_a_weekday_after_another_said_before_it_counts_from_that_one() -> None:
    heard = INTERPRETER.understand("my haircut is monday morning, could I change it to the thursday after", OCTOBER)
    assert (heard.intent, heard.day, heard.unsure) == (Intent.RESCHEDULE, date(2026, 10, 15), ())


def test_moved_from_one_day_to_another_is_the_second() -> None:
    heard = INTERPRETER.understand("I need to move my haircut from monday to wednesday, same time", OCTOBER)
    assert (heard.intent, heard.day, heard.unsure) == (Intent.RESCHEDULE, date(2026, 10, 14), ())
    assert heard.other_days == (date(2026, 10, 12),)


@pytest.mark.parametrize(
    "text",
    ["could we push it to friday", "can you push my appointment to monday", "push it out to next week please"],
)
def test_pushing_it_to_a_day_moves_it(text: str) -> None:
    assert INTERPRETER.understand(text, OCTOBER).intent is Intent.RESCHEDULE


@pytest.mark.parametrize("text", ["can I bring him in on wednesday", "I'd like to bring my dog in tomorrow"])
def test_bringing_someone_in_is_a_booking(text: str) -> None:
    assert INTERPRETER.understand(text, OCTOBER).intent is Intent.BOOK


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("sorry, my mistake, it's the massage I need, not the haircut", "massage"),
        ("the massage, not the haircut", "massage"),
        ("not a haircut, a massage", "massage"),
    ],
)
def test_a_service_ruled_out_is_not_the_one_meant(text: str, service: str) -> None:
    assert INTERPRETER.understand(text, OCTOBER).service_id == service


def test_a_service_only_ruled_out_names_none() -> None:
    heard = INTERPRETER.understand("not a haircut", OCTOBER)
    assert heard.service_id is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("sorry, did I say wednesday? I meant thursday", date(2026, 10, 15)),
        ("friday, my mistake, saturday", date(2026, 10, 10)),
    ],
)
def test_more_ways_to_correct_a_day(text: str, day: date) -> None:
    heard = INTERPRETER.understand(text, OCTOBER)
    assert (heard.day, heard.unsure) == (day, ())


def test_a_first_ever_visit_is_no_choice() -> None:
    assert INTERPRETER.understand("it's his first ever visit, thursday maybe", OCTOBER).ordinal is None
