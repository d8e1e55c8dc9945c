"""Never guessed silently: words no reader used that could change a day, time, service or person flag the turn."""

from __future__ import annotations

from datetime import date, time

import pytest

from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, sample_catalogue

INTERPRETER = RulesUtteranceInterpreter(sample_catalogue())
COMING_TUESDAY = date(2026, 12, 1)  # NOW is Wednesday 25 November 2026


def understood(text: str) -> Interpretation:
    return INTERPRETER.understand(text, NOW)


@pytest.mark.parametrize(
    ("text", "unsure"),
    [
        ("a haircut on tuesday the week after", ("week", "after")),
        ("tuesday, not next week but the one after", ("after",)),
        ("the tuesday before christmas", ("before",)),
        ("tuesday the following week", ("following", "week")),
        ("tuesday a fortnight after", ("fortnight", "after")),
        ("tuesday at 3 for 2 people", ("2",)),
        ("tuesday, the one in january", ("january",)),
        ("tuesday except in the morning after 10", ("except",)),
        # two days that disagree, with no "no" or "actually" between them
        ("tuesday in two weeks or so", ("day",)),  # in two weeks is a Wednesday
        ("tuesday unless it's the 3rd", ("day",)),
        ("tuesday the 3rd", ("day",)),  # the 3rd is a Thursday
        ("friday at three but not the friday this week", ("day",)),  # asked for and ruled out
    ],
)
def test_left_over_meaning_flags_the_turn(text: str, unsure: tuple[str, ...]) -> None:
    result = understood(text)
    assert result.unsure == unsure
    if unsure:
        assert result.intent is not Intent.UNKNOWN


@pytest.mark.parametrize(
    "text",
    [
        "tuesday week",
        "a week on tuesday",
        "the tuesday after next",
        "tuesday the week after",
        "tuesday, not this one, the one after",
        "tuesday but a week later",
        "tuesday in a fortnight",
        "a week from tuesday",
        "tuesday next month",
    ],
)
def test_what_used_to_be_read_as_the_plain_weekday_is_never_the_plain_weekday_unflagged(text: str) -> None:
    result = understood(f"a haircut {text}")
    assert result.day != COMING_TUESDAY or result.unsure, text


@pytest.mark.parametrize(
    "text",
    [
        "a haircut next tuesday at 3",
        "not tuesday, wednesday",
        "i can't do friday",
        "i'm not sure, maybe tuesday at three",
        "the second one",
        "yes please",
        "a haircut with sam on friday morning",
        "between two and four on the 3rd of december",
        "the one at three",
        "i'd like one too, on friday",
        "friday instead",
        "sometime next week after 4",
        "half past two tomorrow",
        "friday the 4th",  # a Friday
        "on the 3rd, a thursday",
        "tuesday, no, wednesday",
        "tuesday actually make that wednesday",
        "tuesday or wednesday",
        "tuesday, the week after next",  # the Tuesday of that week
    ],
)
def test_what_is_all_understood_is_not_flagged(text: str) -> None:
    assert understood(text).unsure == ()


def test_a_person_ruled_out_is_nobody() -> None:
    result = understood("a haircut on friday, not with sam")
    assert (result.staff_id, result.unsure) == (None, ())
    assert understood("a haircut on friday with sam").staff_id == "sam"


def test_an_unknown_turn_carries_nothing() -> None:
    assert understood("one two three four") == Interpretation(Intent.UNKNOWN, text="one two three four")


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("12/01", None, None),  # 1 December (US) or 12 January (UK)
        ("01/12/2026", None, None),
        ("1.12.", None, None),
        ("01.12.2026", None, None),
        ("5/6 at 3", None, time(15)),
        ("12/25", date(2026, 12, 25), None),  # only one reading is a date
        ("25/12", date(2026, 12, 25), None),
        ("25.12.", date(2026, 12, 25), None),
        ("12/12", date(2026, 12, 12), None),  # both readings are the same day
        ("2026/12/01", date(2026, 12, 1), None),  # year first: always year, month, day
        ("2026-12-01", date(2026, 12, 1), None),
        ("at 9.30.", None, time(9, 30)),  # a time, not 30 September
        ("10.45.", None, time(10, 45)),
    ],
)
def test_numeric_dates_with_two_readings_are_asked_about(text: str, day: date | None, at: time | None) -> None:
    result = understood(f"a haircut {text}")
    assert (result.day, result.at) == (day, at)
    assert result.unsure == (() if day is not None or (at is not None and "/" not in text) else ("day",))


def test_a_british_business_asks_about_an_ambiguous_numeric_date_too() -> None:
    uk = RulesUtteranceInterpreter(sample_catalogue(), default_region="GB")
    result = uk.understand("a haircut on 01/12", NOW)
    assert (result.day, result.unsure) == (None, ("day",))
