"""Offers named as alternatives are asked about by time, never picked (issue 14: "Was that the 1:30?").

A caller weighing two offers ("the first one or the third one", "is that 12:45 or 2:45?"), or a recogniser that
heard one of two easily confused ordinals and gives both, gets "Sorry, was that 10 AM with Sam or 3 PM with Sam?";
the answer by time then chooses, and the read-back still asks for a yes.
"""

from __future__ import annotations

from datetime import datetime, time

from slotline.domain.dialogue import events as ev
from slotline.domain.dialogue.expectation import Expecting
from slotline.domain.dialogue.policy import Stage
from slotline.domain.understanding import Intent, NamedOffer
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from tests.factories import NOW
from tests.unit.test_dialogue_policy import CALLER, CAT, World, heard

INTERPRETER = RulesUtteranceInterpreter(CAT)


def spoken(world: World, turn: str) -> list[str]:
    return world.send(ev.Heard(INTERPRETER.understand(turn, NOW)))


def offers_listed() -> tuple[World, list[datetime]]:
    world = World()
    world.send(ev.CallStarted(CALLER))
    said = spoken(world, "a haircut on tuesday afternoon")
    assert "Which would you like" in said[-1], said
    starts = [datetime.combine(o.day, o.at, CAT.zone) for o in world.policy.expecting.offers]
    assert len(starts) >= 3, starts
    return world, starts


def test_two_ordinals_joined_by_or_are_asked_about_by_time_and_the_answer_by_time_chooses() -> None:
    world, starts = offers_listed()
    said = spoken(world, "um, the first one or the third one")
    assert said == ["Sorry, was that noon with Alex or 2 PM with Sam?"]
    assert world.policy.stage is Stage.OFFERING and "PlaceHold" not in world.kinds()
    assert [o.at for o in world.policy.expecting.offers] == [starts[0].time(), starts[2].time()]
    said = spoken(world, "the two o'clock please")
    assert said[-1].startswith("Let me read that back"), said
    assert world.booked == []  # still needs the caller's yes
    world.send(heard(Intent.AFFIRM))
    assert [a.window.start.astimezone(CAT.zone) for a in world.booked] == [starts[2]]


def test_two_times_joined_by_or_are_never_picked() -> None:
    world, _ = offers_listed()
    said = spoken(world, "is that 1 pm or 2 pm?")
    assert said == ["Sorry, was that 1 PM with Sam or 2 PM with Sam?"]
    assert "PlaceHold" not in world.kinds()


def test_one_offer_named_both_ways_is_taken_and_read_back() -> None:
    world, starts = offers_listed()
    world.send(heard(Intent.INFORM, either=(NamedOffer(ordinal=1), NamedOffer(at=starts[0].time()))))
    assert world.policy.stage is Stage.CONFIRMING
    assert world.said[-1].startswith("Let me read that back")


def test_alternatives_naming_no_offer_are_read_as_before() -> None:
    world, _ = offers_listed()
    world.send(heard(Intent.INFORM, at=time(7), either=(NamedOffer(at=time(6)), NamedOffer(at=time(7)))))
    assert not world.said[-1].startswith("Sorry, was that"), world.said[-1]


def test_the_expectation_after_the_question_is_a_choice_between_the_two() -> None:
    world, _ = offers_listed()
    world.send(heard(Intent.INFORM, either=(NamedOffer(ordinal=1), NamedOffer(ordinal=2))))
    expecting = world.policy.expecting
    assert expecting.kind is Expecting.CHOICE and len(expecting.offers) == 2
