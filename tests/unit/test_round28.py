"""Issue 13, on heldout23 (measured first: 81/100, 4 wrong); written in other words than the corpus's, and where a
rule is not the business's own vocabulary, for another business (a New York dentist)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue import events as ev
from slotline.domain.ids import ServiceId
from slotline.domain.questions import Topic
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.unit.test_dialogue_unsure import started

NEW_YORK = ZoneInfo("America/New_York")
CATALOGUE = load_catalogue(catalogue_path("dental_us"))
DENTAL = RulesUtteranceInterpreter(CATALOGUE)
MONDAY = datetime(2027, 3, 8, 10, 0, tzinfo=NEW_YORK)


def test_a_day_of_the_month_said_with_a_suffix_before_a_bare_hour_is_that_day() -> None:
    heard = DENTAL.understand("a cleaning on the 9th, 10 in the morning", MONDAY)
    assert (heard.day, heard.at, heard.ordinal) == (date(2027, 3, 9), time(10), None)
    assert DENTAL.understand("the 10 30 one", MONDAY).at == time(10, 30)  # a time, as before


def test_a_time_the_caller_then_says_they_cannot_do_is_ruled_out() -> None:
    heard = DENTAL.understand("oh 2pm we can't, make it 3:45", MONDAY)
    assert heard.at == time(15, 45)
    heard = DENTAL.understand("could you do 11? we can't get there by 10", MONDAY)
    assert heard.at == time(11)


def test_the_last_one_you_have_is_the_latest_not_the_last_offer() -> None:
    heard = DENTAL.understand("what's the last one you have?", MONDAY)
    assert (heard.latest, heard.ordinal) == (True, None)
    assert DENTAL.understand("the last one you said", MONDAY).ordinal == -1


def test_only_same_time_understood_of_a_change_at_the_read_back_asks_what_to_change() -> None:
    world, said = started("a haircut on tuesday at 10")
    assert said[-1].startswith("Let me read that back")
    said = world.send(ev.Heard(replace(DENTAL.understand("make it the deluxe version, same time", MONDAY))))
    assert "What would you like to change" in said[-1]
    said = world.send(ev.Heard(DENTAL.understand("yes", MONDAY)))
    assert "Book" not in world.kinds()


def _with(catalogue: Catalogue, payment: tuple[str, ...], service_name: str) -> Catalogue:
    extra = replace(catalogue.services[0], id=ServiceId("sensor"), name=service_name, aliases=())
    facts = replace(catalogue.business.facts, payment=payment)
    return replace(catalogue, business=replace(catalogue.business, facts=facts), services=(*catalogue.services, extra))


def test_a_topic_word_inside_a_service_name_asks_nothing_and_the_fullest_payment_name_wins() -> None:
    interpreter = RulesUtteranceInterpreter(_with(CATALOGUE, ("cash", "Cash App", "Zelle"), "parking sensor check"))
    heard = interpreter.understand("a parking sensor check on Friday if you have one", MONDAY)
    assert (heard.intent, heard.service_id, heard.day) == (Intent.INFORM, "sensor", date(2027, 3, 12))
    heard = interpreter.understand("is there parking for the parking sensor check?", MONDAY)
    assert heard.question is not None and heard.question.topic is Topic.PARKING
    heard = interpreter.understand("can I pay with Cash App?", MONDAY)
    assert heard.question is not None and heard.question.subject == "Cash App"


def test_how_to_get_there_asks_the_way() -> None:
    heard = DENTAL.understand("from the train how to get to your shop?", MONDAY)
    assert heard.question is not None and heard.question.topic is Topic.DIRECTIONS


def test_an_age_said_after_im_a_day_out_of_school_a_week_after_and_not_just_the_x() -> None:
    heard = DENTAL.understand("I need a check-up, I'm eighty-two. Could I come Wednesday morning?", MONDAY)
    assert (heard.day, heard.part_of_day, heard.unsure) == (date(2027, 3, 10), "morning", ())
    assert DENTAL.understand("I'm 20 minutes away", MONDAY).at is None
    heard = DENTAL.understand("a check-up for my son Thursday? he out of school all week", MONDAY)
    assert (heard.day, heard.unsure) == (date(2027, 3, 11), ())
    heard = DENTAL.understand("a cleaning this coming Friday, my wedding is the week after", MONDAY)
    assert (heard.day, heard.unsure) == (date(2027, 3, 12), ())
    heard = DENTAL.understand("a cleaning, not just the advice, same time", MONDAY)
    assert (heard.service_id, heard.unsure) == ("cleaning", ())


def test_cantonese_words_and_next_next_weekday() -> None:
    assert DENTAL.understand("ok, dor je", MONDAY).intent is Intent.AFFIRM
    assert DENTAL.understand("hai, that's right", MONDAY).intent is Intent.AFFIRM
    assert DENTAL.understand("aiya, no la", MONDAY).intent is Intent.DENY
    heard = DENTAL.understand("a cleaning next next Thursday can?", MONDAY)
    assert heard.day == date(2027, 3, 18)


def test_a_closure_the_caller_names_beside_another_day() -> None:
    heard = DENTAL.understand(
        "oh you guys closed Sundays? ok, Monday then, 3 o'clock", datetime(2027, 3, 13, 9, tzinfo=NEW_YORK)
    )
    assert (heard.day, heard.at, heard.unsure) == (date(2027, 3, 15), time(15), ())
    heard = DENTAL.understand("Friday is new year, you close? Then Thursday morning", MONDAY)
    assert (heard.day, heard.unsure) == (date(2027, 3, 11), ())


def test_a_part_of_the_day_that_starts_a_clause_loses_no_day() -> None:
    heard = DENTAL.understand("this Friday you have time for a cleaning, one hour? Afternoon", MONDAY)
    assert (heard.day, heard.part_of_day, heard.unsure) == (date(2027, 3, 12), "afternoon", ())


def _with_lengths(catalogue: Catalogue) -> Catalogue:
    base = catalogue.services[0]
    short = replace(base, id=ServiceId("sealant_30"), name="Sealant, 30 minutes", aliases=())
    long = replace(base, id=ServiceId("sealant_75"), name="Sealant, 75 minutes", aliases=())
    return replace(catalogue, services=(*catalogue.services, short, long))


def test_a_length_said_alone_is_the_service_whose_name_ends_with_it() -> None:
    interpreter = RulesUtteranceInterpreter(_with_lengths(CATALOGUE))
    assert interpreter.understand("oh, switch to 75 minutes, same time", MONDAY).service_id == "sealant_75"
    assert interpreter.understand("the 30 minutes one please", MONDAY).service_id == "sealant_30"
    assert interpreter.understand("can I come in 75 minutes?", MONDAY).service_id is None  # when, not how long
    assert interpreter.understand("I'm 75 minutes away", MONDAY).service_id is None  # how far


def test_is_it_offered_with_a_word_none_of_the_close_services_says_has_no_fact() -> None:
    interpreter = RulesUtteranceInterpreter(_with_lengths(CATALOGUE))
    assert interpreter.understand("do you do sealants?", MONDAY).service_choices == ("sealant_30", "sealant_75")
    heard = interpreter.understand("do you do glitter sealants? my sister had them", MONDAY)
    assert heard.intent is Intent.QUESTION and heard.question is not None
    assert heard.question.topic is Topic.UNKNOWN


def test_how_far_along_a_pregnancy_is_no_child() -> None:
    heard = DENTAL.understand("I'm six months pregnant, can I still come for a check-up?", MONDAY)
    assert heard.service_id == "checkup"  # not the children's


def test_a_number_said_with_how_often_is_no_time() -> None:
    heard = DENTAL.understand("a check-up Thursday morning, I take the 400 every day to work", MONDAY)
    assert (heard.day, heard.part_of_day, heard.unsure) == (date(2027, 3, 11), "morning", ())
