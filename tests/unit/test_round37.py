"""Issue 13, on heldout32 (measured first: 85/100, 3 wrong; Chennai and Calgary callers); written in other words
than the corpus's, for other businesses (a New York dentist, with its phone number changed where the rule depends on
the country)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.questions import Topic
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.factories import in_country

NEW_YORK = ZoneInfo("America/New_York")
DENTAL_US = load_catalogue(catalogue_path("dental_us"))
DENTAL = RulesUtteranceInterpreter(DENTAL_US)
INDIA = RulesUtteranceInterpreter(in_country(DENTAL_US, "+914426200000"))
WEDNESDAY = datetime(2027, 3, 3, 10, 0, tzinfo=NEW_YORK)


def test_tamil_words_to_a_business_in_india() -> None:
    assert INDIA.understand("aama, seri", WEDNESDAY).intent is Intent.AFFIRM
    assert INDIA.understand("illa, nandri", WEDNESDAY).intent is Intent.DENY
    assert INDIA.understand("vanakkam, a cleaning naalaikku", WEDNESDAY).day == date(2027, 3, 4)
    assert DENTAL.understand("aama", WEDNESDAY).intent is Intent.UNKNOWN  # elsewhere: asked again


def test_a_part_of_the_day_then_its_hour() -> None:
    heard = DENTAL.understand("a filling Thursday evening 5", WEDNESDAY)
    assert (heard.at, heard.unsure) == (time(17, 0), ())
    assert DENTAL.understand("a cleaning Friday morning 10, is it possible?", WEDNESDAY).at == time(10, 0)


def test_day_after_before_a_clause_is_the_day_after_tomorrow() -> None:
    assert DENTAL.understand("kindly book one cleaning day after, we can come early", WEDNESDAY).day == date(2027, 3, 5)


def test_a_wait_someone_advised_beside_a_weekday_is_asked() -> None:
    heard = DENTAL.understand("the dentist said to come for the filling after four weeks. Friday?", WEDNESDAY)
    assert "day" in heard.unsure
    heard = DENTAL.understand("the dentist said come back two weeks from today", WEDNESDAY)
    assert (heard.day, heard.unsure, heard.refers.weeks) == (date(2027, 3, 17), (), 0)  # "come back": no move


def test_how_long_something_has_lasted_is_no_day_or_time() -> None:
    heard = DENTAL.understand("my tooth is aching for one week. Friday morning?", WEDNESDAY)
    assert (heard.day, heard.at, heard.unsure) == (date(2027, 3, 5), None, ())
    heard = DENTAL.understand("it's been sore for two days, can I come Monday", WEDNESDAY)
    assert heard.day == date(2027, 3, 8)


def test_the_one_kept_as_it_is_is_not_the_one_cancelled() -> None:
    heard = DENTAL.understand(
        "on Tuesday my daughter's kids check-up is there, cancel that one only. my cleaning, leave it as it is",
        WEDNESDAY,
    )
    assert (heard.intent, heard.service_id) == (Intent.CANCEL, "kids_checkup")


def test_a_weekday_also_open_asks_the_opening_hours() -> None:
    heard = DENTAL.understand("one small doubt, Saturday also open?", WEDNESDAY)
    assert heard.question is not None and heard.question.topic is Topic.OPENING


def test_a_couple_of_weeks_is_two() -> None:
    assert DENTAL.understand("a cleaning in a couple of weeks", WEDNESDAY).day == date(2027, 3, 17)


def test_same_times_fine_is_the_same_time() -> None:
    assert DENTAL.understand("move it to Friday, same time's fine", WEDNESDAY).refers.same_time
