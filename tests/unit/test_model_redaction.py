"""What leaves for a language model carries no phone number and no caller's name."""

from __future__ import annotations

import pytest

from slotline.infrastructure.model_nlu.redaction import redacted


@pytest.mark.parametrize(
    ("said", "sent"),
    [
        ("hi my name is John Smith and I want a haircut", "hi my name is [name] and I want a haircut"),
        ("this is Ana calling about my booking", "this is [name] calling about my booking"),
        ("it's Maria here, cancel it", "it's [name] here, cancel it"),
        ("book it under the name Okafor", "book it under the name [name]"),
        ("my number is two one two five five five zero one two three", "my number is * * * * * * * * * *"),
        ("call me on 212-555-0123", "call me on ***-***-****"),
    ],
)
def test_numbers_and_names_are_replaced(said: str, sent: str) -> None:
    assert redacted(said) == sent


@pytest.mark.parametrize(
    "said", ["this is urgent", "i'm free on tuesday", "it's for my son", "a haircut with sam at two thirty"]
)
def test_other_words_stay(said: str) -> None:
    assert redacted(said) == said
