"""A yes or no word inside an unrelated question or chatter is not a yes or no: it must never confirm a booking."""

import pytest

from slotline.domain.questions import Topic
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, sample_catalogue

INTERPRETER = RulesUtteranceInterpreter(sample_catalogue())


@pytest.mark.parametrize(
    "text",
    [
        "where exactly are you located",
        "can you recommend a good shampoo",
        "do you sell gift cards right now",
        "how much is parking is it ok",
        "what is the wifi password exactly",
    ],
)
def test_questions_are_not_answers(text: str) -> None:
    assert INTERPRETER.understand(text, NOW).intent is Intent.QUESTION  # answered or handed over; never a yes


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("yes please", Intent.AFFIRM),
        ("yeah that sounds good", Intent.AFFIRM),
        ("yes book it", Intent.AFFIRM),
        ("that is right", Intent.AFFIRM),
        ("no thank you", Intent.DENY),
        ("nope", Intent.DENY),
    ],
)
def test_plain_answers_stay_answers(text: str, intent: Intent) -> None:
    assert INTERPRETER.understand(text, NOW).intent is intent


@pytest.mark.parametrize(
    ("text", "follow_on"),
    [
        ("and a massage?", True),
        ("what about a consultation", True),
        ("and how about for a haircut then", True),
        ("and a massage on friday", False),  # a day: booking talk
        ("and a massage with jordan", False),
        ("and the first one", False),
        ("a massage please", False),
    ],
)
def test_a_question_asked_again_about_another_service(text: str, follow_on: bool) -> None:
    heard = INTERPRETER.understand(text, NOW)
    assert (heard.question is not None and heard.question.topic is Topic.FOLLOW_ON) is follow_on
