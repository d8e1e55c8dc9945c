"""Issue 13, on heldout37 (measured first: 87/100, 4 wrong; Cork and San Antonio callers); written in other words
than the corpus's, for other businesses (a New York dentist, with its closures changed where the rule depends on
them, and the sample clinic the dialogue tests use)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from benchmarks.corpus import catalogue_path
from slotline.domain.appointment import Customer
from slotline.domain.dialogue import actions as act
from slotline.domain.dialogue import events as ev
from slotline.domain.ids import AppointmentId, ServiceId
from slotline.domain.time_window import TimeWindow
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.unit.test_dialogue_policy import CALLER, World, heard, upcoming

NEW_YORK = ZoneInfo("America/New_York")
DENTAL_US = load_catalogue(catalogue_path("dental_us"))
DENTAL = RulesUtteranceInterpreter(DENTAL_US)
MONDAY = datetime(2027, 2, 8, 9, 0, tzinfo=NEW_YORK)  # Presidents' Day (closed) is Monday the 15th


def test_the_weekday_after_a_holiday_taken_in() -> None:
    heard_ = DENTAL.understand("oh shoot, Presidents' Day. Alright, the Wednesday after then, mornings", MONDAY)
    assert heard_.day == date(2027, 2, 17)


def test_someone_with_an_event_is_not_who_the_booking_is_for() -> None:
    services = tuple(
        replace(s, aliases=(*s.aliases, "check-up for the young one")) if s.id == "kids_checkup" else s
        for s in DENTAL_US.services
    )
    interpreter = RulesUtteranceInterpreter(replace(DENTAL_US, services=services))
    heard_ = interpreter.understand("ah wait, could we do eleven instead, the young one has practice", MONDAY)
    assert (heard_.service_id, heard_.at) == (None, time(11, 0))


def test_irish_ive_the_thing_at_a_time_is_had() -> None:
    heard_ = DENTAL.understand("no, make that two, I've the physio at one", MONDAY)
    assert heard_.at == time(14, 0)


def test_a_trip_on_a_day_makes_it_busy() -> None:
    heard_ = DENTAL.understand("a cleaning Saturday, we fly out Monday", MONDAY)
    assert (heard_.day, heard_.unsure) == (date(2027, 2, 13), ())


def test_the_school_run_adds_no_bound_and_no_service() -> None:
    heard_ = DENTAL.understand("Thursday, after the school run, say half nine?", MONDAY)
    assert (heard_.day, heard_.at, heard_.bounds.not_before, heard_.service_id) == (
        date(2027, 2, 11),
        time(9, 30),
        None,
        None,
    )


def test_a_fixed_holiday_written_for_last_year_only_is_this_years() -> None:
    later = datetime(2027, 12, 20, 9, 0, tzinfo=NEW_YORK)  # the catalogue's Christmas Eve is 2026's
    assert DENTAL.understand("a check-up on Christmas Eve", later).day == date(2027, 12, 24)


def test_mixed_up_days_and_a_busy_day() -> None:
    heard_ = DENTAL.understand("sorry, I got my dates muddled, the Thursday, same time", MONDAY)
    assert (heard_.day, heard_.unsure) == (date(2027, 2, 11), ())
    busy = DENTAL.understand("no wait, Tuesday she's at school, Wednesday same time", MONDAY)
    assert (busy.day, busy.unsure) == (date(2027, 2, 10), ())


def test_only_before_an_age() -> None:
    heard_ = DENTAL.understand("she's only five, so the children's check-up", MONDAY)
    assert (heard_.service_id, heard_.unsure) == ("kids_checkup", ())


def test_a_day_had_then_a_move_to_another() -> None:
    heard_ = DENTAL.understand(
        "I've got a cleaning Tuesday the 9th, could you please change it to the Thursday", MONDAY
    )
    assert (heard_.intent, heard_.day, heard_.unsure) == (Intent.RESCHEDULE, date(2027, 2, 11), ())


def test_a_single_word_stay_keeps_that_appointment() -> None:
    heard_ = DENTAL.understand("can you move my filling to Friday next week? the cleaning on Tuesday stays", MONDAY)
    assert (heard_.service_id, heard_.day) == ("filling", date(2027, 2, 19))
    assert DENTAL.understand("Tuesday stays free, a cleaning", MONDAY).day == date(2027, 2, 9)


def test_before_the_christmas_and_the_narrowest_span() -> None:
    december = datetime(2026, 12, 11, 9, 0, tzinfo=NEW_YORK)
    assert DENTAL.understand("a cleaning the day before the christmas", december).day == date(2026, 12, 24)
    said = DENTAL.understand("the Tuesday of the week after next, before the Christmas", december)
    assert said.day == date(2026, 12, 22)


def test_a_move_naming_a_service_finds_its_appointment_whatever_the_new_day() -> None:
    world = World()
    later = TimeWindow(upcoming().window.start + timedelta(days=2), upcoming().window.end + timedelta(days=2))
    massage = replace(upcoming(), id=AppointmentId("m"), service_id=ServiceId("massage"), window=later)
    world.send(ev.CallStarted(CALLER, Customer(CALLER, "Dana Scully"), (upcoming(), massage)))
    said = world.send(heard(Intent.RESCHEDULE, service_id=ServiceId("massage"), day=date(2026, 12, 12)))
    assert not any("Which appointment" in s for s in said)


def test_a_bare_weekday_that_may_be_either_week_is_asked_when_moving() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, Customer(CALLER, "Dana Scully"), (upcoming(),)))  # Tuesday Dec 1
    tuesday = upcoming().window.start.date()
    said = world.send(  # said on Wednesday Nov 25: "move my Tuesday one to Saturday" (the 28th, or the 5th?)
        heard(Intent.RESCHEDULE, day=date(2026, 11, 28), weekday_only=True, other_days=(tuesday,))
    )
    assert said[-1].startswith("Sorry, I want to get this right")
    assert not any(isinstance(a, (act.PlaceHold, act.FindSlots)) for a in world.done)
