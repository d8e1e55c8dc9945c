"""Where the date work and the conversation work meet: a day naming the appointment being moved, a denial of the
read-back, a service named with who it is for, and a week on from a day said in the same breath."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from slotline.domain.catalogue import Service
from slotline.domain.ids import ServiceId, StaffId
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, sample_catalogue

CATALOGUE = sample_catalogue()
INTERPRETER = RulesUtteranceInterpreter(CATALOGUE)
COMING_TUESDAY = date(2026, 12, 1)  # NOW is Wednesday, November 25th
KIDS = Service(
    ServiceId("kids_haircut"), "Kids haircut", timedelta(minutes=20), (StaffId("sam"),), ("children's haircut",)
)
WITH_KIDS = RulesUtteranceInterpreter(replace(CATALOGUE, services=(*CATALOGUE.services, KIDS)))


@pytest.mark.parametrize(
    "text",
    [
        "can i change monday's appointment to tuesday",
        "i need to move my monday session, can i do tuesday instead",
        "move friday's booking to tuesday please",
    ],
)
def test_a_day_naming_the_appointment_is_not_a_second_wish(text: str) -> None:
    result = INTERPRETER.understand(text, NOW)
    assert result.day == COMING_TUESDAY
    assert result.unsure == ()


def test_two_wished_days_with_nothing_between_them_are_still_asked() -> None:
    assert "day" in INTERPRETER.understand("a haircut monday at ten tuesday", NOW).unsure


@pytest.mark.parametrize("text", ["no, that's not right, i said tuesday", "not what i said, tuesday"])
def test_a_denied_read_back_is_not_unsure(text: str) -> None:
    result = INTERPRETER.understand(text, NOW)
    assert (result.day, result.unsure) == (COMING_TUESDAY, ())


@pytest.mark.parametrize("text", ["tuesday but a week later", "the first one but a week later", "monday, a week later"])
def test_a_week_on_from_a_day_or_a_choice_in_the_same_breath_is_asked(text: str) -> None:
    assert "week" in INTERPRETER.understand(text, NOW).unsure


def test_a_week_later_alone_is_a_reference_not_a_doubt() -> None:
    result = INTERPRETER.understand("can we push it back a week", NOW)
    assert (result.refers.weeks, result.unsure) == (1, ())


@pytest.mark.parametrize("text", ["a haircut for my son", "my daughter's haircut on tuesday", "a haircut for the kids"])
def test_a_service_named_with_who_it_is_for_is_the_one_for_them(text: str) -> None:
    assert WITH_KIDS.understand(text, NOW).service_id == "kids_haircut"


@pytest.mark.parametrize("text", ["a haircut for me", "a haircut, the first one", "a haircut a little later"])
def test_without_a_word_for_who_the_named_service_stands(text: str) -> None:
    assert WITH_KIDS.understand(text, NOW).service_id == "haircut"


def test_a_business_without_a_service_for_them_keeps_the_named_one() -> None:
    assert INTERPRETER.understand("a haircut for my son", NOW).service_id == "haircut"


def test_a_second_day_said_instead_replaces_the_first() -> None:
    result = INTERPRETER.understand("i can't make it on friday, can we do tuesday at 11 instead?", NOW)
    assert (result.day, result.unsure) == (COMING_TUESDAY, ())


@pytest.mark.parametrize("text", ["it's my first time, 3 pm please", "my second visit, at 3 pm"])
def test_a_first_time_is_no_choice_among_offers(text: str) -> None:
    result = INTERPRETER.understand(text, NOW)
    assert (result.ordinal, result.unsure, result.at is not None) == (None, (), True)


def test_the_first_time_slot_is_a_choice() -> None:
    assert INTERPRETER.understand("the first time slot", NOW).ordinal == 1


@pytest.mark.parametrize(("text", "ordinal"), [("the first one on tuesday", 1), ("the second one tomorrow", 2)])
def test_a_choice_beside_a_day_is_no_hour(text: str, ordinal: int) -> None:
    result = INTERPRETER.understand(text, NOW)
    assert (result.ordinal, result.at) == (ordinal, None)
