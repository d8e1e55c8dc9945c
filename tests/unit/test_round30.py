"""Issue 13, on heldout25 (measured first: 93/100, 1 wrong); written in other words than the corpus's, for another
business (a New York dentist, with closures, services or questions added in the test where the rule is about them)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.catalogue import FaqEntry
from slotline.domain.ids import ServiceId
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.factories import with_closures

NEW_YORK = ZoneInfo("America/New_York")
CATALOGUE = load_catalogue(catalogue_path("dental_us"))
DENTAL = RulesUtteranceInterpreter(CATALOGUE)
MONDAY = datetime(2027, 2, 1, 10, 0, tzinfo=NEW_YORK)


def test_days_counted_from_easter_are_read_without_an_easter_closure() -> None:
    assert DENTAL.understand("a cleaning on Ash Wednesday", MONDAY).day == date(2027, 2, 10)
    assert DENTAL.understand("a filling on Shrove Tuesday", MONDAY).day == date(2027, 2, 9)


def test_a_holiday_named_by_its_weekdays_is_named_alone_too() -> None:
    mardi_gras = with_closures(
        CATALOGUE, (date(2027, 2, 8), "Mardi Gras Monday"), (date(2027, 2, 9), "Mardi Gras Tuesday")
    )
    heard = RulesUtteranceInterpreter(mardi_gras).understand("a cleaning after Mardi Gras, on Ash Wednesday", MONDAY)
    assert (heard.day, heard.unsure) == (date(2027, 2, 10), ())
    assert DENTAL.understand("a cleaning after Mardi Gras", MONDAY).day != date(2027, 2, 2)  # "mardi" is no Tuesday
    good_friday = RulesUtteranceInterpreter(with_closures(CATALOGUE, (date(2027, 3, 26), "Good Friday")))
    heard = good_friday.understand("hi, good morning, a cleaning Thursday if you have space", MONDAY)
    assert (heard.day, heard.unsure) == (date(2027, 2, 4), ())  # "good" alone names no holiday


def test_a_discourse_word_before_a_part_of_the_day_loses_no_day() -> None:
    heard = DENTAL.understand("actually, mornings are better for me, make it 9", MONDAY)
    assert (heard.part_of_day, heard.at, heard.unsure) == ("morning", time(9), ())


def test_not_well_then_a_cancel_is_a_cancel() -> None:
    heard = DENTAL.understand("me daughter's not well, can we cancel her check-up Thursday?", MONDAY)
    assert (heard.intent, heard.unsure) == (Intent.CANCEL, ())
    assert DENTAL.understand("no, don't cancel it", MONDAY).intent is Intent.DENY


def test_me_as_my_before_what_is_moved() -> None:
    heard = DENTAL.understand("can I move me dad's cleaning Wednesday to Tuesday the 9th?", MONDAY)
    assert (heard.intent, heard.day, heard.unsure) == (Intent.RESCHEDULE, date(2027, 2, 9), ())


def test_a_service_whose_name_has_a_task_word_or_a_question_phrase_is_a_booking() -> None:
    tray = replace(CATALOGUE.services[0], id=ServiceId("tray"), name="Aligner tray change", aliases=("tray change",))
    facts = replace(CATALOGUE.business.facts, faq=(FaqEntry(("aligner",), "We fit clear aligners from $3,000."),))
    catalogue = replace(
        CATALOGUE, services=(*CATALOGUE.services, tray), business=replace(CATALOGUE.business, facts=facts)
    )
    heard = RulesUtteranceInterpreter(catalogue).understand("an aligner tray change this Friday coming", MONDAY)
    assert (heard.intent, heard.service_id, heard.day, heard.question) == (
        Intent.INFORM,
        "tray",
        date(2027, 2, 5),
        None,
    )


def test_last_night_is_the_past() -> None:
    heard = DENTAL.understand("my filling fell out last night, it doesn't hurt, can I come Thursday morning?", MONDAY)
    assert (heard.day, heard.unsure) == (date(2027, 2, 4), ())
