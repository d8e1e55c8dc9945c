"""A caller whose number is withheld hears what is free, is asked for a number once a slot is chosen (or says it
unasked), hears it read back, and books under it once they say yes; moves and cancels ask it first, to find the
appointment."""

from __future__ import annotations

from typing import Any

import pytest

from slotline.domain.dialogue import actions as act
from slotline.domain.dialogue import events as ev
from slotline.domain.dialogue.limits import DialogueLimits
from slotline.domain.dialogue.phrasing import say_digits
from slotline.domain.dialogue.policy import DialoguePolicy, Stage
from slotline.domain.phone import PhoneNumber
from slotline.domain.preference import PartOfDay
from slotline.domain.understanding import HeardNumber, Intent, Interpretation
from tests.unit.test_dialogue_policy import CAT, World, heard, upcoming

GIVEN = PhoneNumber("+12125550188")
SAID = HeardNumber(GIVEN, ("212", "555", "0188"))
OTHER = HeardNumber(PhoneNumber("+12125550199"), ("212", "555", "0199"))
INVALID = HeardNumber(None)
ASK = "What number can we text the confirmation to?"
READBACK = "I have 2 1 2, 5 5 5, 0 1 8 8. Is that right?"


def said(intent: Intent = Intent.INFORM, **fields: Any) -> ev.Heard:
    return ev.Heard(Interpretation(intent, **fields))


def stage(world: World) -> Stage:
    return world.policy.stage


def withheld() -> World:
    world = World()
    world.send(ev.CallStarted(None))
    return world


def test_phrasing_a_number_digit_by_digit() -> None:
    assert say_digits(("212", "555", "0123")) == "2 1 2, 5 5 5, 0 1 2 3"
    assert say_digits(("+44", "20", "7946", "0958")) == "plus 4 4, 2 0, 7 9 4 6, 0 9 5 8"


DAY = upcoming().window.start.date()


def chose_a_slot() -> World:
    """A withheld caller who asked for a haircut on a day and took the first offer: the number is asked now."""
    world = withheld()
    world.send(heard(Intent.BOOK, service_id="haircut", day=DAY))
    world.send(heard(ordinal=1))
    return world


def test_a_booking_is_looked_for_before_the_number_is_asked() -> None:
    world = withheld()
    world.send(heard(Intent.BOOK, service_id="haircut", day=DAY))
    assert stage(world) is Stage.OFFERING  # a closed day or a full one is said before any number is asked
    assert "LookUpNumber" not in world.kinds()

    assert world.send(heard(ordinal=1)) == [ASK]
    assert stage(world) is Stage.NUMBER
    assert "PlaceHold" not in world.kinds() and "TransferToHuman" not in world.kinds()


def test_the_number_is_read_back_and_yes_holds_the_slot_chosen_and_reads_it_back() -> None:
    world = chose_a_slot()
    assert world.send(said(phone=SAID)) == [READBACK]
    assert stage(world) is Stage.NUMBER_CONFIRM
    lines = world.send(heard(Intent.AFFIRM))
    assert lines[0] == "Thank you." and "read that back" in lines[-1]
    assert act.LookUpNumber(GIVEN) in world.done
    assert stage(world) is Stage.CONFIRMING
    assert world.kinds().index("LookUpNumber") < world.kinds().index("PlaceHold")
    world.send(heard(Intent.AFFIRM))
    assert world.kinds().count("Book") == 1


def test_a_number_said_unasked_while_hearing_the_offers_is_read_back_then_the_offers_again() -> None:
    world = withheld()
    offers = world.send(heard(Intent.BOOK, service_id="haircut", day=DAY))[-1]
    assert world.send(said(phone=SAID)) == [READBACK]
    assert world.send(heard(Intent.AFFIRM)) == ["Thank you.", offers]
    assert stage(world) is Stage.OFFERING
    world.send(heard(ordinal=1))
    assert stage(world) is Stage.CONFIRMING  # the number is known: held and read back at once


def test_a_booking_without_details_asks_what_to_book_not_the_number() -> None:
    world = withheld()
    assert world.send(heard(Intent.BOOK))[-1].startswith("What would you like to book?")


def test_a_number_said_with_the_request_is_read_back_with_the_booking() -> None:
    world = withheld()
    assert world.send(heard(Intent.BOOK, service_id="haircut", phone=SAID)) == ["What day would you like to come in?"]
    world.send(heard(day=DAY))

    (readback,) = world.send(heard(ordinal=1))

    assert (
        readback.startswith("Let me read that back: a haircut") and "and I'll text 2 1 2, 5 5 5, 0 1 8 8." in readback
    )
    assert world.kinds().index("LookUpNumber") < world.kinds().index("PlaceHold")
    world.send(heard(Intent.AFFIRM))
    assert world.kinds().count("Book") == 1 and act.LookUpNumber(GIVEN) in world.done


def test_a_number_corrected_at_that_read_back_is_read_back_with_the_same_booking() -> None:
    world = withheld()
    world.send(heard(Intent.BOOK, service_id="haircut", day=DAY, phone=SAID))
    world.send(heard(ordinal=1))

    (readback,) = world.send(said(Intent.DENY, phone=OTHER))  # "no, it's 212 555 0199"

    assert "and I'll text 2 1 2, 5 5 5, 0 1 9 9." in readback
    assert world.kinds().count("PlaceHold") == 1 and "ReleaseHold" not in world.kinds()
    assert OTHER.number is not None and act.LookUpNumber(OTHER.number) in world.done


def test_details_changed_at_the_number_question_are_looked_for_again() -> None:
    world = chose_a_slot()
    searches = world.kinds().count("FindSlots")
    assert world.send(heard(part_of_day=PartOfDay.AFTERNOON)) == [ASK]
    world.send(said(phone=SAID))
    world.send(heard(Intent.AFFIRM))
    assert world.kinds().count("FindSlots") == searches + 1
    assert "PlaceHold" not in world.kinds()


def test_no_asks_again_and_the_new_number_is_read_back() -> None:
    world = chose_a_slot()
    world.send(said(phone=SAID))
    assert world.send(heard(Intent.DENY)) == [f"Sorry about that. {ASK}"]
    assert stage(world) is Stage.NUMBER
    assert world.send(said(phone=OTHER)) == ["I have 2 1 2, 5 5 5, 0 1 9 9. Is that right?"]
    world.send(heard(Intent.AFFIRM))
    assert OTHER.number is not None
    assert act.LookUpNumber(OTHER.number) in world.done
    assert act.LookUpNumber(GIVEN) not in world.done


def test_a_correction_during_the_readback_is_read_back() -> None:
    world = chose_a_slot()
    world.send(said(phone=SAID))
    assert world.send(said(Intent.DENY, phone=OTHER)) == ["I have 2 1 2, 5 5 5, 0 1 9 9. Is that right?"]


def test_an_invalid_number_asks_again() -> None:
    world = chose_a_slot()
    said_back = world.send(said(Intent.UNKNOWN, phone=INVALID))
    assert said_back == [f"Sorry, that doesn't sound like a full phone number. {ASK}"]
    assert stage(world) is Stage.NUMBER
    assert world.send(said(phone=SAID)) == [READBACK]


def test_something_unclear_during_the_readback_asks_for_yes_or_no() -> None:
    world = chose_a_slot()
    world.send(said(phone=SAID))
    assert world.send(heard(Intent.UNKNOWN)) == [f"Sorry, I didn't catch that. {READBACK}"]
    assert stage(world) is Stage.NUMBER_CONFIRM


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_giving_up_after_the_misunderstanding_limit_hands_over(limit: int) -> None:
    world = World()
    world.policy = DialoguePolicy(CAT, DialogueLimits(max_misunderstandings=limit))
    world.send(ev.CallStarted(None))
    world.send(heard(Intent.BOOK, service_id="haircut", day=DAY))
    world.send(heard(ordinal=1))
    # an invalid number, a right one read back (not a miss), a no, then something unclear
    turns = [said(Intent.UNKNOWN, phone=INVALID), said(phone=SAID), heard(Intent.DENY), heard(Intent.UNKNOWN)]
    sent = 0
    while not world.policy.ended:
        world.send(turns[sent])
        sent += 1
    assert sent == {1: 1, 2: 3, 3: 4}[limit]
    assert world.done[-1] == act.TransferToHuman(act.TransferReason.NO_CALLER_ID)
    assert world.said[-1] == (
        "I'm sorry, I couldn't get a phone number to book under. Let me connect you with someone from the team."
    )
    assert "LookUpNumber" not in world.kinds() and "PlaceHold" not in world.kinds()


def test_right_numbers_do_not_reset_the_count_so_it_cannot_go_on_forever() -> None:
    world = chose_a_slot()
    for _ in range(3):
        world.send(said(phone=SAID))
        world.send(heard(Intent.DENY))
    assert world.policy.ended
    assert world.policy.transfer_reason is act.TransferReason.NO_CALLER_ID


def test_cancel_with_a_withheld_number_finds_the_appointment_by_the_number_given() -> None:
    world = withheld()
    world.known = (upcoming(),)
    assert world.send(heard(Intent.CANCEL)) == [ASK]
    world.send(said(phone=SAID))
    lines = world.send(heard(Intent.AFFIRM))
    assert lines[-1].startswith("Just to confirm: shall I cancel your haircut on Tuesday, December 1st at 3:30 PM")
    world.send(heard(Intent.AFFIRM))
    assert "Cancel" in world.kinds()


def test_reschedule_with_a_withheld_number_and_nothing_booked_under_it() -> None:
    world = withheld()
    world.send(heard(Intent.RESCHEDULE))
    world.send(said(phone=SAID))
    lines = world.send(heard(Intent.AFFIRM))
    assert lines[-1] == "I don't see an upcoming appointment for this number. Would you like to book a new one?"


def test_once_confirmed_the_number_is_not_asked_again() -> None:
    world = withheld()
    world.send(heard(Intent.BOOK, service_id="haircut", day=DAY))
    world.send(heard(ordinal=1))
    world.send(said(phone=SAID))
    world.send(heard(Intent.AFFIRM))
    world.send(heard(Intent.AFFIRM))  # the read-back: yes
    world.send(heard(Intent.AFFIRM))  # anything else? yes
    assert world.send(heard(Intent.BOOK, service_id="massage")) == ["What day would you like to come in?"]
