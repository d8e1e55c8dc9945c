"""Issue 13, the round on heldout12's failures (heldout12 was measured first: 94/100, 1 wrong; these are tuned on
it, each written in other words than the corpus's)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from benchmarks.corpus import catalogue_path
from slotline.domain.dialogue import actions as act
from slotline.domain.questions import Topic
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue.loader import load_catalogue
from tests.unit.test_dialogue_answers import TUESDAY, World, asked
from tests.unit.test_dialogue_policy import heard

DUBLIN = datetime(2027, 3, 10, 16, 0, tzinfo=ZoneInfo("Europe/Dublin"))  # a Wednesday
SINGAPORE = datetime(2027, 2, 2, 9, 30, tzinfo=ZoneInfo("Asia/Singapore"))  # a Tuesday
PHYSIO = RulesUtteranceInterpreter(load_catalogue(catalogue_path("physio_dub")))
SPA = RulesUtteranceInterpreter(load_catalogue(catalogue_path("spa_sgp")))
VET = RulesUtteranceInterpreter(load_catalogue(catalogue_path("vet_bos")))


@pytest.mark.parametrize("turn", ["a follow-up this day next week please", "this day week if you have it"])
def test_this_day_next_week_is_a_week_from_today(turn: str) -> None:
    said = PHYSIO.understand(turn, DUBLIN)

    assert (said.day, said.last_day, said.unsure) == (date(2027, 3, 17), None, ())


@pytest.mark.parametrize(
    ("turn", "day"),
    [("thursday can or not?", date(2027, 2, 4)), ("got slot on friday or not?", date(2027, 2, 5))],
)
def test_an_or_not_tag_rules_nothing_out(turn: str, day: date) -> None:
    said = SPA.understand(turn, SINGAPORE)

    assert (said.day, said.unsure) == (day, ())


def test_open_today_without_are_is_a_question_about_opening() -> None:
    said = SPA.understand("you all open on thursday? I need a pedicure", SINGAPORE)

    assert said.question is not None and said.question.topic is Topic.OPENING


def test_a_holiday_said_by_its_initials() -> None:
    assert SPA.understand("can I come in on CNY?", SINGAPORE).day == date(2027, 2, 6)
    assert VET.understand(
        "are you open on MLK day?", datetime(2027, 1, 4, tzinfo=ZoneInfo("America/New_York"))
    ).day == (date(2027, 1, 18))


def test_a_day_said_before_the_holiday_it_is_before_is_the_day() -> None:
    said = SPA.understand("a gel manicure on thursday, want my nails done before chinese new year", SINGAPORE)

    assert (said.day, said.last_day, said.unsure) == (date(2027, 2, 4), None, ())


def test_a_first_visit_picks_the_initial_service_of_two_a_word_names() -> None:
    said = PHYSIO.understand("never been to you before, I'd like to see a physio on friday", DUBLIN)
    assert (said.service_id, said.service_choices) == ("assessment", ())
    said = PHYSIO.understand("I'd like to see a physio on friday", DUBLIN)
    assert said.service_id is None and set(said.service_choices) == {"assessment", "followup"}


def test_agreeing_to_what_was_described_with_a_day_books_that_service() -> None:
    world = World().started()
    world.send(asked(Topic.DESCRIPTION, service_id="haircut"))

    world.send(heard(Intent.AFFIRM, day=TUESDAY))  # "that sounds lovely, Tuesday then"

    assert any(isinstance(a, act.FindSlots) and a.service_id == "haircut" for a in world.done)


def test_a_plain_yes_after_a_description_books_nothing() -> None:
    world = World().started()
    world.send(asked(Topic.DESCRIPTION, service_id="haircut"))

    world.send(heard(Intent.AFFIRM))  # "yes" to "anything else?"

    assert not any(isinstance(a, act.FindSlots) for a in world.done)
