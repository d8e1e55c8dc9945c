"""Issue 13, the fourteenth session: mends found while reading the heldout45 leftovers and the heldout46 round, in other
words than the corpus's."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from slotline.domain.dialogue import actions as act
from slotline.domain.dialogue import events as ev
from slotline.domain.dialogue.policy import Stage
from slotline.domain.dialogue.relative import newer_preference
from slotline.domain.preference import Preference
from slotline.domain.reference import Beside, Reference
from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NEW_YORK, sample_catalogue
from tests.unit.test_dialogue_policy import CALLER, TUESDAY, World, heard

CLINIC = RulesUtteranceInterpreter(sample_catalogue())
WEDNESDAY = datetime(2026, 11, 25, 9, 0, tzinfo=NEW_YORK)
ONWARDS = Beside(None, 1, onwards=True)


@pytest.mark.parametrize(
    "said",
    [
        "right. Whatever's the first day you've got after that, then",
        "any day after that?",
        "ok what's the next day you have after that",
        "hmm, what days have you got after that",
    ],
)
def test_a_day_after_that_is_any_day_after_the_one_on_the_table(said: str) -> None:
    assert CLINIC.understand(said, WEDNESDAY).refers.beside == ONWARDS


@pytest.mark.parametrize(
    "said", ["anything after that?", "and after that can I ask about parking", "any day next week, Tuesday after that"]
)
def test_after_that_without_a_day_of_its_own_is_no_day_after(said: str) -> None:
    assert CLINIC.understand(said, WEDNESDAY).refers.beside != ONWARDS


def test_any_day_after_is_the_fortnight_from_the_next_day() -> None:
    assert ONWARDS.days_of(date(2027, 5, 14)) == (date(2027, 5, 15), date(2027, 5, 28))
    assert Beside(None, 1).days_of(date(2027, 5, 14)) == (date(2027, 5, 15), None)


def test_after_that_counts_from_the_later_of_the_day_asked_for_and_the_day_offered() -> None:
    # "nothing on Friday the 14th; the nearest is Friday the 7th" - "the first day after that": after the 14th
    said = Interpretation(Intent.INFORM, refers=Reference(beside=ONWARDS))
    offered = [datetime(2027, 5, 7, 8, 30)]
    wish = newer_preference(said, Preference(day=date(2027, 5, 14)), table=offered, target=None)
    assert (wish.day, wish.last_day) == (date(2027, 5, 15), date(2027, 5, 28))
    later = [datetime(2027, 5, 17, 8, 30)]  # the nearest after it: after that one
    wish = newer_preference(said, Preference(day=date(2027, 5, 14)), table=later, target=None)
    assert (wish.day, wish.last_day) == (date(2027, 5, 18), date(2027, 5, 31))


def test_the_day_after_at_a_read_back_is_the_day_after_the_slot_read_back() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY, at=time(14)))
    assert world.policy.stage is Stage.CONFIRMING
    world.send(heard(Intent.INFORM, refers=Reference(beside=Beside(None, 1))))
    held = [a for a in world.done if isinstance(a, act.PlaceHold)]
    assert held[-1].slot.window.start.astimezone(NEW_YORK) == datetime(2026, 12, 2, 14, 0, tzinfo=NEW_YORK)
