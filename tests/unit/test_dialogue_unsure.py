"""A turn with words the interpreter could not place is never acted on as heard: the agent asks which day or time."""

from __future__ import annotations

from datetime import time

import pytest

from slotline.domain.dialogue import actions as act
from slotline.domain.dialogue import events as ev
from slotline.domain.dialogue.policy import Stage
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW
from tests.unit.test_dialogue_policy import CALLER, CAT, TUESDAY, World, heard, upcoming

WHICH_DAY_AND_TIME = "Sorry, I want to get this right: which day and time did you mean?"
WHICH_DAY = "Sorry, I want to get this right: which day did you mean?"
WHICH_TIME = "Sorry, I want to get this right: what time did you mean?"
INTERPRETER = RulesUtteranceInterpreter(CAT)


def started(*turns: str) -> tuple[World, list[str]]:
    world = World()
    world.send(ev.CallStarted(CALLER))
    said: list[str] = []
    for turn in turns:
        said = world.send(ev.Heard(INTERPRETER.understand(turn, NOW)))
    return world, said


@pytest.mark.parametrize(
    ("opening", "question"),
    [
        ("i'd like a haircut on tuesday the week after", WHICH_DAY),
        ("can i book a haircut for tuesday, not next week but the one after", WHICH_DAY),
        # said on a Wednesday: the 3rd (after the next one, tomorrow) or the 10th (after next week's)
        (
            "a haircut thursday after next please",
            "Sorry, I want to get this right: Thursday, December 3rd or Thursday, December 10th?",
        ),
        # the US order is too far to book: both readings named ("12/01" is 1 December, the business's order)
        ("a haircut on 4/12", "Sorry, I want to get this right: Friday, December 4th or Monday, April 12th?"),
        ("a haircut on 4.12.", "Sorry, I want to get this right: Friday, December 4th or Monday, April 12th?"),
        ("a haircut on tuesday the 3rd", WHICH_DAY),
        ("a haircut tuesday, in ten days or so", WHICH_DAY),
        ("a haircut on 5/6 at 3", "Sorry, I want to get this right: Thursday, May 6th or Saturday, June 5th?"),
        ("a haircut tuesday at 3 for 2 people", WHICH_TIME),  # only a number left unsure: Tuesday is kept
        ("a haircut, at 3 except in the morning after 10", WHICH_TIME),
    ],
)
def test_an_unsure_day_or_time_is_asked_about_and_nothing_is_searched(opening: str, question: str) -> None:
    world, said = started(opening)
    assert said == [question]
    assert world.policy.stage is Stage.GATHER
    assert "FindSlots" not in world.kinds()


def test_the_answer_to_the_question_books_the_day_then_said() -> None:
    world, _ = started("a haircut on tuesday the week after")
    said = world.send(ev.Heard(INTERPRETER.understand("tuesday the 8th at 10", NOW)))
    assert "Tuesday, December 8th at 10 AM" in said[-1]
    said = world.send(heard(Intent.AFFIRM))
    assert world.booked[0].window.start.date().isoformat() == "2026-12-08"


def test_an_unsure_turn_at_the_read_back_never_books() -> None:
    world, said = started("a haircut on tuesday at 3")
    assert said[-1].startswith("Let me read that back")
    said = world.send(ev.Heard(INTERPRETER.understand("yes please, but the week after", NOW)))
    assert said == [WHICH_DAY]
    assert world.kinds().count("ReleaseHold") == 1
    assert "Book" not in world.kinds()
    assert world.policy.hold is None


def test_an_unsure_turn_among_offers_picks_nothing() -> None:
    world, said = started("a haircut on tuesday")
    assert said[-1].endswith("Which would you like?")
    said = world.send(ev.Heard(INTERPRETER.understand("the first one but a week later", NOW)))
    assert said == [WHICH_DAY]
    assert "PlaceHold" not in world.kinds()


def test_what_was_understood_for_sure_is_kept() -> None:
    world, said = started("a massage with jordan on tuesday the week after")
    assert said == [WHICH_DAY]
    world.send(ev.Heard(INTERPRETER.understand("wednesday the 2nd", NOW)))
    search = [a for a in world.done if isinstance(a, act.FindSlots)][-1]
    assert search.service_id == "massage"
    assert search.preference.staff_id == "jordan"


def test_an_unsure_reschedule_asks_which_day_for_the_move() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))
    said = world.send(ev.Heard(INTERPRETER.understand("can i move it to thursday the week after", NOW)))
    assert said == [WHICH_DAY]
    assert world.policy.stage is Stage.GATHER


def test_an_unsure_cancellation_answer_is_not_a_yes() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))
    world.send(heard(Intent.CANCEL))
    said = world.send(ev.Heard(INTERPRETER.understand("yes the one on tuesday the week after", NOW)))
    assert "Cancel" not in world.kinds()
    assert said[-1].startswith("Sorry, I didn't catch that. Please say yes or no.")


def test_a_sure_turn_is_not_asked_about() -> None:
    world, said = started("a haircut a week on tuesday at 10")
    assert said[-1].startswith("Let me read that back: a haircut with")
    assert "December 8th at 10 AM" in said[-1]
    assert world.policy.stage is Stage.CONFIRMING
    assert heard(Intent.AFFIRM, at=time(10)).interpretation.unsure == ()
    assert TUESDAY.isoformat() == "2026-12-01"


def test_a_day_that_cannot_be_made_then_the_week_after_is_a_week_on_from_it() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER, None, (upcoming(),)))
    text = "i can't make my haircut on tuesday, could we do the week after at the same time"
    said = world.send(ev.Heard(INTERPRETER.understand(text, NOW)))
    assert INTERPRETER.understand(text, NOW).unsure == ()
    assert "December 8th at 3:30 PM" in said[-1] and said[-1].endswith("Shall I go ahead?")  # read back, not moved
    assert not {"Reschedule", "Cancel"}.intersection(world.kinds())


def test_the_first_one_after_the_list_of_services_is_the_first_service() -> None:
    world, said = started("i'd like to book something")
    assert said[-1].startswith("What would you like to book? We offer haircut")
    said = world.send(ev.Heard(INTERPRETER.understand("the first one on tuesday", NOW)))
    assert said[-1].startswith("On Tuesday, December 1st I have")
    assert "with Sam" in said[-1] or "with Alex" in said[-1]  # the haircut's staff


def test_a_time_left_unsure_on_a_sure_day_asks_the_time_and_keeps_the_day() -> None:
    world, said = started("a haircut on thursday, 2 or 3?")
    assert said == [WHICH_TIME]
    assert "FindSlots" not in world.kinds()
    said = world.send(ev.Heard(INTERPRETER.understand("3 is good", NOW)))
    assert "Thursday" in said[-1] and "3 PM" in said[-1]
