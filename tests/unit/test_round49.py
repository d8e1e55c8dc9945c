"""Issue 13, the fifteenth session: mends found while reading the heldout49 round, in other words than the corpus's."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest

from benchmarks.corpus import catalogue_path
from slotline.domain.dialogue import actions as act
from slotline.domain.dialogue import events as ev
from slotline.domain.ids import AppointmentId, ServiceId
from slotline.domain.phone import PhoneNumber
from slotline.domain.time_window import TimeWindow
from slotline.domain.understanding import Intent
from slotline.entrypoints.container import home_region
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.factories import NEW_YORK, sample_catalogue
from tests.unit.test_dialogue_policy import CALLER, TUESDAY, World, heard, upcoming

CLINIC = RulesUtteranceInterpreter(sample_catalogue())
WEDNESDAY = datetime(2026, 11, 25, 9, 0, tzinfo=NEW_YORK)
PODIATRY = load_catalogue(catalogue_path("podiatry_per"))
FEET = RulesUtteranceInterpreter(PODIATRY, default_region="AU")
PERTH_MONDAY = datetime.fromisoformat("2027-03-08T09:00:00+08:00")
AUSTRALIA_DAY_WEEK = datetime.fromisoformat("2027-01-22T09:00:00+08:00")


def test_an_after_that_ends_a_sentence_is_not_the_next_sentences_day() -> None:
    heard = CLINIC.understand("my neck gets really stiff after. Monday?", WEDNESDAY)
    assert (heard.day, heard.last_day) == (date(2026, 11, 30), None)


@pytest.mark.parametrize(
    "said",
    [
        "a biomechanical assessment please, I play netball and my heels are really sore",
        "I'd like a gait assessment, I walk a lot and my feet are a bit sore",
    ],
)
def test_how_something_is_after_and_is_no_second_service(said: str) -> None:
    heard = FEET.understand(said, PERTH_MONDAY)
    assert (heard.service_id, heard.more_services, heard.service_choices) == ("biomech", (), ())


def test_what_a_service_is_done_on_is_no_second_service() -> None:
    heard = FEET.understand("my doctor says I'm due, and I need the diabetic review for my feet", PERTH_MONDAY)
    assert (heard.service_id, heard.more_services, heard.service_choices) == ("diabetic_check", (), ())


@pytest.mark.parametrize(
    ("catalogue", "said"),
    [
        (FEET, "I'm type 1 and need a diabetic assessment on Tuesday"),
        (CLINIC, "she's in year 9, can she get a haircut on Friday"),
    ],
)
def test_a_number_after_a_kind_is_no_time(catalogue: RulesUtteranceInterpreter, said: str) -> None:
    heard = catalogue.understand(said, WEDNESDAY if catalogue is CLINIC else PERTH_MONDAY)
    assert (heard.at, heard.unsure) == (None, ())


@pytest.mark.parametrize(
    ("said", "at"),
    [
        ("can I do 2? my flight lands at 11", time(14, 0)),
        ("half eleven please, my train doesn't get in till eleven", time(11, 30)),
        ("the ferry comes in at 9 so make it 10", time(10, 0)),
    ],
)
def test_when_someone_arrives_is_no_time_to_book(said: str, at: time) -> None:
    assert CLINIC.understand(f"a haircut tomorrow, {said}", WEDNESDAY).at == at


def test_a_weekday_said_after_a_correction_that_is_the_dates_own_keeps_the_date() -> None:
    heard = CLINIC.understand("a massage on the 7th, sorry, the 8th I mean, the Tuesday", WEDNESDAY)
    assert heard.day == date(2026, 12, 8)


@pytest.mark.parametrize(
    "said",
    [
        "Friday please, Thursday's her dance recital",
        "the 27th, the 26th's his nativity",
    ],
)
def test_a_day_wished_beside_someones_show_is_booking_talk(said: str) -> None:
    heard = CLINIC.understand(said, WEDNESDAY)
    assert heard.intent is not Intent.UNKNOWN and heard.day == date(2026, 11, 27)


def test_knocking_off_is_when_the_caller_is_free_from() -> None:
    heard = CLINIC.understand("what's the latest you've got? I don't knock off till 4", WEDNESDAY)
    assert heard.bounds.not_before == time(16, 0) and heard.at is None


def test_an_occasion_somewhere_else_is_the_callers_not_the_booking() -> None:
    heard = CLINIC.understand("we've got a wedding up in the mountains Saturday, so a haircut Friday", WEDNESDAY)
    assert heard.day == date(2026, 11, 27)


def test_me_for_my_names_the_appointment_kept() -> None:
    assert CLINIC.understand("cancel the massage but keep me Thursday one", WEDNESDAY).day is None


def test_a_curse_at_a_holiday_only_takes_it_in() -> None:
    heard = CLINIC.understand("oh damn, Thanksgiving, course it is. Friday then", WEDNESDAY)
    assert heard.day == date(2026, 11, 27)


def test_the_clock_time_one_is_at_that_time() -> None:
    assert CLINIC.understand("the 3 o'clock one on Monday", WEDNESDAY).at == time(15, 0)


def test_the_time_one_moved_to_another_day_names_the_one_moved() -> None:
    heard = CLINIC.understand("the 10:30 one on Monday, can you move that to Wednesday afternoon?", WEDNESDAY)
    assert (heard.at, heard.other_times, heard.day) == (None, (time(10, 30),), date(2026, 12, 2))


def test_numbers_without_a_country_are_read_in_the_businesss_country() -> None:
    assert home_region(None, PODIATRY) == "AU"
    assert home_region("GB", PODIATRY) == "GB"
    foreign = replace(PODIATRY, business=replace(PODIATRY.business, phone=PhoneNumber("+80012345678")))
    assert home_region(None, foreign) == "US"  # a number of no one country names none


def test_a_mobile_said_to_a_perth_clinic_is_an_australian_number() -> None:
    heard = FEET.understand("it's 0418 552 903, a diabetic check Friday", PERTH_MONDAY)
    assert heard.phone is not None and heard.phone.number == PhoneNumber("+61418552903")


def test_a_holiday_taken_in_after_a_no_is_no_wish() -> None:
    heard = FEET.understand("oh yeah nah, I forgot about Australia Day. Wednesday then?", AUSTRALIA_DAY_WEEK)
    assert (heard.day, heard.unsure) == (date(2027, 1, 27), ())


def test_urgent_words_count_before_a_correction_marker_too() -> None:
    said = "I've got a fever that won't go away, can I see someone on Friday?"
    assert FEET.understand(said, PERTH_MONDAY).intent is Intent.URGENT


def test_it_wont_go_away_is_no_correction() -> None:
    heard = CLINIC.understand("this back pain won't go away, a massage on Friday please", WEDNESDAY)
    assert (heard.service_id, heard.day) == ("massage", date(2026, 11, 27))


def test_never_been_before_then_a_request_is_no_bound() -> None:
    heard = CLINIC.understand("I've never been to you before, could I get a consultation on Monday?", WEDNESDAY)
    assert (heard.unsure, heard.day) == ((), date(2026, 11, 30))


def test_a_service_done_on_another_services_name_keeps_the_day() -> None:
    nails = RulesUtteranceInterpreter(load_catalogue(catalogue_path("nails_chi")))
    heard = nails.understand("I need a gel removal on my acrylics Friday", WEDNESDAY)
    assert heard.day == date(2026, 11, 27)


def test_is_someone_in_on_a_date_in_doubt_is_a_booking_not_a_hand_over() -> None:
    nails = RulesUtteranceInterpreter(load_catalogue(catalogue_path("nails_chi")))
    heard = nails.understand("is Keisha in on 12/4? I'd like a pedicure with her", WEDNESDAY)
    assert heard.intent is not Intent.HUMAN and heard.staff_id == "keisha"


@pytest.mark.parametrize("said", ["whatever's next", "ok, whatever is next on Monday then"])
def test_whatever_is_next_is_the_earliest(said: str) -> None:
    assert CLINIC.understand(said, WEDNESDAY).earliest


@pytest.mark.parametrize(
    "said", ["none of them mornings suit, anything on Friday?", "none of those afternoons work, sorry, Friday?"]
)
def test_none_of_the_parts_offered_is_no_wish_for_that_part(said: str) -> None:
    heard = CLINIC.understand(said, WEDNESDAY)
    assert (heard.part_of_day, heard.unsure, heard.day) == (None, (), date(2026, 11, 27))


def test_a_weekday_either_this_week_or_the_appointments_names_both_and_takes_an_ordinal() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))  # Tuesday, December 1st at 3:30 PM
    asked = world.send(
        heard(Intent.RESCHEDULE, day=date(2026, 11, 27), other_days=(TUESDAY,), weekday_only=True)
    )  # "move the Tuesday one to Friday": this Friday, or the Friday of its week?
    assert asked[-1] == "Sorry, I want to get this right: Friday, November 27th or Friday, December 4th?"
    world.send(heard(ordinal=2))  # "the second one"
    found = [a for a in world.done if isinstance(a, act.FindSlots)]
    assert found and found[-1].preference.day == date(2026, 12, 4)


KIGALI = RulesUtteranceInterpreter(load_catalogue(catalogue_path("dental_kgl")))


@pytest.mark.parametrize(("said", "intent"), [("yego", Intent.AFFIRM), ("oya, murakoze", Intent.DENY)])
def test_kinyarwanda_yes_and_no_where_it_is_spoken(said: str, intent: Intent) -> None:
    assert KIGALI.understand(said, WEDNESDAY).intent is intent
    assert CLINIC.understand(said, WEDNESDAY).intent is not intent  # a New York business hears no Kinyarwanda


@pytest.mark.parametrize(("said", "yes"), [("bet", True), ("aight bet", True), ("I bet it's busy", False)])
def test_bet_alone_is_a_yes(said: str, yes: bool) -> None:
    assert (CLINIC.understand(said, WEDNESDAY).intent is Intent.AFFIRM) is yes


def test_someone_elses_hours_then_a_wish_is_no_opening_hours_question() -> None:
    heard = CLINIC.understand("those are my work hours. do you have Friday evening instead?", WEDNESDAY)
    assert heard.intent is not Intent.QUESTION and heard.day == date(2026, 11, 27)


def test_someones_occasion_on_a_day_is_theirs() -> None:
    heard = CLINIC.understand("a haircut on Friday, my sister's graduation is Saturday", WEDNESDAY)
    assert (heard.day, heard.unsure) == (date(2026, 11, 27), ())


def test_the_nth_time_taken_is_an_offer() -> None:
    assert CLINIC.understand("the second time works for me", WEDNESDAY).ordinal == 2
    assert CLINIC.understand("it's my second time here", WEDNESDAY).ordinal is None


def test_a_weekday_with_its_date_moved_to_another_date() -> None:
    heard = CLINIC.understand("move the one on Tuesday the 1st to Thursday the 3rd please", WEDNESDAY)
    assert (heard.day, heard.unsure, heard.other_days) == (date(2026, 12, 3), (), (TUESDAY,))


def test_the_date_moved_from_names_the_appointment_before_the_new_days_weekday() -> None:
    world = World()
    window = TimeWindow.starting(datetime(2026, 12, 3, 10, tzinfo=NEW_YORK), timedelta(minutes=30))
    thursday = replace(upcoming(), id=AppointmentId("thu"), service_id=ServiceId("massage"), window=window)
    world.send(ev.CallStarted(CALLER, None, (upcoming(), thursday)))  # a haircut Tuesday the 1st, a massage Thursday
    world.send(
        heard(Intent.RESCHEDULE, day=date(2026, 12, 10), other_days=(TUESDAY,))
    )  # "the 1st to Thursday the 10th"
    found = [a for a in world.done if isinstance(a, act.FindSlots)]
    assert found and found[-1].service_id == "haircut"  # not the massage on another Thursday


def test_asking_of_a_service_not_offered_is_a_question() -> None:
    said = "Hey! I wanted to ask, do you do aligners for adults? Like the clear ones to straighten teeth"
    heard = KIGALI.understand(said, WEDNESDAY)
    assert (heard.intent, heard.service_id, heard.service_choices) == (Intent.QUESTION, None, ())
