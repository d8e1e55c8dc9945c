"""Offers named as alternatives (issue 14): read as `either`, so the dialogue asks which, by time."""

from __future__ import annotations

from datetime import time

import pytest

from slotline.domain.understanding import NamedOffer
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW, sample_catalogue

INTERPRETER = RulesUtteranceInterpreter(sample_catalogue())


@pytest.mark.parametrize(
    ("said", "either"),
    [
        ("the first one or the third one", (NamedOffer(ordinal=1), NamedOffer(ordinal=3))),
        ("um the second or third one please", (NamedOffer(ordinal=2), NamedOffer(ordinal=3))),
        ("was it 12:45 or 2:45?", (NamedOffer(at=time(12, 45)), NamedOffer(at=time(14, 45)))),
        ("the first one, or maybe the 2:45", (NamedOffer(ordinal=1), NamedOffer(at=time(14, 45)))),
    ],
)
def test_offers_joined_by_or_are_alternatives(said: str, either: tuple[NamedOffer, ...]) -> None:
    assert INTERPRETER.understand(said, NOW).either == either


@pytest.mark.parametrize(
    "said", ["the first one", "not the first, the third", "the 2:45 please", "the first one and then a 2:45 next week"]
)
def test_one_offer_or_offers_not_joined_by_or_are_not_alternatives(said: str) -> None:
    assert INTERPRETER.understand(said, NOW).either == ()
