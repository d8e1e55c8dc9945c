"""Issue 13, on heldout33 (measured first: 92/100, 1 wrong; Seattle and Dublin callers); written in other words than
the corpus's, for other businesses (a New York dentist, with its phone number changed where the rule depends on the
country, and closures added where the rule is about them)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.catalogue import Service
from slotline.domain.ids import ServiceId
from slotline.domain.questions import Topic
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.factories import in_country, with_closures

NEW_YORK = ZoneInfo("America/New_York")
DENTAL_US = load_catalogue(catalogue_path("dental_us"))
DENTAL = RulesUtteranceInterpreter(DENTAL_US)
IRELAND = in_country(DENTAL_US, "+35314970000")
WEDNESDAY = datetime(2027, 3, 3, 10, 0, tzinfo=NEW_YORK)
FRIDAY = datetime(2027, 3, 5, 10, 0, tzinfo=NEW_YORK)


def test_a_bank_holiday_names_no_holiday_service() -> None:
    vet = load_catalogue(catalogue_path("vet_bos"))
    travel = Service(
        ServiceId("travel"), "Pet travel check", timedelta(minutes=30), vet.services[0].staff, ("jabs for our holiday",)
    )
    heard = RulesUtteranceInterpreter(replace(vet, services=(*vet.services, travel))).understand(
        "a wellness exam Monday, oh wait, Monday's the bank holiday. Tuesday so", WEDNESDAY
    )
    assert heard.service_id == "wellness"


def test_a_weekday_said_busy_with_an_intensifier_is_ruled_out() -> None:
    heard = DENTAL.understand("a cleaning Thursday... wait actually no, Friday, Thursday's super busy", WEDNESDAY)
    assert (heard.day, heard.unsure) == (date(2027, 3, 5), ())


def test_irish_words_to_a_business_in_ireland() -> None:
    closed = RulesUtteranceInterpreter(with_closures(IRELAND, (date(2027, 3, 17), "St Patrick's Day")))
    heard = closed.understand(
        "a filling on the 17th... ah go way, that's Paddy's Day, ye'll be shut. The 19th so", WEDNESDAY
    )
    assert (heard.service_id, heard.day, heard.unsure) == ("filling", date(2027, 3, 19), ())
    asked = closed.understand("what time are ye open till on a Thursday?", WEDNESDAY)
    assert asked.question is not None and asked.question.topic is Topic.OPENING


def test_a_weekday_after_a_day_on_that_weekday_is_that_day() -> None:
    heard = DENTAL.understand("a cleaning in two weeks, so like two weeks from today, the Friday?", FRIDAY)
    assert (heard.day, heard.unsure) == (date(2027, 3, 19), ())
    assert DENTAL.understand("a cleaning on the 19th or Friday", FRIDAY).day == date(2027, 3, 19)  # as before


def test_moved_from_a_weekday_to_the_same_weekday_after() -> None:
    heard = DENTAL.understand("can I move my cleaning from this Thursday to the Thursday after", WEDNESDAY)
    assert (heard.day, heard.unsure) == (date(2027, 3, 11), ())


def test_vietnamese_words() -> None:
    assert DENTAL.understand("dạ yes", WEDNESDAY).intent is Intent.AFFIRM
    assert DENTAL.understand("không, cảm ơn chị", WEDNESDAY).intent is Intent.DENY
