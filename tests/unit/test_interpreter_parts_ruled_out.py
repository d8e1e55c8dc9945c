"""A part of the day the caller rules out is no wish for it ("mornings are bad for me")."""

from __future__ import annotations

import pytest

from slotline.domain.preference import PartOfDay
from slotline.infrastructure.rules_nlu.day_parts import find_part_of_day
from slotline.infrastructure.rules_nlu.words import normalise


@pytest.mark.parametrize(
    "text", ["mornings are bad for me", "evenings don't work", "the morning is no good", "mornings are out"]
)
def test_a_ruled_out_part_of_the_day_is_no_wish(text: str) -> None:
    assert find_part_of_day(normalise(text)) is None


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("tuesday morning is good", PartOfDay.MORNING),
        ("mornings not before ten", PartOfDay.MORNING),
        ("morning, no, afternoon", PartOfDay.AFTERNOON),
        ("mornings are bad, afternoons are fine", PartOfDay.AFTERNOON),
    ],
)
def test_a_wished_part_of_the_day_stands(text: str, part: PartOfDay) -> None:
    assert find_part_of_day(normalise(text)) is part
