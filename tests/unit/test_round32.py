"""Issue 13, on heldout27 (measured first: 85/100, 3 wrong); written in other words than the corpus's, for another
business (a New York dentist, with closures added in the test where the rule is about them)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.questions import Topic
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.factories import with_closures

NEW_YORK = ZoneInfo("America/New_York")
CATALOGUE = load_catalogue(catalogue_path("dental_us"))
DENTAL = RulesUtteranceInterpreter(CATALOGUE)
MONDAY = datetime(2027, 4, 5, 10, 0, tzinfo=NEW_YORK)


def test_a_holiday_of_every_month_is_named_by_its_kind() -> None:
    moons = with_closures(
        CATALOGUE,
        (date(2027, 4, 20), "Bak Full Moon Poya Day"),
        (date(2027, 5, 20), "Vesak Full Moon Poya Day"),
        (date(2027, 6, 18), "Poson Full Moon Poya Day"),
    )
    heard = RulesUtteranceInterpreter(moons).understand("could I get a filling this Poya?", MONDAY)
    assert heard.day == date(2027, 4, 20)
    assert RulesUtteranceInterpreter(moons).understand("a filling next Poya", MONDAY).day is None  # which one: asked
    market = with_closures(CATALOGUE, (date(2027, 4, 9), "Spring Market Day"), (date(2027, 4, 23), "Summer Market Day"))
    assert RulesUtteranceInterpreter(market).understand("a filling this market", MONDAY).day is None  # two: no kind


def test_a_month_is_no_holiday_named_after_it() -> None:
    may_day = RulesUtteranceInterpreter(with_closures(CATALOGUE, (date(2027, 5, 1), "May Day")))
    heard = may_day.understand("a cleaning on Tuesday, the 4th of May, 2 pm", MONDAY)
    assert (heard.day, heard.unsure) == (date(2027, 5, 4), ())
    assert may_day.understand("a cleaning on May Day", MONDAY).day == date(2027, 5, 1)


def test_a_weekday_after_after_a_day_is_the_one_after_it() -> None:
    new_year = RulesUtteranceInterpreter(
        with_closures(
            CATALOGUE,
            (date(2027, 4, 13), "the day before the Sinhala and Tamil New Year"),
            (date(2027, 4, 14), "the Sinhala and Tamil New Year"),
        )
    )
    heard = new_year.understand("a check-up after the Tamil New Year, on Tuesday", MONDAY)
    assert (heard.day, heard.unsure) == (date(2027, 4, 20), ())
    heard = new_year.understand("a check-up after the Avurudu, Tuesday", MONDAY)
    assert (heard.day, heard.unsure) == (date(2027, 4, 20), ())
    heard = new_year.understand("ah yes, Tamil New Year. So after the Avurudu, on the 16th", MONDAY)
    assert (heard.day, heard.unsure) == (date(2027, 4, 16), ())
    heard = DENTAL.understand("a cleaning after the 9th, on the Wednesday", MONDAY)
    assert (heard.day, heard.unsure) == (date(2027, 4, 14), ())


def test_a_weekday_with_next_week_after_it_owns_it() -> None:
    heard = DENTAL.understand("hang on, not this Thursday, next week Thursday, same time", MONDAY)
    assert (heard.day, heard.unsure) == (date(2027, 4, 15), ())
    assert DENTAL.understand("Thursday next week", MONDAY).day == date(2027, 4, 15)


def test_day_after_alone_is_the_day_after_tomorrow() -> None:
    heard = DENTAL.understand("a filling day after, morning time please", MONDAY)
    assert (heard.day, heard.part_of_day, heard.unsure) == (date(2027, 4, 7), "morning", ())
    assert DENTAL.understand("the day after", MONDAY).day is None  # after a day said before: not tomorrow's


def test_after_office_is_after_work() -> None:
    heard = DENTAL.understand("a check-up Wednesday after office", MONDAY)
    assert (heard.day, heard.preference.bounds.not_before, heard.unsure) == (date(2027, 4, 7), time(17), ())


def test_an_hour_refused_then_another_given() -> None:
    heard = DENTAL.understand("oh sorry, not 2, make it 4.30", MONDAY)
    assert (heard.at, heard.unsure) == (time(16, 30), ())


def test_the_part_of_the_day_in_its_own_clause_or_after_a_day() -> None:
    heard = DENTAL.understand("a cleaning on Good Friday, the morning", MONDAY)
    assert heard.unsure == ()
    heard = DENTAL.understand("oh ok, the afternoon then, whatever's earliest", MONDAY)
    assert (heard.part_of_day, heard.unsure) == ("afternoon", ())
    assert DENTAL.understand("no, make it the evening", MONDAY).unsure == ()
    assert DENTAL.understand("right the morning", MONDAY).unsure == ("day",)  # "friday morning" heard short


def test_what_someone_has_ends_at_its_clause() -> None:
    heard = DENTAL.understand("Friday he has swimming. Anything Tuesday?", MONDAY)
    assert (heard.day, heard.unsure) == (date(2027, 4, 6), ())


def test_paying_oneself_is_told_not_asked() -> None:
    heard = DENTAL.understand("fine, I'll pay out of pocket. A cleaning on Thursday please", MONDAY)
    assert heard.question is None and heard.day == date(2027, 4, 8)
    assert DENTAL.understand("can I pay by card?", MONDAY).intent is Intent.QUESTION


def test_geordie_words() -> None:
    assert DENTAL.understand("divvent worry, I'll gan to the walk-in, ta-ra", MONDAY).intent is Intent.GOODBYE
    assert DENTAL.understand("can you put us through to the office", MONDAY).intent is Intent.HUMAN
    assert DENTAL.understand("wey aye", MONDAY).intent is Intent.AFFIRM


def test_a_name_with_digits_qualifies_what_is_asked_about() -> None:
    heard = DENTAL.understand("do you do K9 cleaning?", MONDAY)
    assert heard.question is not None and heard.question.topic is Topic.UNKNOWN
    assert DENTAL.understand("do you do cleanings at 3pm?", MONDAY).service_id == "cleaning"


def test_can_i_book_after_a_no_is_a_new_request() -> None:
    heard = DENTAL.understand("no worries, no? Could we book a filling on Friday then", MONDAY)
    assert (heard.intent, heard.service_id, heard.day) == (Intent.BOOK, "filling", date(2027, 4, 9))
    assert DENTAL.understand("no, can I book it for Friday instead?", MONDAY).intent is Intent.DENY
