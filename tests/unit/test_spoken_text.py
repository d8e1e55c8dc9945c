"""What a Whisper-style recogniser writes, as the spoken words the SpeechToText port returns; and the prompt it gets."""

from __future__ import annotations

from datetime import date, time

import pytest

from slotline.domain.dialogue.expectation import OPEN, Expectation, Expecting, OfferedSlot, services_expected
from slotline.infrastructure.common.answer_prompt import prompt_for
from slotline.infrastructure.common.spoken_text import spoken_words
from tests.factories import sample_catalogue


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (" I would like to book a haircut next Tuesday.", "i would like to book a haircut next tuesday"),
        ("At 1:30 PM, please.", "at one thirty p m please"),
        ("The 23rd at 10 a.m.", "the twenty third at ten a m"),
        ("9:05", "nine oh five"),
        ("10:00 AM", "ten a m"),
        ("4pm", "four p m"),
        ("I'd like the 2nd one.", "i'd like the second one"),
        ("the 21st or the 12th", "the twenty first or the twelfth"),
        ("My number is 555-0123.", "my number is five five five zero one two three"),
        ("Is 2026 okay?", "is twenty twenty six okay"),
        ("It\u2019s fine", "it's fine"),
        ("...", ""),
        ("", ""),
    ],
)
def test_writing_becomes_spoken_words(written: str, said: str) -> None:
    assert spoken_words(written) == said


OFFERS = (
    OfferedSlot(date(2026, 12, 1), time(13, 30), "Alex Chen"),
    OfferedSlot(date(2026, 12, 2), time(10), "Sam Lee"),
)


@pytest.mark.parametrize(
    ("expecting", "prompt"),
    [
        (None, ""),
        (OPEN, "Thanks for calling. How can I help you with your appointment today?"),
        (Expectation(Expecting.YES_NO, OFFERS[:1]), "So that's Tuesday at 1:30 PM with Alex Chen. Shall I book it?"),
        (Expectation(Expecting.YES_NO), "Is that right?"),
        (
            Expectation(Expecting.CHOICE, OFFERS),
            "I have Tuesday at 1:30 PM with Alex Chen or Wednesday at 10 AM with Sam Lee. Which one would you like?",
        ),
        (Expectation(Expecting.DAY), "What day would you like to come in?"),
    ],
)
def test_the_prompt_is_the_agents_question(expecting: Expectation | None, prompt: str) -> None:
    assert prompt_for(expecting) == prompt


def test_the_prompt_names_the_services_but_holds_no_answer_words() -> None:
    prompt = prompt_for(services_expected(sample_catalogue()))

    assert prompt.startswith("We offer haircut, ") and prompt.endswith("What would you like to book?")
    for expecting in (Expectation(Expecting.YES_NO, OFFERS[:1]), Expectation(Expecting.CHOICE, OFFERS)):
        words = set(spoken_words(prompt_for(expecting)).split())
        assert not words & {"yes", "yeah", "no", "first", "second", "third", "last"}
