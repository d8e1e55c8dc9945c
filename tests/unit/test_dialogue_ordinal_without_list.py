"""An ordinal ("the third one") chooses only among offers the caller heard: when the agent read back the one time
asked for without listing others, a mis-heard "the third one" must not pick an unspoken slot (issue 14: at 8 kHz a
caller's "next tuesday" was heard "at two", the read-back said today at 2, and "the first one", heard "the third
one", booked Friday)."""

from __future__ import annotations

from slotline.domain.dialogue import events as ev
from slotline.domain.dialogue.policy import Stage
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW
from tests.unit.test_dialogue_policy import CALLER, CAT, World, heard

INTERPRETER = RulesUtteranceInterpreter(CAT)


def spoken(world: World, turn: str) -> list[str]:
    return world.send(ev.Heard(INTERPRETER.understand(turn, NOW)))


def read_back_of_the_time_asked_for() -> tuple[World, str]:
    world = World()
    world.send(ev.CallStarted(CALLER))
    said = spoken(world, "a haircut on tuesday at 3")
    assert said[-1].startswith("Let me read that back"), said
    return world, said[-1]


def test_an_ordinal_at_a_read_back_without_a_list_keeps_the_hold_and_asks_yes_or_no() -> None:
    world, read_back = read_back_of_the_time_asked_for()
    for ordinal in ("the third one", "the last one"):  # a third miss would hand the call over
        said = spoken(world, ordinal)
        assert said[-1].endswith(read_back), said
        assert world.policy.stage is Stage.CONFIRMING
    assert "ReleaseHold" not in world.kinds()
    world.send(heard(Intent.AFFIRM))
    assert [a.window.start.astimezone(CAT.zone).hour for a in world.booked] == [15]


def test_after_a_no_to_that_read_back_an_ordinal_picks_nothing_unsaid() -> None:
    world, _ = read_back_of_the_time_asked_for()
    said = spoken(world, "no")
    assert "other times" not in said[-1]  # none were said
    spoken(world, "the second one")
    assert world.kinds().count("PlaceHold") == 1  # only the first read-back's
    assert world.booked == []


def test_an_ordinal_among_offers_said_aloud_still_chooses() -> None:
    world = World()
    world.send(ev.CallStarted(CALLER))
    said = spoken(world, "a haircut on tuesday afternoon")
    assert "Which would you like" in said[-1], said
    said = spoken(world, "the second one")
    assert said[-1].startswith("Let me read that back")
