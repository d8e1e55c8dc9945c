"""Issue 13, on heldout36 (measured first: 77/100, 2 wrong; Minneapolis and Dhaka callers); written in other words
than the corpus's, for other businesses (a New York dentist, with its phone number or closures changed where the
rule depends on them)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.factories import in_country, with_closures

NEW_YORK = ZoneInfo("America/New_York")
DENTAL_US = load_catalogue(catalogue_path("dental_us"))
DENTAL = RulesUtteranceInterpreter(DENTAL_US)
BANGLADESH = RulesUtteranceInterpreter(in_country(DENTAL_US, "+8809612345678"))
MONDAY = datetime(2027, 2, 8, 9, 0, tzinfo=NEW_YORK)  # Friday is the 12th, Saturday the 13th


def test_a_weekday_said_after_a_date_it_is_not_on_corrects_it() -> None:
    heard = DENTAL.understand("a cleaning on the 12th, hmm no, could we make that Saturday", MONDAY)
    assert heard.day == date(2027, 2, 13)
    assert DENTAL.understand("a cleaning Friday, the 12th", MONDAY).day == date(2027, 2, 12)  # one day said twice
    stated = DENTAL.understand("oh wait, Monday's Presidents' Day. Could we do Tuesday instead?", MONDAY)
    assert stated.day is not None and stated.day.weekday() == 1  # a Tuesday, never the holiday said of Monday


def test_the_daily_prayers_bound_the_time() -> None:
    assert DENTAL.understand("anything Friday after Maghrib?", MONDAY).bounds.not_before == time(18, 30)
    assert DENTAL.understand("a check-up Thursday before Asr", MONDAY).bounds.before == time(15, 30)


def test_bangla_words_to_a_business_in_bangladesh() -> None:
    heard = BANGLADESH.understand("apu, a cleaning kalke at 4 pm", MONDAY)
    assert (heard.day, heard.at) == (date(2027, 2, 9), time(16, 0))
    assert BANGLADESH.understand("porshu morning", MONDAY).day == date(2027, 2, 10)
    assert BANGLADESH.understand("ji, thik ache", MONDAY).intent is Intent.AFFIRM
    assert BANGLADESH.understand("na, dhonnobad", MONDAY).intent in (Intent.DENY, Intent.GOODBYE)
    assert DENTAL.understand("kalke", MONDAY).day is None  # elsewhere it is no word


def test_a_holiday_named_again_in_brackets() -> None:
    closed = with_closures(DENTAL_US, (date(2027, 4, 14), "Pohela Boishakh (Bengali New Year)"))
    interpreter = RulesUtteranceInterpreter(closed)
    assert interpreter.understand("a check-up on Bengali New Year", MONDAY).day == date(2027, 4, 14)
    assert interpreter.understand("the day after Pohela Boishakh", MONDAY).day == date(2027, 4, 15)
    noted = RulesUtteranceInterpreter(with_closures(DENTAL_US, (date(2027, 7, 5), "Independence Day (observed)")))
    assert noted.understand("I observed it was sore, a check-up Friday", MONDAY).day == date(2027, 2, 12)


def test_a_service_open_on_a_day_is_a_free_slot_asked_for() -> None:
    heard = DENTAL.understand("do you all have a cleaning open on Saturday morning?", MONDAY)
    assert (heard.question, heard.service_id, heard.day) == (None, "cleaning", date(2027, 2, 13))
    assert DENTAL.understand("are you open on Friday?", MONDAY).question is not None


def test_a_visitor_on_a_day_makes_it_busy() -> None:
    heard = DENTAL.understand("Wednesday my in-laws are visiting, so Thursday morning", MONDAY)
    assert heard.day == date(2027, 2, 11)
    coming = DENTAL.understand("Tuesday my brother is coming. Thursday afternoon", MONDAY)
    assert (coming.day, coming.unsure) == (date(2027, 2, 11), ())


def test_push_from_one_day_to_another_moves_it() -> None:
    heard = DENTAL.understand("I gotta push my cleaning from Thursday to Friday, same time", MONDAY)
    assert (heard.intent, heard.day) == (Intent.RESCHEDULE, date(2027, 2, 12))


def test_the_appointment_kept_names_neither_its_service_nor_its_day() -> None:
    heard = DENTAL.understand("please cancel the filling on Friday. The cleaning on Thursday can stay", MONDAY)
    assert (heard.intent, heard.service_id, heard.day) == (Intent.CANCEL, "filling", date(2027, 2, 12))


def test_closing_words_that_go_on_to_ask_are_no_goodbye() -> None:
    heard = DENTAL.understand("sorry, I'll leave it with you then: a cleaning Friday at 2?", MONDAY)
    assert (heard.intent, heard.day, heard.at) != (Intent.GOODBYE, None, None)
    assert heard.day == date(2027, 2, 12) and heard.intent is not Intent.GOODBYE
    later = DENTAL.understand("a check-up Thursday evening, after I'm done with work", MONDAY)
    assert later.intent is not Intent.GOODBYE and later.day == date(2027, 2, 11)
    assert DENTAL.understand("ok never mind, I'll leave it", MONDAY).intent is Intent.GOODBYE


def test_no_worries_if_not_changes_nothing() -> None:
    heard = DENTAL.understand("a cleaning Thursday at 3 if you've got it, no worries if not", MONDAY)
    assert (heard.day, heard.at, heard.unsure) == (date(2027, 2, 11), time(15, 0), ())


def test_upper_midwest_yes_and_about_an_hour() -> None:
    assert DENTAL.understand("oh you betcha", MONDAY).intent is Intent.AFFIRM
    assert DENTAL.understand("uff da, no thanks", MONDAY).intent in (Intent.DENY, Intent.GOODBYE)
    assert DENTAL.understand("a check-up Friday, noonish", MONDAY).at == time(12, 0)


def test_the_last_timing_is_the_latest() -> None:
    heard = DENTAL.understand("what is the last timing?", MONDAY)
    assert (heard.latest, heard.question) == (True, None)


def test_talking_to_someone_before_booking_is_a_hand_over() -> None:
    heard = DENTAL.understand("I want to speak to the hygienist about my gums before I book anything", MONDAY)
    assert heard.intent is Intent.HUMAN


def test_a_refused_hour_then_another_hour() -> None:
    heard = DENTAL.understand("no no, not 10, 2 o'clock, I have school drop-off in the morning", MONDAY)
    assert (heard.at, heard.unsure) == (time(14, 0), ())


def test_laughter_ends_what_is_ruled_out() -> None:
    heard = DENTAL.understand("the cleaning is for me, not my husband lol. Friday at 9?", MONDAY)
    assert (heard.day, heard.at, heard.unsure) == (date(2027, 2, 12), time(9, 0), ())
