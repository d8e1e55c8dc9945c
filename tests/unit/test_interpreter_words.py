"""Normalising recogniser and typed text, and numbers said as words."""

from __future__ import annotations

import pytest

from slotline.infrastructure.rules_nlu.numbers import parse_cardinal, parse_ordinal
from slotline.infrastructure.rules_nlu.words import normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("   ", []),
        ("Book a Haircut, please!", ["book", "a", "haircut", "please"]),
        ("um i'd like uh a haircut", ["i", "would", "like", "a", "haircut"]),
        ("we'd like like tuesday", ["we", "would", "like", "tuesday"]),
        ("it's like you know tuesday", ["its", "tuesday"]),
        ("I\u2019m free at 3:30pm", ["im", "free", "at", "3:30", "pm"]),
        ("at 3pm", ["at", "3", "pm"]),
        ("at 3 p.m.", ["at", "3", "pm"]),
        ("at three p m", ["at", "three", "pm"]),
        ("five o'clock", ["five", "oclock"]),
        ("five o clock", ["five", "oclock"]),
        ("fourish", ["four", "ish"]),
        ("4ish", ["4", "ish"]),
        ("the 23rd", ["the", "23rd"]),
        ("12/23", ["12/23"]),
        ("2026-12-23", ["2026/12/23"]),
        ("10.30", ["10:30"]),
        ("twenty-third", ["twenty", "third"]),
        ("uh huh", ["uhhuh"]),
        ("mm hmm", ["mmhmm"]),
        ("good bye", ["goodbye"]),
        ("a m", ["a", "m"]),
    ],
)
def test_normalise(text: str, expected: list[str]) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one", 1),
        ("nine", 9),
        ("twelve", 12),
        ("nineteen", 19),
        ("twenty", 20),
        ("twenty three", 23),
        ("twenty-three", 23),
        ("forty five", 45),
        ("ninety nine", 99),
        ("7", 7),
        ("23", 23),
        ("zero", 0),
    ],
)
def test_parse_cardinal(text: str, expected: int) -> None:
    assert parse_cardinal(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("twelfth", 12),
        ("twentieth", 20),
        ("twenty first", 21),
        ("twenty third", 23),
        ("thirtieth", 30),
        ("thirty first", 31),
        ("1st", 1),
        ("2nd", 2),
        ("23rd", 23),
        ("31st", 31),
    ],
)
def test_parse_ordinal(text: str, expected: int) -> None:
    assert parse_ordinal(text) == expected


@pytest.mark.parametrize("text", ["", "twenty three four", "hundred", "third", "tuesday", "a"])
def test_parse_cardinal_rejects_what_is_not_just_a_number(text: str) -> None:
    assert parse_cardinal(text) is None


@pytest.mark.parametrize("text", ["", "three", "twenty", "twenty three", "first one", "23"])
def test_parse_ordinal_rejects_what_is_not_just_an_ordinal(text: str) -> None:
    assert parse_ordinal(text) is None
