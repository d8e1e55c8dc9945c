"""Issue 13, the round on heldout11's failures (heldout11 was measured first: 86/100, 2 wrong; these are tuned on
it, each written in other words than the corpus's)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from benchmarks.corpus import catalogue_path
from slotline.domain.preference import PartOfDay
from slotline.domain.questions import Topic
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.rules_nlu.week_moves import find_week_move
from slotline.infrastructure.rules_nlu.words import normalise
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue

LAGOS = datetime(2027, 2, 10, 11, 0, tzinfo=ZoneInfo("Africa/Lagos"))  # a Wednesday
PHOENIX = datetime(2027, 3, 13, 21, 30, tzinfo=ZoneInfo("America/Phoenix"))  # a Saturday night
SALON = RulesUtteranceInterpreter(load_catalogue(catalogue_path("salon_lag")))
DENTAL = RulesUtteranceInterpreter(load_catalogue(catalogue_path("dental_phx")))


def test_i_mean_marks_the_correction_of_a_service() -> None:
    assert SALON.understand("a manicure, I mean a pedicure, on friday", LAGOS).service_id == "pedicure"
    assert SALON.understand("box braids, no wait, I mean knotless", LAGOS).service_id == "knotless"


@pytest.mark.parametrize(
    "turn",
    [
        "friday is fine but my son has lessons till three",
        "friday works, I've got a meeting until half four",
        "on friday, she has training till 2",
    ],
)
def test_another_events_end_is_not_the_booking_time(turn: str) -> None:
    said = SALON.understand(turn, LAGOS)

    assert (said.day, said.at) == (date(2027, 2, 12), None)


@pytest.mark.parametrize(
    ("turn", "before"),
    [
        ("friday, anytime until 2", time(14)),
        ("friday I'm free up till 11", time(11)),
        ("friday, any time till three pm", time(15)),
    ],
)
def test_until_with_a_vague_or_up_lead_is_a_bound(turn: str, before: time) -> None:
    said = SALON.understand(turn, LAGOS)

    assert (said.day, said.at, said.bounds.before) == (date(2027, 2, 12), None, before)


def test_next_tomorrow_is_the_day_after_tomorrow() -> None:
    assert SALON.understand("abeg, next tomorrow in the morning", LAGOS).day == date(2027, 2, 12)


@pytest.mark.parametrize("turn", ["sunday after mass", "sunday, after church", "saturday before my gym"])
def test_an_occasion_said_without_the_or_my_leaves_the_day_sure(turn: str) -> None:
    said = SALON.understand(f"wash and set on {turn}", LAGOS)

    assert said.day is not None and said.unsure == ()


def test_the_one_after_rules_out_the_same_day_said_first() -> None:
    said = SALON.understand("on friday, not this friday, the one after", LAGOS)

    assert (said.day, said.unsure) == (date(2027, 2, 19), ())


def test_todays_weekday_said_as_a_fact_about_now_is_no_wish() -> None:
    said = DENTAL.understand("I know it's saturday night, but a cleaning for monday morning?", PHOENIX)

    assert (said.day, said.part_of_day) == (date(2027, 3, 15), PartOfDay.MORNING)


@pytest.mark.parametrize(
    ("turn", "weeks"),
    [
        ("could you push my cleaning back four weeks", 4),
        ("bring the exam forward by 2 weeks", -2),
        ("postpone my filling twenty weeks", None),  # too far to be a move by weeks
    ],
)
def test_moving_by_weeks_reads_the_count_as_a_number(turn: str, weeks: int | None) -> None:
    found = find_week_move(normalise(turn))

    assert (found.value if found is not None else None) == weeks


@pytest.mark.parametrize("turn", ["do you guys do lash extensions?", "could you do eyelash extensions for me"])
def test_an_faq_word_qualified_by_a_word_the_faq_never_uses_is_a_question_without_a_fact(turn: str) -> None:
    said = SALON.understand(turn, LAGOS)

    assert said.question is not None and said.question.topic is Topic.UNKNOWN
    assert said.service_id is None


def test_an_faq_word_said_plainly_is_still_that_faq() -> None:
    said = SALON.understand("do you provide the extensions or do I bring my own?", LAGOS)

    assert said.question is not None and said.question.topic is Topic.FAQ
