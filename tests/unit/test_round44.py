"""Issue 13, on heldout38 (measured first: 95/100, 2 wrong; Adelaide and Toronto callers); written in other words
than the corpus's, for another business (a New York dentist)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue

NEW_YORK = ZoneInfo("America/New_York")
DENTAL = RulesUtteranceInterpreter(load_catalogue(catalogue_path("dental_us")))
MONDAY = datetime(2027, 2, 8, 9, 0, tzinfo=NEW_YORK)


def test_first_after_an_event_is_no_first_offer() -> None:
    heard = DENTAL.understand("could we make it two instead, I've got soccer practice first", MONDAY)
    assert (heard.at, heard.ordinal) == (time(14, 0), None)
    assert DENTAL.understand("the first one please", MONDAY).ordinal == 1


def test_mine_only_is_never_the_childs_service() -> None:
    heard = DENTAL.understand("we both have check-ups Friday, mine and my daughter's, cancel mine only", MONDAY)
    assert (heard.intent, heard.service_id) == (Intent.CANCEL, "checkup")


def test_how_many_appointments_the_caller_has_is_no_time() -> None:
    heard = DENTAL.understand("I have three appointments with you this month, cancel the Friday one", MONDAY)
    assert (heard.day, heard.at, heard.unsure) == (date(2027, 2, 12), None, ())


def test_cant_come_in_the_daytime_is_a_booking() -> None:
    heard = DENTAL.understand("I need a cleaning but I can't come during the day, Thursday evening?", MONDAY)
    assert heard.intent is Intent.BOOK and heard.day == date(2027, 2, 11)
    assert DENTAL.understand("sorry, I can't come", MONDAY).intent is Intent.CANT_COME


def test_a_reason_after_an_exact_time() -> None:
    heard = DENTAL.understand("could you do 7 in the morning? before my commute", MONDAY)
    assert (heard.at, heard.unsure) == (time(7, 0), ())
    assert DENTAL.understand("anything before my commute?", MONDAY).unsure  # with no time, a bound: asked


def test_a_service_one_is_that_appointment() -> None:
    heard = DENTAL.understand("cancel the filling on Friday, the cleaning one's fine", MONDAY)
    assert (heard.day, heard.at) == (date(2027, 2, 12), None)
    assert DENTAL.understand("the cleaning at one", MONDAY).at == time(13, 0)
    kid = DENTAL.understand("I've two appointments, cancel the young lad's one on Friday, he has a game", MONDAY)
    assert (kid.day, kid.at) == (date(2027, 2, 12), None)


def test_tagalog_nothing_else() -> None:
    assert DENTAL.understand("wala na po, salamat", MONDAY).intent is Intent.GOODBYE
