"""Issue 13, on heldout19's failures (heldout19 was measured first: 89/100, 5 wrong); each written in other words
than the corpus's."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.preference import PartOfDay
from slotline.domain.questions import Topic
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue

PILSEN = datetime(2027, 3, 9, 14, 0, tzinfo=ZoneInfo("America/Chicago"))  # a Tuesday, 2 PM
PONSONBY = datetime(2027, 3, 9, 10, 0, tzinfo=ZoneInfo("Pacific/Auckland"))  # a Tuesday
BARBER = RulesUtteranceInterpreter(load_catalogue(catalogue_path("barber_chi")))
DENTAL = RulesUtteranceInterpreter(load_catalogue(catalogue_path("dental_akl")))


def test_spanish_day_words_mixed_in() -> None:
    heard = BARBER.understand("a skin fade para mañana, around 4", PILSEN)
    assert (heard.day, heard.at, heard.unsure) == (date(2027, 3, 10), time(16), ())
    heard = BARBER.understand("el viernes por la tarde", PILSEN)
    assert (heard.day, heard.part_of_day) == (date(2027, 3, 12), PartOfDay.AFTERNOON)
    assert BARBER.understand("sí, that works", PILSEN).intent is Intent.AFFIRM


def test_an_event_had_names_no_service() -> None:
    heard = DENTAL.understand("could we do 2 instead? I've got the kids' school pickup at 3", PONSONBY)

    assert (heard.at, heard.service_id, heard.service_choices) == (time(14), None, ())
    assert DENTAL.understand("I've got a chipped tooth, can I come Thursday?", PONSONBY).day == date(2027, 3, 11)


def test_a_bare_hour_after_a_pause_in_a_clause_with_someone_s_plans() -> None:
    heard = BARBER.understand("can we do 5? she's got practice", PILSEN)

    assert (heard.at, heard.unsure) == (time(17), ())


def test_actually_with_a_new_request_corrects_the_first() -> None:
    heard = BARBER.understand("cancel my Saturday cut... actually, could you push it to the Saturday after?", PILSEN)

    assert heard.intent is Intent.RESCHEDULE


def test_my_little_one_is_someone_not_one_o_clock() -> None:
    heard = BARBER.understand("a kids cut for the little one on Thursday", PILSEN)

    assert (heard.day, heard.at) == (date(2027, 3, 11), None)
    assert BARBER.understand("Thursday at one", PILSEN).at == time(13)


def test_in_an_hour_on_the_quarter_is_a_time_asked_for() -> None:
    heard = BARBER.understand("a line-up in an hour?", PILSEN)

    assert (heard.day, heard.at, heard.approximate) == (date(2027, 3, 9), time(15), True)


def test_like_before_an_hour_is_about_then() -> None:
    heard = BARBER.understand("a beard trim Friday after school, like 4", PILSEN)

    assert (heard.day, heard.at, heard.unsure) == (date(2027, 3, 12), time(16), ())


def test_arvo_is_the_afternoon() -> None:
    heard = DENTAL.understand("a clean Thursday arvo please", PONSONBY)

    assert (heard.day, heard.part_of_day) == (date(2027, 3, 11), PartOfDay.AFTERNOON)


def test_not_for_the_caller_is_who_it_is_for() -> None:
    heard = DENTAL.understand("it's not for me, it's for my son, he's six, a check-up Friday", PONSONBY)

    assert (heard.service_id, heard.day, heard.unsure) == ("kids_checkup", date(2027, 3, 12), ())


def test_you_re_probably_closed_then_another_day() -> None:
    heard = DENTAL.understand("you're probably closed Sunday, so how about Monday for a clean", PONSONBY)

    assert (heard.day, heard.unsure) == (date(2027, 3, 15), ())


def test_a_quick_question_is_a_question() -> None:
    heard = BARBER.understand("yo, quick question, do you guys do eyebrow threading", PILSEN)

    assert heard.intent is Intent.QUESTION and heard.question is not None
    assert heard.question.topic is Topic.UNKNOWN
