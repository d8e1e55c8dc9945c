"""Issue 14: a part of the day led by words no day could be ("on to the morning" for "on tuesday morning") leaves
the day unsure, so the agent asks which day; a part of the day led the ways callers lead one changes nothing."""

from __future__ import annotations

import pytest

from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW
from tests.unit.test_dialogue_policy import CAT

INTERPRETER = RulesUtteranceInterpreter(CAT)


@pytest.mark.parametrize(
    "heard",
    [
        "hi i'd like a consultation on to the morning",  # "on tuesday morning"
        "can i book a check up for third the afternoon",  # "thursday afternoon", not the 3rd
        "can i book a check up whatever the afternoon",
        "move my appointment right the morning",  # "to friday morning"
        "move my appointment i'd like morning",
        "hi i'd like a consultation on you free morning",
        "to the morning",  # "tuesday morning" said alone, heard short
        "can i get a massage the to the afternoon",  # "next tuesday afternoon"
        "can i move my booking uh on the afternoon",  # "to monday afternoon", at 8 kHz
    ],
)
def test_a_part_of_the_day_where_a_day_was_lost_leaves_the_day_unsure(heard: str) -> None:
    said = INTERPRETER.understand(heard, NOW)

    assert "day" in said.unsure
    assert said.part_of_day is not None


@pytest.mark.parametrize(
    "typed",
    [
        "good morning, i'd like a haircut on tuesday morning",
        "first thing in the morning please",
        "i'd like the morning",
        "the morning would be best",
        "tomorrow afternoon",
        "any morning next week",
        "can we move it to the afternoon",
        "could you change my booking to the afternoon",
        "push it back to the evening",
        "a haircut at ten in the morning on friday",
        "morning or afternoon is fine",
        "could it be wednesday instead? mornings are still best",
        "ok, the morning then",
        "a bit later in the day, like the afternoon",
        "a men's cut at 5 tonight",
        "a haircut on the morning of the 5th",
    ],
)
def test_a_part_of_the_day_led_as_callers_lead_one_is_no_lost_day(typed: str) -> None:
    said = INTERPRETER.understand(typed, NOW)

    assert "day" not in said.unsure
    assert said.part_of_day is not None
