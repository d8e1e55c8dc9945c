"""A question asked again after a turn not understood: one apology, and no "No problem" before it."""

from __future__ import annotations

from slotline.domain.dialogue.prompts import Prompts
from tests.factories import sample_catalogue

SAY = Prompts(sample_catalogue())


def test_the_question_asked_again_has_one_apology() -> None:
    again = SAY.sorry_again("Sorry, I want to get this right: which day did you mean?")
    assert again == "Sorry, I didn't catch that. Which day did you mean?"


def test_no_problem_is_not_said_to_a_turn_not_understood() -> None:
    again = SAY.sorry_again("No problem. What day or time would suit you better?")
    assert again == "Sorry, I didn't catch that. What day or time would suit you better?"


def test_any_other_question_is_asked_again_whole() -> None:
    assert SAY.sorry_again("What can I do for you?") == "Sorry, I didn't catch that. What can I do for you?"
