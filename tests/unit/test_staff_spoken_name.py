"""A staff member's name as the agent says it: the title with the surname for a titled name, else the first name."""

from __future__ import annotations

from dataclasses import replace

from slotline.domain.catalogue import StaffMember
from slotline.domain.dialogue.prompts import Prompts
from slotline.domain.ids import StaffId
from slotline.infrastructure.rules_nlu.staff_days import StaffDays
from tests.factories import sample_catalogue
from tests.unit.test_dialogue_policy import upcoming


def _named(name: str) -> StaffMember:
    return replace(sample_catalogue().staff[0], name=name)


def test_a_titled_name_is_said_with_its_surname() -> None:
    assert _named("Dr. Marcus Whitfield").spoken_name == "Dr. Whitfield"
    assert _named("Mrs Ayesha Siddiqui Khan").spoken_name == "Mrs Khan"
    assert _named("doctor Lee").spoken_name == "doctor Lee"


def test_an_untitled_name_is_said_by_its_first_name() -> None:
    assert _named("Sam Rivera").spoken_name == "Sam"
    assert _named("Drew Barrymore").spoken_name == "Drew"  # "Dr" begins the word, it is not the title
    assert _named("Dr.").spoken_name == "Dr."  # a title alone is the whole name


def test_the_greeting_names_a_doctor_by_title_and_surname() -> None:
    catalogue = sample_catalogue()
    titled = tuple(replace(m, name="Dr. Sam Rivera") if m.id == StaffId("sam") else m for m in catalogue.staff)
    catalogue = replace(catalogue, staff=titled)
    appointment = replace(upcoming(), staff_id=StaffId("sam"))
    assert Prompts(catalogue).describe(appointment).endswith("with Dr. Rivera")


def test_the_surname_possessive_names_a_doctor() -> None:
    found = StaffDays([_named("Dr. Marcus Whitfield")]).find(["whitfields", "hours"], None, None)
    assert found is not None and found.staff == sample_catalogue().staff[0].id
