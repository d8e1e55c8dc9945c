"""Issue 13, on heldout18's failures (heldout18 was measured first: 86/100, 0 wrong); each written in other words
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

MONTREAL = datetime(2027, 5, 4, 10, 0, tzinfo=ZoneInfo("America/Toronto"))  # a Tuesday
FLUSHING = datetime(2027, 5, 4, 10, 0, tzinfo=ZoneInfo("America/New_York"))  # a Tuesday
PHYSIO = RulesUtteranceInterpreter(load_catalogue(catalogue_path("physio_mtl")))
NAILS_CAT = load_catalogue(catalogue_path("nails_nyc"))
NAILS = RulesUtteranceInterpreter(NAILS_CAT)


def test_french_style_clock_times() -> None:
    for said, at in (("at 16h45", time(16, 45)), ("vers 9h", time(9)), ("at 13h05", time(13, 5))):
        heard = PHYSIO.understand(f"a follow-up Thursday {said}", MONTREAL)
        assert (heard.day, heard.at, heard.unsure) == (date(2027, 5, 6), at, ()), said


def test_french_day_words_mixed_in() -> None:
    heard = PHYSIO.understand("an assessment la semaine prochaine, mardi, if possible", MONTREAL)
    assert (heard.day, heard.unsure) == (date(2027, 5, 11), ())
    assert PHYSIO.understand("une massage vendredi prochain", MONTREAL).day == date(2027, 5, 14)
    assert PHYSIO.understand("oui, merci", MONTREAL).intent is Intent.AFFIRM


def test_accents_are_folded_so_accented_words_are_words() -> None:
    heard = PHYSIO.understand("a follow-up jeudi, l'après-midi", MONTREAL)

    assert (heard.day, heard.part_of_day, heard.unsure) == (date(2027, 5, 6), PartOfDay.AFTERNOON, ())


def test_change_to_a_day_is_a_move() -> None:
    heard = NAILS.understand("I have pedicure Thursday, I want change to Saturday please", FLUSHING)

    assert (heard.intent, heard.day) == (Intent.RESCHEDULE, date(2027, 5, 8))


def test_the_day_of_someone_s_occasion_is_not_the_booking_s() -> None:
    heard = NAILS.understand("my graduation is on Friday, could I come Thursday after 5", FLUSHING)

    assert (heard.day, heard.other_days, heard.unsure) == (date(2027, 5, 6), (date(2027, 5, 7),), ())
    assert NAILS.understand("my nails on Friday please", FLUSHING).day == date(2027, 5, 7)


def test_a_month_of_something_the_caller_is_doing_is_no_wish() -> None:
    heard = PHYSIO.understand("a sports massage Friday morning, I'm doing a triathlon in June", MONTREAL)
    assert (heard.day, heard.unsure) == (date(2027, 5, 7), ())
    assert PHYSIO.understand("I'm hoping to get an assessment in June", MONTREAL).day == date(2027, 6, 1)


def test_services_one_after_the_other_on_a_date() -> None:
    heard = NAILS.understand("a gel manicure and a pedicure on Friday the 7th, one after the other", FLUSHING)
    assert (heard.day, heard.unsure, len(heard.more_services)) == (date(2027, 5, 7), (), 1)
    heard = PHYSIO.understand("a follow-up and a massage straight after, on Thursday", MONTREAL)
    assert (heard.day, heard.unsure, heard.more_services) == (date(2027, 5, 6), (), ("sports_massage",))


def test_an_hour_said_twice_is_one_time() -> None:
    heard = NAILS.understand("no, 4, four o'clock, I pick up my son at 3", FLUSHING)

    assert (heard.at, heard.unsure) == (time(16), ())


def test_the_faq_with_the_longest_phrase_said_answers() -> None:
    heard = NAILS.understand("what do you charge for french tips on a gel set?", FLUSHING)

    assert heard.question is not None and heard.question.topic is Topic.FAQ
    assert heard.question.faq is not None and "French" in NAILS_CAT.business.facts.faq[heard.question.faq].answer


def test_the_appointment_kept_names_no_day() -> None:
    heard = PHYSIO.understand("please cancel Friday's massage but keep the other one next week", MONTREAL)

    assert (heard.intent, heard.day, heard.unsure) == (Intent.CANCEL, date(2027, 5, 7), ())
