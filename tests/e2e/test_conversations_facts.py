"""Whole conversations through the container (`slotline chat`) on test businesses with facts: questions answered
from the catalogue, then the booking goes on; urgent care and people handed over; no fact, a person offered."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import CALLER, Run, Slotline, bookings

CATALOGUES = Path(__file__).parents[1] / "conversations" / "catalogues"
DENTAL = str(CATALOGUES / "dental_us.yaml")
PHYSIO = str(CATALOGUES / "physio_uk.yaml")
MONDAY = "2026-12-07T10:30:00-05:00"  # New York
UK_MONDAY = "2026-12-07T10:30:00+00:00"  # Bristol


def talk(slotline: Slotline, catalogue: str, *lines: str, now: str = MONDAY) -> Run:
    stdin = "".join(f"{line}\n" for line in lines)
    return slotline("chat", "--caller", CALLER, "--catalog", catalogue, stdin=stdin, now=now)


def test_questions_answered_then_the_call_ends_politely(slotline: Slotline) -> None:
    run = talk(
        slotline, DENTAL, "hi, how much is a cleaning?", "and do you take Aetna?", "where do I park?", "no thanks"
    )
    assert run.agent[1:3] == ["The cleaning is $120.", "Is there anything else I can help you with?"]
    assert run.agent[3] == "Yes, we take Aetna."
    assert run.agent[5].startswith("There is no parking of our own")
    assert run.agent[-1] == "Thank you for calling Brightside Family Dental. Goodbye!"
    assert run.ending == "[call ended]"
    assert bookings(slotline) == []


def test_a_declined_scheme_and_the_opening_hours(slotline: Slotline) -> None:
    run = talk(
        slotline, DENTAL, "do you take Medicaid?", "are you open on Christmas Eve?", "are you open on Saturdays?"
    )
    assert run.agent[1] == "I'm sorry, we don't take Medicaid."
    assert (
        run.agent[3] == "On Thursday, December 24th, Christmas Eve, we're open 9 AM to noon."
    )  # 8 to 12, staff from 9
    assert run.agent[5] == "We're closed on Saturdays."
    assert bookings(slotline) == []


def test_a_question_inside_a_booking_turn_then_the_booking(slotline: Slotline) -> None:
    run = talk(
        slotline, DENTAL, "how much is a check-up and do you have anything Friday morning", "the first one", "yes", "no"
    )
    assert run.agent[1] == "The check-up is $95."
    assert run.agent[2].startswith("On Friday, December 11th I have")
    (booking,) = bookings(slotline)
    assert booking["service"] == "checkup"
    assert booking["start"].startswith("2026-12-11T")


def test_a_question_at_the_read_back_keeps_the_slot(slotline: Slotline) -> None:
    run = talk(slotline, DENTAL, "a check-up on Friday at nine", "is there parking?", "yes", "no")
    readback = run.agent[1]
    assert readback.startswith("Let me read that back: a check-up")
    assert run.agent[2:4] == [
        "There is no parking of our own; the garage on West 83rd Street gives patients a discount.",
        readback,
    ]
    (booking,) = bookings(slotline)
    assert booking["start"] == "2026-12-11T09:00:00-05:00"


def test_what_a_treatment_involves_then_book_one(slotline: Slotline) -> None:
    run = talk(
        slotline,
        PHYSIO,
        "what does acupuncture involve?",
        "ok I'll book one then, Tuesday morning",
        "the first one",
        "yes",
        "no",
        now=UK_MONDAY,
    )
    assert run.agent[1].startswith("Fine needles")
    (booking,) = bookings(slotline)
    assert booking["service"] == "acupuncture"
    assert booking["start"].startswith("2026-12-08T")


def test_no_information_offers_a_person_and_hands_over_on_yes(slotline: Slotline) -> None:
    run = talk(slotline, PHYSIO, "do you do hydrotherapy?", "yes please", now=UK_MONDAY)
    assert run.agent[1] == (
        "I'm sorry, I don't have that information, but I can put you through to the team. Would you like that?"
    )
    assert run.ending == "[transferred to a human]"


def test_no_information_declined_goes_back(slotline: Slotline) -> None:
    run = talk(slotline, PHYSIO, "do you do hydrotherapy?", "no, that's fine", "no", now=UK_MONDAY)
    assert run.agent[2:4] == ["No problem.", "Is there anything else I can help you with?"]
    assert run.ending == "[call ended]"


def test_urgent_words_hand_over_with_the_business_sentence(slotline: Slotline) -> None:
    run = talk(slotline, DENTAL, "I'd like to book a check-up", "actually I'm in agony, my tooth is bleeding")
    assert run.agent[-1] == "That sounds urgent. I'm putting you straight through to the team."
    assert run.ending == "[transferred to a human]"
    assert bookings(slotline) == []


def test_a_person_for_something_else_is_handed_over_not_booked(slotline: Slotline) -> None:
    run = talk(slotline, DENTAL, "can I talk to the doctor about my results", "yes")
    assert run.ending == "[transferred to a human]"
    assert bookings(slotline) == []


def test_two_questions_in_one_turn_are_both_answered(slotline: Slotline) -> None:
    run = talk(slotline, PHYSIO, "Hi, do you take Bupa? and is there parking?", "no thanks", now=UK_MONDAY)
    assert run.agent[1:3] == [
        "Yes, we take Bupa.",
        "There is free parking behind the building, and a pay car park on Cole Street.",
    ]
    assert run.ending == "[call ended]"
