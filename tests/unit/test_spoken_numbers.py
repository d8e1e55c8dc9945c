"""Logged caller words keep every word but the digits of a phone number."""

from __future__ import annotations

import pytest

from slotline.domain.spoken_numbers import mask_phone_digits


@pytest.mark.parametrize(
    ("said", "logged"),
    [
        ("my number is two one two five five five zero one eight eight", "my number is * * * * * * * * * *"),
        ("it's two one two, five five five, oh one two three please", "it's * * * * * * * * * * please"),
        ("double five five one two", "* * * * *"),
        ("five five five twelve thirty four", "* * * * * *"),
        ("text me at 212-555-0188 thanks", "text me at ***-***-**** thanks"),
        ("+12125550188", "+***********"),
        ("(212) 555 0188", "(***) *** ****"),
    ],
)
def test_a_phone_number_is_masked_and_the_other_words_stay(said: str, logged: str) -> None:
    assert mask_phone_digits(said) == logged


@pytest.mark.parametrize(
    "said",
    [
        "the second one",
        "a haircut next tuesday at two pm",
        "nine oh five",
        "twelve thirty with sam",
        "at 10:30 on the 3rd",
        "one two three",  # three digits identify nobody
        "",
        "   ",
    ],
)
def test_times_ordinals_and_short_runs_stay_visible(said: str) -> None:
    assert mask_phone_digits(said) == said


def test_only_the_run_is_masked_and_spacing_is_kept() -> None:
    assert mask_phone_digits("yes  it is two one two five five five one two three four   at two") == (
        "yes  it is * * * * * * * * * *   at two"
    )
