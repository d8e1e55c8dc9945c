"""Issue 13, the fifteenth session: mends found while reading the heldout49 round, in other words than the corpus's."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest

from benchmarks.corpus import catalogue_path
from slotline.domain.phone import PhoneNumber
from slotline.domain.understanding import Intent
from slotline.entrypoints.container import home_region
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.factories import NEW_YORK, sample_catalogue

CLINIC = RulesUtteranceInterpreter(sample_catalogue())
WEDNESDAY = datetime(2026, 11, 25, 9, 0, tzinfo=NEW_YORK)
PODIATRY = load_catalogue(catalogue_path("podiatry_per"))
FEET = RulesUtteranceInterpreter(PODIATRY, default_region="AU")
PERTH_MONDAY = datetime.fromisoformat("2027-03-08T09:00:00+08:00")


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
