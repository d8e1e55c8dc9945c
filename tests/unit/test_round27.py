"""Issue 13, on the old failures left in heldout6 and heldout22 (both opened long ago); written in other words than
the corpus's, for another business (a New York dentist)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue

NEW_YORK = ZoneInfo("America/New_York")
DENTAL = RulesUtteranceInterpreter(load_catalogue(catalogue_path("dental_us")))
MONDAY = datetime(2027, 3, 8, 10, 0, tzinfo=NEW_YORK)


def test_a_busy_time_beside_a_clock_time_is_why_that_time() -> None:
    heard = DENTAL.understand("a cleaning on Thursday at 2pm, after the lunch rush at work", MONDAY)
    assert (heard.day, heard.at, heard.unsure) == (date(2027, 3, 11), time(14), ())
    heard = DENTAL.understand("a check-up Friday at 1400, after the morning traffic", MONDAY)
    assert (heard.day, heard.at, heard.unsure) == (date(2027, 3, 12), time(14), ())


def test_a_busy_time_with_no_clock_time_or_a_clock_time_it_pulls_is_still_asked() -> None:
    assert DENTAL.understand("a cleaning Thursday, after the morning rush", MONDAY).unsure == ("after",)
    assert DENTAL.understand("a cleaning Thursday at 4, after the morning rush", MONDAY).unsure == ("after",)


def test_what_someone_has_right_after_a_day_rules_that_day_out() -> None:
    heard = DENTAL.understand("not Wednesday, Wednesday she has ballet. Could we do Tuesday at 4?", MONDAY)
    assert (heard.day, heard.at, heard.unsure) == (date(2027, 3, 9), time(16), ())
    heard = DENTAL.understand("Friday I've got a funeral, so Thursday morning", MONDAY)
    assert (heard.day, heard.part_of_day, heard.unsure) == (date(2027, 3, 11), "morning", ())


def test_a_day_someone_is_free_stays_the_day_asked_for() -> None:
    heard = DENTAL.understand("Friday I have off, so Friday at 11", MONDAY)
    assert (heard.day, heard.at) == (date(2027, 3, 12), time(11))
    assert DENTAL.understand("Saturday I have time, at 10?", MONDAY).day == date(2027, 3, 13)


def test_a_day_off_or_something_with_its_own_time_or_day_rules_nothing_out() -> None:
    heard = DENTAL.understand("a cleaning on Thursday, I've got the day off", MONDAY)
    assert (heard.day, heard.other_days) == (date(2027, 3, 11), ())
    heard = DENTAL.understand("Thursday, he has football at 4, so 10 in the morning", MONDAY)
    assert (heard.day, heard.at) == (date(2027, 3, 11), time(10))
    heard = DENTAL.understand("no, Thursday, she has swimming Friday", MONDAY)
    assert heard.day == date(2027, 3, 11)
