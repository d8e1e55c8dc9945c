"""Issue 13, the rest of the heldout34 round (Bangkok and Nashville callers); written in other words than the
corpus's, for another business (a New York dentist)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.dialogue.answers import Answers
from slotline.domain.questions import Topic
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue

NEW_YORK = ZoneInfo("America/New_York")
DENTAL_US = load_catalogue(catalogue_path("dental_us"))
DENTAL = RulesUtteranceInterpreter(DENTAL_US)
MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=NEW_YORK)  # Thursday is the 10th, Friday the 11th


def test_the_length_of_the_service_said_beside_it_changes_nothing() -> None:
    heard = DENTAL.understand("a filling, sixty minutes, Friday at ten", MONDAY)  # a filling takes an hour
    assert (heard.service_id, heard.day, heard.at, heard.unsure) == ("filling", date(2026, 12, 11), time(10, 0), ())
    assert DENTAL.understand("a filling, thirty minutes, Friday at ten", MONDAY).unsure  # not its length: asked
    waited = DENTAL.understand("a cleaning in forty-five minutes", MONDAY)  # a wait, never a length
    assert (waited.day, waited.at) == (date(2026, 12, 7), time(9, 45))


def test_a_number_in_an_address_is_no_day_or_choice() -> None:
    heard = DENTAL.understand("I'm at the motel on Route 9, a check-up Thursday at 2", MONDAY)
    assert (heard.day, heard.at, heard.unsure) == (date(2026, 12, 10), time(14, 0), ())
    street = DENTAL.understand("I work on 3rd Avenue, a cleaning on Monday", MONDAY)
    assert (street.day, street.ordinal) == (date(2026, 12, 14), None)  # not Monday the 3rd, nor the third offer


def test_o_clock_then_a_part_of_the_day_keeps_the_day() -> None:
    heard = DENTAL.understand("a cleaning on the 10th, ten o'clock morning", MONDAY)
    assert (heard.day, heard.at, heard.unsure) == (date(2026, 12, 10), time(10, 0), ())


def test_weekday_next_is_next_weekday() -> None:
    said = DENTAL.understand("could I get a cleaning Friday next, around three", MONDAY)
    assert (said.day, said.unsure) == (DENTAL.understand("a cleaning next Friday", MONDAY).day, ())
    assert DENTAL.understand("a cleaning Friday next week", MONDAY).day == date(2026, 12, 18)


def test_a_weekday_inside_a_span_from_now_is_the_coming_one() -> None:
    heard = DENTAL.understand("a check-up before Christmas, maybe Thursday at 9", MONDAY)
    assert (heard.day, heard.unsure) == (date(2026, 12, 10), ())
    assert "day" in DENTAL.understand("a check-up, a Thursday in February", MONDAY).unsure  # several Thursdays


def test_the_next_two_weeks_is_a_window_not_a_fortnight_on() -> None:
    heard = DENTAL.understand("a cleaning sometime in the next two weeks, Friday", MONDAY)
    assert heard.day != date(2026, 12, 25) and heard.unsure  # never "two weeks Friday": asked


def test_the_latest_one_with_a_day_is_that_days_latest() -> None:
    heard = DENTAL.understand("a cleaning Thursday afternoon, the latest one", MONDAY)
    assert (heard.latest, heard.ordinal, heard.day) == (True, None, date(2026, 12, 10))
    assert DENTAL.understand("the latest one", MONDAY).ordinal == -1  # of the offers made


def test_two_ways_to_pay_asked_together_get_every_way() -> None:
    heard = DENTAL.understand("do you take Apple Pay or cash?", MONDAY)
    assert heard.question is not None and (heard.question.topic, heard.question.subject) == (Topic.PAYMENT, None)
    answer = Answers(DENTAL_US).answer(heard.question, None)
    assert answer is not None and "Apple Pay" in answer and "cash" in answer
    one = DENTAL.understand("can I pay with Apple Pay?", MONDAY).question
    assert one is not None and one.subject == "Apple Pay"
