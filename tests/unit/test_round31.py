"""Issue 13, on heldout26 (measured first: 90/100, 1 wrong); written in other words than the corpus's, for another
business (a New York dentist)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.questions import Topic
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue

NEW_YORK = ZoneInfo("America/New_York")
DENTAL = RulesUtteranceInterpreter(load_catalogue(catalogue_path("dental_us")))
MONDAY = datetime(2027, 3, 1, 10, 0, tzinfo=NEW_YORK)
SATURDAY = datetime(2027, 3, 6, 10, 0, tzinfo=NEW_YORK)


def test_a_service_corrected_with_sorry_its() -> None:
    heard = DENTAL.understand("a kids check-up for my son, sorry, it's for me, a cleaning, Friday", MONDAY)
    assert (heard.service_id, heard.day) == ("cleaning", date(2027, 3, 5))
    heard = DENTAL.understand("a filling Thursday at 2, sorry, he said 3", MONDAY)
    assert (heard.day, heard.at, heard.unsure) == (date(2027, 3, 4), time(15), ())


def test_a_trip_s_day_is_not_the_visit_s() -> None:
    heard = DENTAL.understand("I'm flying out to Lagos next week, so a check-up Thursday please", MONDAY)
    assert (heard.day, heard.unsure) == (date(2027, 3, 4), ())


def test_a_part_of_the_day_after_anything() -> None:
    heard = DENTAL.understand("anything evening-side?", MONDAY)
    assert (heard.part_of_day, heard.unsure) == ("evening", ())


def test_a_day_said_as_what_tomorrow_is() -> None:
    heard = DENTAL.understand("Sunday tomorrow, so a cleaning on Monday please", SATURDAY)
    assert (heard.day, heard.unsure) == (date(2027, 3, 8), ())
    assert DENTAL.understand("a cleaning Monday the 8th", SATURDAY).day == date(2027, 3, 8)  # one day said twice


def test_shopping_and_making_groceries_are_busy() -> None:
    heard = DENTAL.understand("a cleaning the day after tomorrow, I'm making groceries tomorrow", MONDAY)
    assert (heard.day, heard.unsure) == (date(2027, 3, 3), ())


def test_an_age_in_months_of_a_pet_is_no_child_and_before_lent() -> None:
    heard = DENTAL.understand("a check-up for me Thursday, my puppy is four months, he'll come along", MONDAY)
    assert heard.service_id == "checkup"
    heard = DENTAL.understand("a cleaning on Wednesday, before Lent starts", MONDAY)
    assert (heard.day, heard.unsure) == (date(2027, 3, 3), ())


def test_a_question_after_a_greeting_with_please() -> None:
    heard = DENTAL.understand("good morning, please do you do implants, like titanium implants?", MONDAY)
    assert heard.intent is Intent.QUESTION and heard.question is not None
    assert heard.question.topic is Topic.UNKNOWN
