"""Short ways callers ask for a person on the phone."""

import pytest

from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, sample_catalogue

INTERPRETER = RulesUtteranceInterpreter(sample_catalogue())


@pytest.mark.parametrize(
    "text",
    ["a person please", "i want a person", "the real person", "get me someone", "i need somebody", "operator"],
)
def test_asking_for_a_person(text: str) -> None:
    assert INTERPRETER.understand(text, NOW).intent is Intent.HUMAN


@pytest.mark.parametrize("text", ["a haircut please", "i want a massage", "someone said you do colour"])
def test_not_asking_for_a_person(text: str) -> None:
    assert INTERPRETER.understand(text, NOW).intent is not Intent.HUMAN
