"""Which turns sound finished (the agent may answer after the short pause) and which lead on to more."""

from __future__ import annotations

import pytest

from slotline.domain.dialogue.turn_end import sounds_finished
from slotline.domain.understanding import Intent, Interpretation


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        (Intent.AFFIRM, "yes please"),
        (Intent.AFFIRM, "yeah go ahead"),
        (Intent.DENY, "no thank you"),
        (Intent.BOOK, "hi i would like to book a hair cut"),
        (Intent.INFORM, "next tuesday in the afternoon"),
        (Intent.INFORM, "the second one"),
        (Intent.INFORM, "at nine am"),
        (Intent.INFORM, "on the fifth of may"),
        (Intent.CANCEL, "please cancel it"),
        (Intent.GOODBYE, "that's all, goodbye!"),
        (Intent.HUMAN, "can i talk to a person?"),
    ],
)
def test_a_whole_sentence_sounds_finished(intent: Intent, text: str) -> None:
    assert sounds_finished(Interpretation(intent, text=text))


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        (Intent.BOOK, "i would like to book a"),
        (Intent.BOOK, "i'd like a haircut with"),
        (Intent.INFORM, "next tuesday at um"),
        (Intent.INFORM, "next tuesday and"),
        (Intent.BOOK, "book me a haircut for the"),
        (Intent.INFORM, "sometime after"),
        (Intent.BOOK, "i want a massage, maybe"),
        (Intent.AFFIRM, "yes but"),
    ],
)
def test_a_sentence_that_stops_on_a_linking_word_leads_on(intent: Intent, text: str) -> None:
    assert not sounds_finished(Interpretation(intent, text=text))


def test_nothing_understood_waits_for_more() -> None:
    assert not sounds_finished(Interpretation(Intent.UNKNOWN, text="the weather is lovely"))
    assert not sounds_finished(Interpretation(Intent.AFFIRM, text=""))
    assert not sounds_finished(Interpretation(Intent.AFFIRM, text=" ... "))


@pytest.mark.parametrize("text", ["no", "No.", "nope", "no no", "um, nah"])
def test_a_bare_no_waits_for_the_correction_that_often_follows(text: str) -> None:
    assert not sounds_finished(Interpretation(Intent.DENY, text=text))  # "no, the 9:45 AM one"


def test_a_no_with_more_said_sounds_finished() -> None:
    assert sounds_finished(Interpretation(Intent.DENY, text="no thanks"))
    assert sounds_finished(Interpretation(Intent.DENY, text="no, that's not right"))
