"""Issue 13, on heldout34 (measured first: 66/100, 1 wrong; Bangkok and Nashville callers); written in other words
than the corpus's, for other businesses (a New York dentist with its phone number changed where the rule depends on
the country, and the sample clinic the dialogue tests use)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.appointment import Customer
from slotline.domain.dialogue import actions as act
from slotline.domain.dialogue import events as ev
from slotline.domain.questions import Topic
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.factories import in_country
from tests.unit.test_dialogue_policy import CALLER, World, heard, upcoming

NEW_YORK = ZoneInfo("America/New_York")
DENTAL_US = load_catalogue(catalogue_path("dental_us"))
DENTAL = RulesUtteranceInterpreter(DENTAL_US)
THAILAND = RulesUtteranceInterpreter(in_country(DENTAL_US, "+6622585000"))
WEDNESDAY = datetime(2027, 3, 3, 10, 0, tzinfo=NEW_YORK)


def test_thai_words_to_a_business_in_thailand() -> None:
    assert THAILAND.understand("chai ka", WEDNESDAY).intent is Intent.AFFIRM
    assert THAILAND.understand("mai krub, khob khun krub", WEDNESDAY).intent is Intent.DENY
    heard = THAILAND.understand("sawasdee ka, a cleaning Friday ten o'clock can?", WEDNESDAY)
    assert (heard.service_id, heard.day, heard.at) == ("cleaning", date(2027, 3, 5), time(10, 0))
    assert DENTAL.understand("chai", WEDNESDAY).intent is Intent.UNKNOWN  # elsewhere: asked again


def test_a_new_time_said_with_a_question_keeps_the_new_time() -> None:
    barber = RulesUtteranceInterpreter(load_catalogue(catalogue_path("barber_atx")))  # an FAQ on running late
    heard = barber.understand("nah, four pm better, I might be running late", WEDNESDAY)
    assert (heard.intent, heard.at) == (Intent.DENY, time(16, 0))
    assert heard.question is not None and heard.question.topic is Topic.FAQ


def test_yes_just_that_one_confirms_the_cancel() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, Customer(CALLER, "Dana Scully"), (upcoming(),)))
    world.send(heard(Intent.CANCEL))
    world.send(heard(Intent.AFFIRM, service_id=upcoming().service_id))  # "yes, just the haircut"
    assert any(isinstance(a, act.Cancel) for a in world.done)
