"""Pieces of what the agent says are joined by one rule: a piece that starts a sentence starts with a capital."""

from __future__ import annotations

from datetime import date, time

from slotline.domain.dialogue.prompts import Prompts
from slotline.domain.dialogue.sentences import join_sentences
from slotline.domain.preference import Preference
from slotline.domain.selection import Offer
from tests.factories import sample_catalogue
from tests.unit.fakes_app import FakesApp, at


def test_a_piece_after_a_full_stop_starts_with_a_capital() -> None:
    assert join_sentences("That exact time isn't free.", "on Wednesday I have 3 PM.") == (
        "That exact time isn't free. On Wednesday I have 3 PM."
    )


def test_a_piece_that_continues_a_sentence_stays_as_it_is() -> None:
    assert (
        join_sentences("The nearest I have are", "on Wednesday at 3 PM.")
        == "The nearest I have are on Wednesday at 3 PM."
    )
    assert join_sentences("", "sorry?", "") == "Sorry?"


def test_alternatives_on_one_day_after_a_missed_exact_time_start_a_sentence() -> None:
    app = FakesApp()
    slots = (app.slot(at(31, 15)), app.slot(at(31, 16)))
    offer = Offer(slots, on_preferred_day=True, exact_time=False)
    wanted = Preference(day=date(2026, 12, 1), at=time(14, 10))

    said = Prompts(sample_catalogue()).offer(offer, wanted)

    assert (
        said
        == "That exact time isn't free. On Tuesday, December 1st I have 3 PM with Sam or 4 PM with Sam. Which would you like?"
    )
