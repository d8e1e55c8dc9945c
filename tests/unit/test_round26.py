"""Issue 13, on heldout22 (measured first: 69/100, 4 wrong); written in other words than the corpus's, and where a
rule is not the business's own vocabulary, for another business (a New York dentist)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.dialogue import events as ev
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.factories import NOW
from tests.unit.test_dialogue_unsure import INTERPRETER, started

NEW_YORK = ZoneInfo("America/New_York")
DENTAL = RulesUtteranceInterpreter(load_catalogue(catalogue_path("dental_us")))
MONDAY = datetime(2027, 3, 8, 10, 0, tzinfo=NEW_YORK)


def test_patois_words() -> None:
    heard = DENTAL.understand("mi cyaan come Wednesday, mek it Thursday inna di morning", MONDAY)
    assert (heard.day, heard.part_of_day, heard.unsure) == (date(2027, 3, 11), "morning", ())
    heard = DENTAL.understand("wah bout di first one?", MONDAY)
    assert heard.ordinal == 1
    assert DENTAL.understand("mi need a cleaning fi mi daughter, Friday", MONDAY).day == date(2027, 3, 12)


def test_afrikaans_words() -> None:
    assert DENTAL.understand("ja", MONDAY).intent is Intent.AFFIRM
    assert DENTAL.understand("nee dankie", MONDAY).intent is Intent.DENY
    heard = DENTAL.understand("a cleaning for môre at ten", MONDAY)
    assert (heard.day, heard.at) == (date(2027, 3, 9), time(10))
    assert DENTAL.understand("is there anything more at ten?", MONDAY).day is None  # English "more"


def test_the_time_of_day_said_as_hello() -> None:
    heard = DENTAL.understand("Afternoon! A filling Friday at 9 in the morning?", MONDAY)
    assert (heard.day, heard.at, heard.unsure) == (date(2027, 3, 12), time(9), ())
    assert DENTAL.understand("Good night, sorry to ring so late. Do you do whitening?", MONDAY).intent is not (
        Intent.GOODBYE
    )
    assert DENTAL.understand("good night", MONDAY).intent is Intent.GOODBYE
    assert DENTAL.understand("morning works", MONDAY).part_of_day == "morning"


def test_a_road_is_no_hour() -> None:
    heard = DENTAL.understand("make it ten thirty, the traffic on the M4 in the morning is terrible", MONDAY)
    assert heard.at == time(10, 30)


def test_a_day_said_to_be_a_holiday_is_ruled_out() -> None:
    heard = DENTAL.understand("a cleaning Monday, oh, Monday's a bank holiday, isn't it? Tuesday at 3 then", MONDAY)
    assert (heard.day, heard.at, heard.unsure) == (date(2027, 3, 9), time(15), ())
    heard = DENTAL.understand("a check-up Monday 15th March at 9", MONDAY)  # a date said twice: no holiday
    assert (heard.day, heard.unsure) == (date(2027, 3, 15), ())


def test_what_cannot_be_made_and_where_it_moves() -> None:
    heard = DENTAL.understand("I can't make the cleaning tomorrow, could we do Friday, same time?", MONDAY)
    assert (heard.day, heard.unsure) == (date(2027, 3, 12), ())
    heard = DENTAL.understand("I can't come Wednesday or Thursday", MONDAY)
    assert heard.day is None
    heard = DENTAL.understand("I need to move my filling tomorrow to Thursday, same time", MONDAY)
    assert (heard.intent, heard.day, heard.unsure) == (Intent.RESCHEDULE, date(2027, 3, 11), ())
    heard = DENTAL.understand("please put my son's check-up back a week", MONDAY)
    assert (heard.intent, heard.refers.weeks) == (Intent.RESCHEDULE, 1)


def test_numbers_that_are_no_time() -> None:
    for said in (
        "a filling Friday, it hurts when I drive over 60",
        "a cleaning on Friday, I get headaches every three days",
        "a check-up Friday, my jaw aches after a long day",
        "sorry to bother you on a Monday, a cleaning on Friday?",
    ):
        heard = DENTAL.understand(said, MONDAY)
        assert (heard.day, heard.unsure) == (date(2027, 3, 12), ()), said


def test_a_service_something_came_from_is_not_the_one_asked_for() -> None:
    heard = DENTAL.understand("I have the x-rays from my check-up, I just need a filling now", MONDAY)
    assert heard.service_id == "filling"


def test_the_last_weekday_of_the_month_said_before_it() -> None:
    assert DENTAL.understand("at the end of the month, the last Friday", MONDAY).day == date(2027, 3, 26)


def test_yes_with_the_held_time_said_again_books() -> None:
    world, said = started("a haircut on tuesday at 10")
    assert said[-1].startswith("Let me read that back")
    world.send(ev.Heard(INTERPRETER.understand("yes, 10 o'clock is good", NOW)))
    assert "Book" in world.kinds()
