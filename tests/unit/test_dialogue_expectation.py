"""What the policy's last question expects (issue 14): the recogniser listens for it on the next turn."""

from __future__ import annotations

import pickle
from datetime import time

from slotline.domain.dialogue import actions as act
from slotline.domain.dialogue import events as ev
from slotline.domain.dialogue.expectation import OPEN, Expectation, Expecting, OfferedSlot
from slotline.domain.dialogue.policy import Stage
from slotline.domain.ids import ServiceId
from slotline.domain.understanding import Intent
from tests.factories import NEW_YORK, NOW
from tests.unit.test_dialogue_policy import CALLER, TUESDAY, World, heard


def started() -> World:
    world = World()
    world.send(ev.CallStarted(CALLER, now=NOW))
    return world


def test_the_opening_question_expects_anything() -> None:
    assert started().policy.expecting == OPEN


def test_asked_for_a_service_it_expects_the_services_by_every_name() -> None:
    world = started()
    world.send(heard(Intent.BOOK))

    expecting = world.policy.expecting

    assert world.policy.stage is Stage.GATHER
    assert expecting.kind is Expecting.SERVICE
    assert ("haircut", "hair cut", "trim") in expecting.services
    assert {"massage therapy", "hair colouring", "check up"} <= {n for names in expecting.services for n in names}


def test_asked_for_a_day_it_expects_a_day() -> None:
    world = started()
    world.send(heard(Intent.BOOK, service_id=ServiceId("haircut")))

    assert world.policy.expecting == Expectation(Expecting.DAY)


def test_offers_are_expected_in_the_order_said_with_their_local_time_and_staff() -> None:
    world = started()
    said = world.send(heard(Intent.BOOK, service_id=ServiceId("haircut"), day=TUESDAY))

    expecting = world.policy.expecting

    assert world.policy.stage is Stage.OFFERING
    assert expecting.kind is Expecting.CHOICE
    assert len(expecting.offers) == 3
    (table,) = [a for a in world.done if isinstance(a, act.OfferSlots)]
    assert [(o.day, o.at) for o in expecting.offers] == [
        (s.window.start.astimezone(NEW_YORK).date(), s.window.start.astimezone(NEW_YORK).time()) for s in table.slots
    ]
    assert all(o.day == TUESDAY and o.staff.split()[0] in said[-1] for o in expecting.offers)


def test_the_read_back_expects_yes_or_no_about_the_held_slot() -> None:
    world = started()
    world.send(heard(Intent.BOOK, service_id=ServiceId("haircut"), day=TUESDAY))
    world.send(heard(ordinal=2))

    expecting = world.policy.expecting

    assert world.policy.stage is Stage.CONFIRMING
    assert expecting.kind is Expecting.YES_NO
    assert len(expecting.offers) == 1
    hold = world.policy.hold
    assert hold is not None
    assert expecting.offers[0].at == hold.slot.window.start.astimezone(NEW_YORK).time()


def test_anything_else_expects_yes_or_no() -> None:
    world = started()
    world.send(heard(Intent.BOOK, service_id=ServiceId("haircut"), day=TUESDAY))
    world.send(heard(ordinal=1))
    world.send(heard(Intent.AFFIRM))

    assert world.policy.stage is Stage.ANYTHING_ELSE
    assert world.policy.expecting == Expectation(Expecting.YES_NO)


def test_a_withheld_caller_asked_for_a_number_is_expected_to_say_digits() -> None:
    world = World()
    world.send(ev.CallStarted(None, now=NOW))
    world.send(heard(Intent.BOOK, service_id=ServiceId("haircut"), day=TUESDAY))
    world.send(heard(ordinal=1))

    assert world.policy.stage is Stage.NUMBER
    assert world.policy.expecting == Expectation(Expecting.PHONE_DIGITS)


def test_an_expectation_is_frozen_picklable_data() -> None:
    expecting = Expectation(Expecting.CHOICE, (OfferedSlot(TUESDAY, time(13, 30), "Alex Chen"),))

    assert pickle.loads(pickle.dumps(expecting)) == expecting
    assert hash(expecting) == hash(pickle.loads(pickle.dumps(expecting)))
