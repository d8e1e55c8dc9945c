"""Issue 13, the thirteenth session: mends found while reading the heldout42 failures and the heldout43 round, in other
words than the corpus's."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from slotline.domain.preference import PartOfDay
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NEW_YORK, sample_catalogue

CLINIC = RulesUtteranceInterpreter(sample_catalogue())
WEDNESDAY = datetime(2026, 11, 25, 9, 0, tzinfo=NEW_YORK)


@pytest.mark.parametrize(
    "said",
    [
        "grand, the afternoon so, three?",  # "so, three" is tidied to "so at three": one word more than the clauses
        "lovely, the evening then, five?",
        "Perfect. The morning so, ten.",
    ],
)
def test_a_part_of_the_day_after_a_yes_word_and_before_a_time_loses_no_day(said: str) -> None:
    heard = CLINIC.understand(said, WEDNESDAY)
    assert "day" not in heard.unsure
    assert heard.part_of_day in (PartOfDay.MORNING, PartOfDay.AFTERNOON, PartOfDay.EVENING)
    assert heard.at is not None and heard.at.minute == 0


def test_a_day_lost_before_a_part_is_still_asked_when_the_clauses_do_not_line_up() -> None:
    heard = CLINIC.understand("yes, um on to the afternoon so, three?", WEDNESDAY)  # "on tuesday afternoon" heard short
    assert "day" in heard.unsure
    assert heard.at == time(15, 0)


@pytest.mark.parametrize(
    "said", ["ok great, can I bring her in to see him on Friday?", "lovely, could you book him in with her Saturday"]
)
def test_him_or_her_with_no_service_points_back_at_what_was_just_asked_about(said: str) -> None:
    heard = CLINIC.understand(said, WEDNESDAY)
    assert heard.service_id is None and heard.refers_back


def test_a_service_named_beside_him_or_her_is_no_pointing_back() -> None:
    assert not CLINIC.understand("can I book him in for a haircut on Friday", WEDNESDAY).refers_back


@pytest.mark.parametrize(
    "said",
    [
        "we're heading to Portugal with the kids in December, could I get a haircut on Monday?",
        "I'm off to Boston for work in January. a haircut on Monday please",
        "we're taking my mother to Ireland on the plane in January, so a haircut Monday",
    ],
)
def test_a_month_of_a_trip_said_before_the_day_is_not_the_bookings(said: str) -> None:
    heard = CLINIC.understand(said, WEDNESDAY)
    assert heard.day is not None and heard.day.isoformat() == "2026-11-30"
    assert "day" not in heard.unsure


def test_going_to_come_in_a_month_is_still_a_wish_for_that_month() -> None:
    heard = CLINIC.understand("I'm going to come in January for a haircut", WEDNESDAY)
    assert heard.day is not None and heard.day.month == 1
