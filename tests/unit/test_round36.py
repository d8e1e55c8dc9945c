"""Issue 13, on heldout31 (measured first: 93/100, 2 wrong; Mexico City and Melbourne callers); written in other
words than the corpus's, for other businesses (a New York dentist with its phone number changed where the rule
depends on the country)."""

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
MEXICO = RulesUtteranceInterpreter(in_country(DENTAL_US, "+525555110000"))
WEDNESDAY = datetime(2027, 3, 3, 10, 0, tzinfo=NEW_YORK)


def test_spanish_words_to_a_business_where_spanish_is_spoken() -> None:
    heard = MEXICO.understand("ah, es puente, claro. Then Thursday", WEDNESDAY)
    assert (heard.day, heard.unsure) == (date(2027, 3, 4), ())
    assert MEXICO.understand("a cleaning el viernes a las cuatro y media", WEDNESDAY).at == time(16, 30)
    assert MEXICO.understand("a filling en quince días", WEDNESDAY).day == date(2027, 3, 17)
    heard = MEXICO.understand("buenas tardes, a cleaning el lunes en la tarde", WEDNESDAY)
    assert (heard.day, heard.unsure) == (date(2027, 3, 8), ())
    assert DENTAL.understand("es puente", WEDNESDAY).intent is Intent.UNKNOWN  # elsewhere not read


def test_the_last_one_you_have_got_is_the_latest_of_the_day() -> None:
    heard = DENTAL.understand("and what's the last one you've got Friday?", WEDNESDAY)
    assert heard.latest and heard.ordinal is None


def test_until_what_time_asks_the_opening_hours() -> None:
    heard = DENTAL.understand("ok, and on Saturday, till what time?", WEDNESDAY)
    assert heard.question is not None and heard.question.topic is Topic.OPENING


def test_after_breakfast_and_after_smoko_bound_the_start() -> None:
    assert DENTAL.understand("a cleaning Friday after brekkie", WEDNESDAY).bounds.not_before == time(9, 0)
    assert DENTAL.understand("a filling Friday, after smoko", WEDNESDAY).bounds.not_before == time(10, 30)


def test_not_for_now_is_no_unsure_word() -> None:
    heard = DENTAL.understand("a cleaning, but not for now, two weeks from today", WEDNESDAY)
    assert (heard.day, heard.unsure) == (date(2027, 3, 17), ())
