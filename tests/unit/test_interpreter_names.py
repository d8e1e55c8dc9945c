"""Services and staff named as callers say them, with tolerance for recognition errors but no guessing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from slotline.domain.ids import ServiceId, StaffId
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.rules_nlu.catalogue_names import ServiceNames, StaffNames, stem
from slotline.infrastructure.rules_nlu.words import normalise
from tests.factories import NOW, sample_catalogue

CATALOGUE = sample_catalogue()
SERVICES = ServiceNames(CATALOGUE.services)
STAFF = StaffNames(CATALOGUE.staff)


def service_in(text: str) -> ServiceId | None:
    found = SERVICES.find(normalise(text))
    return found.value if found else None


def staff_in(text: str) -> StaffId | None:
    found = STAFF.find(normalise(text))
    return found.value if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("haircut", "haircut"),
        ("Haircut", "haircut"),
        ("a haircut", "haircut"),
        ("haircuts", "haircut"),
        ("a hair cut", "haircut"),
        ("hair cat", "haircut"),
        ("hare cut", "haircut"),
        ("air cut", "haircut"),
        ("hair-cut", "haircut"),
        ("a trim", "haircut"),
        ("massage", "massage"),
        ("a message", "massage"),
        ("massages", "massage"),
        ("back massage", "massage"),
        ("massage therapy", "massage"),
        ("colour", "colour"),
        ("color", "colour"),
        ("colouring", "colour"),
        ("coloring", "colour"),
        ("hair colouring", "colour"),
        ("hair color", "colour"),
        ("dye", "colour"),
        ("consultation", "consultation"),
        ("a consult", "consultation"),
        ("check up", "consultation"),
        ("checkup", "consultation"),
        ("first visit", "consultation"),
        ("my first visit", "consultation"),
        ("i need a haircut tomorrow", "haircut"),
    ],
)
def test_services_by_name_alias_and_near_miss(text: str, expected: str) -> None:
    assert service_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "hair",
        "cut",
        "check",
        "can you check",
        "day",
        "the first one",
        "time",
        "trip",
        "collar",
        "hairdryer",
        "messy",
        "what are your opening hours",
        "my cat",
        "consumer",
    ],
)
def test_no_service_below_the_threshold(text: str) -> None:
    assert service_in(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("with sam", "sam"),
        ("sam", "sam"),
        ("Sam Rivera", "sam"),
        ("sam rivera please", "sam"),
        ("rivera", "sam"),
        ("with alex", "alex"),
        ("alex chen", "alex"),
        ("with jordan", "jordan"),
        ("ms patel", "jordan"),
        ("with jordon", "jordan"),
        ("with alec", "alex"),
        ("with sammy", "sam"),
    ],
)
def test_staff_by_first_full_or_last_name(text: str, expected: str) -> None:
    assert staff_in(text) == expected


@pytest.mark.parametrize("text", ["the same time", "jordon", "alec", "with you", "with my wife", "anyone"])
def test_no_staff_guess(text: str) -> None:
    assert staff_in(text) is None


def _staff_ids(names: StaffNames, text: str) -> StaffId | None:
    found = names.find(normalise(text))
    return found.value if found else None


def test_staff_named_like_a_common_word_need_with() -> None:
    will = replace(CATALOGUE.staff[0], name="Will Young")
    names = StaffNames((will,))
    assert _staff_ids(names, "i will take it") is None
    assert _staff_ids(names, "my young son") is None
    assert _staff_ids(names, "with will") == will.id
    assert _staff_ids(names, "will young") == will.id


def test_a_first_name_two_staff_share_is_no_guess() -> None:
    sam_lee = replace(CATALOGUE.staff[1], id=StaffId("sam_lee"), name="Sam Lee")
    names = StaffNames((CATALOGUE.staff[0], sam_lee))
    assert _staff_ids(names, "with sam") is None
    assert _staff_ids(names, "with sammy") is None
    assert _staff_ids(names, "sam lee") == "sam_lee"
    assert _staff_ids(names, "with rivera") == "sam"


def test_a_name_two_services_share_is_no_guess() -> None:
    haircut, colour = CATALOGUE.service(ServiceId("haircut")), CATALOGUE.service(ServiceId("colour"))
    names = ServiceNames((replace(haircut, aliases=("hair",)), replace(colour, aliases=("hair",))))
    assert names.find(normalise("hair")) is None
    found = names.find(normalise("a haircut"))
    assert found is not None
    assert found.value == "haircut"


@pytest.mark.parametrize(("word", "expected"), [("haircuts", "haircut"), ("colouring", "colour"), ("dress", "dress")])
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_service_and_staff_together_through_the_adapter() -> None:
    result = RulesUtteranceInterpreter(CATALOGUE).understand("a hair cat with sam rivera", NOW)
    assert (result.service_id, result.staff_id) == ("haircut", "sam")
