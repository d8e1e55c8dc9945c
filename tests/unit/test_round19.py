"""Issue 13, on heldout17's failures (heldout17 was measured first: 91/100, 0 wrong); each written in other words
than the corpus's."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.questions import Topic
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue

LEITH = datetime(2027, 5, 5, 11, 0, tzinfo=ZoneInfo("Europe/London"))  # a Wednesday
KAIMUKI = datetime(2027, 5, 5, 11, 0, tzinfo=ZoneInfo("Pacific/Honolulu"))  # a Wednesday
VET = RulesUtteranceInterpreter(load_catalogue(catalogue_path("vet_edi")))
SPA = RulesUtteranceInterpreter(load_catalogue(catalogue_path("massage_hnl")))


def test_a_weekday_then_first_is_the_coming_one() -> None:
    said = VET.understand("a vaccination for the cat on Monday first, if you can", LEITH)

    assert (said.day, said.unsure) == (date(2027, 5, 10), ())
    first_thing = VET.understand("a vaccination Monday first thing", LEITH)
    assert first_thing.day == date(2027, 5, 10) and first_thing.earliest


def test_the_morn_is_tomorrow() -> None:
    said = VET.understand("could the dog get his booster the morn", LEITH)

    assert (said.day, said.unsure) == (date(2027, 5, 6), ())


def test_the_back_of_an_hour_is_about_then() -> None:
    said = VET.understand("a nail clip on Friday, the back of two", LEITH)

    assert (said.at, said.approximate, said.unsure) == (time(14), True, ())


def test_a_time_then_another_ruled_out_is_the_first() -> None:
    said = SPA.understand("oops, I meant 4 pm, not 5", KAIMUKI)

    assert (said.at, said.unsure) == (time(16), ())


def test_you_folks_open_asks_about_opening() -> None:
    said = SPA.understand("and you folks open on Christmas Eve?", KAIMUKI)

    assert said.question is not None and said.question.topic is Topic.OPENING


def test_how_long_something_has_gone_on_all_week_is_no_date() -> None:
    said = VET.understand("he's been scratching at his left ear all week, a consultation Friday please", LEITH)

    assert (said.day, said.unsure) == (date(2027, 5, 7), ())


def test_how_far_along_a_pregnancy_is_no_date() -> None:
    said = SPA.understand("I'm pregnant, about 30 weeks, a massage Friday?", KAIMUKI)

    assert (said.service_id, said.day, said.unsure, said.service_choices) == ("prenatal", date(2027, 5, 7), (), ())


def test_the_two_of_us_is_a_count() -> None:
    said = SPA.understand("can the three of us come in Saturday for Swedish massages", KAIMUKI)

    assert (said.day, said.unsure) == (date(2027, 5, 8), ())


def test_no_before_a_day_with_another_after_it_rules_the_first_out() -> None:
    said = VET.understand("naw, no Thursday, Friday at the same time", LEITH)

    assert (said.day, said.unsure) == (date(2027, 5, 7), ())


def test_words_of_the_service_itself_add_no_second_service() -> None:
    said = SPA.understand("I'm pregnant and my neck is sore, could I get a massage Friday?", KAIMUKI)

    assert (said.service_id, said.more_services, said.service_choices) == ("prenatal", (), ())
    both = SPA.understand("a lomilomi and a hot stone massage on Friday", KAIMUKI)
    assert (both.service_id, both.more_services) == ("lomilomi", ("hot_stone",))
