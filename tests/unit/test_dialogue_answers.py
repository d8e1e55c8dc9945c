"""The policy answers questions from the catalogue's facts, then goes back to what the caller was doing; a question
without a fact is offered a person; urgent words hand over at once."""

from __future__ import annotations

from collections import deque
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from slotline.domain.appointment import Hold
from slotline.domain.availability import find_slots
from slotline.domain.catalogue import BusinessFacts, Catalogue, FaqEntry, InsuranceSchemes, UrgentCare
from slotline.domain.dialogue import actions as act
from slotline.domain.dialogue import events as ev
from slotline.domain.dialogue.answers import Answers, say_week
from slotline.domain.dialogue.policy import DialoguePolicy, Stage
from slotline.domain.ids import ServiceId
from slotline.domain.opening_hours import open_weekly
from slotline.domain.phone import PhoneNumber
from slotline.domain.questions import Question, Topic
from slotline.domain.selection import choose_offers
from slotline.domain.staff_load import StaffLoad
from slotline.domain.understanding import Intent, Interpretation
from tests.factories import NEW_YORK, NOW, sample_catalogue, span

CALLER = PhoneNumber("+12125550123")
TUESDAY = date(2026, 12, 1)
FACTS = BusinessFacts(
    address="12 Maple Street, Springfield",
    directions="Next to the library; the door is on Elm Lane.",
    parking="Free parking behind the building.",
    payment=("cash", "credit cards"),
    insurance=InsuranceSchemes(accepted=("Aetna", "Cigna"), declined=("Medicaid",)),
    urgent=UrgentCare(("bleeding",), "That sounds urgent. Putting you through now."),
    faq=(FaqEntry(("gift card",), "Yes, gift cards are sold at the front desk."),),
)


def facts_catalogue() -> Catalogue:
    base = sample_catalogue()
    haircut = replace(base.service("haircut"), price="$40", description="A wash, cut and blow-dry, 30 minutes.")
    massage = replace(base.service("massage"), price="from $80")
    services = tuple(
        {"haircut": haircut, "massage": massage}.get(s.id, s) for s in base.services
    )  # consultation and colour have no price
    return replace(base, business=replace(base.business, facts=FACTS), services=services)


CAT = facts_catalogue()


def heard(intent: Intent = Intent.QUESTION, **fields: Any) -> ev.Heard:
    return ev.Heard(Interpretation(intent, **fields))


def asked(topic: Topic, **fields: Any) -> ev.Heard:
    question = Question(
        topic, **{k: v for k, v in fields.items() if k in ("subject", "unlisted", "faq", "day", "weekday")}
    )
    rest = {k: v for k, v in fields.items() if k not in ("subject", "unlisted", "faq", "day", "weekday")}
    return heard(Intent.QUESTION, question=question, **rest)


class World:
    """Answers the policy's requests without I/O, on the catalogue with facts."""

    def __init__(self, catalogue: Catalogue = CAT) -> None:
        self.catalogue = catalogue
        self.policy = DialoguePolicy(catalogue)
        self.said: list[str] = []
        self.done: list[act.Action] = []

    def send(self, event: ev.Event) -> list[str]:
        start = len(self.said)
        queue: deque[ev.Event] = deque([event])
        while queue:
            for action in self.policy.handle(queue.popleft()):
                self.done.append(action)
                outcome = self._answer(action)
                if outcome is not None:
                    queue.append(outcome)
        return self.said[start:]

    def _answer(self, action: act.Action) -> ev.Event | None:
        c = self.catalogue
        match action:
            case act.Say(text=text):
                self.said.append(text)
            case act.FindSlots(service_id=sid, preference=pref):
                slots = find_slots(c, c.service(sid), NOW.date(), NOW.date() + timedelta(days=21), StaffLoad(), NOW)
                return ev.SlotsFound(choose_offers(slots, pref, NEW_YORK, 3))
            case act.PlaceHold(slot=slot):
                return ev.HoldPlaced(Hold("h", slot, slot.occupied(c.service(slot.service_id)), NOW, "k"))
        return None

    def started(self) -> World:
        self.send(ev.CallStarted(CALLER))
        return self

    def stage(self) -> Stage:
        return self.policy.stage

    def kinds(self) -> list[str]:
        return [type(a).__name__ for a in self.done]


# -- answers, from the catalogue only --------------------------------------------------------------------------


def test_price_of_a_named_service_then_anything_else() -> None:
    world = World().started()
    assert world.send(asked(Topic.PRICE, service_id="haircut")) == [
        "The haircut is $40.",
        "Is there anything else I can help you with?",
    ]
    assert world.stage() is Stage.ANYTHING_ELSE


def test_price_without_a_service_asks_which_then_answers() -> None:
    world = World().started()
    (which,) = world.send(asked(Topic.PRICE))
    assert which == "Which one would you like to know the price of: haircut or massage?"
    said = world.send(heard(Intent.INFORM, service_id="massage"))
    assert said[0] == "The massage is from $80."
    assert not any(isinstance(a, act.FindSlots) for a in world.done)  # naming the service answered; it booked nothing


def test_a_service_without_a_price_has_no_answer_and_offers_a_person() -> None:
    world = World().started()
    assert world.send(asked(Topic.PRICE, service_id="colour")) == [
        "I'm sorry, I don't have that information, but I can put you through to the team. Would you like that?"
    ]
    assert world.stage() is Stage.HANDOVER_OFFER


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (Question(Topic.INSURANCE, subject="Aetna"), "Yes, we take Aetna."),
        (Question(Topic.INSURANCE, subject="Medicaid"), "I'm sorry, we don't take Medicaid."),
        (Question(Topic.INSURANCE), "We take Aetna and Cigna."),
        (Question(Topic.INSURANCE, unlisted=True), None),
        (Question(Topic.PAYMENT, subject="cash"), "Yes, we take cash."),
        (Question(Topic.PAYMENT), "We take cash and credit cards."),
        (Question(Topic.PAYMENT, unlisted=True), None),
        (Question(Topic.PARKING), "Free parking behind the building."),
        (Question(Topic.ADDRESS), "We're at 12 Maple Street, Springfield."),
        (
            Question(Topic.DIRECTIONS),
            "We're at 12 Maple Street, Springfield. Next to the library; the door is on Elm Lane.",
        ),
        (Question(Topic.FAQ, faq=0), "Yes, gift cards are sold at the front desk."),
        (Question(Topic.UNKNOWN), None),
    ],
)
def test_every_answer_is_catalogue_text(question: Question, answer: str | None) -> None:
    assert Answers(CAT).answer(question, None) == answer


def test_a_business_without_the_fact_has_no_answer() -> None:
    bare = sample_catalogue()
    for topic in (Topic.PARKING, Topic.ADDRESS, Topic.DIRECTIONS, Topic.INSURANCE, Topic.PAYMENT, Topic.FAQ):
        assert Answers(bare).answer(Question(topic, faq=0), None) is None


def test_what_a_treatment_involves_is_its_description() -> None:
    assert (
        Answers(CAT).answer(Question(Topic.DESCRIPTION), ServiceId("haircut"))
        == "A wash, cut and blow-dry, 30 minutes."
    )
    assert Answers(CAT).answer(Question(Topic.DESCRIPTION), ServiceId("massage")) is None


# -- opening hours, derived from staff hours, breaks, closures and special hours ---------------------------------


def test_the_week_is_derived_from_staff_hours_and_breaks() -> None:
    week = open_weekly(CAT)
    assert week[0] == (
        span("08:00-12:00"),
        span("12:30-17:00"),
    )  # Jordan 8-4 with a break at 12, Sam 9-5 with one at 12
    assert week[6] == ()
    assert say_week(week) == (
        "Monday 8 AM to 5 PM, Tuesday and Saturday 9 AM to 6 PM, Wednesday and Friday 8 AM to 6 PM, "
        "and Thursday 9 AM to 8 PM"
    )
    assert Answers(CAT).answer(Question(Topic.OPENING), None) == f"We're open {say_week(week)}."


def test_days_with_the_same_hours_go_together() -> None:
    nine_to_five = (span("09:00-12:00"), span("13:00-17:00"))
    saturday = (span("09:00-13:00"),)
    assert say_week((nine_to_five,) * 5 + (saturday, ())) == "Monday to Friday 9 AM to 5 PM, and Saturday 9 AM to 1 PM"
    assert say_week((nine_to_five, nine_to_five, (), nine_to_five, (), (), ())) == (
        "Monday, Tuesday, and Thursday 9 AM to 5 PM"
    )
    assert say_week(((),) * 7) is None


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (Question(Topic.OPENING, weekday=6), "We're closed on Sundays."),
        (Question(Topic.OPENING, weekday=1), "On Tuesdays we're open 9 AM to 6 PM."),
        (Question(Topic.OPENING, day=date(2026, 12, 25)), "We're closed on Friday, December 25th for Christmas Day."),
        (
            Question(Topic.OPENING, day=date(2026, 12, 24)),
            "On Thursday, December 24th, Christmas Eve, we're open 9 AM to 1 PM.",
        ),
        (Question(Topic.OPENING, day=date(2026, 12, 6)), "We're closed on Sunday, December 6th."),
        (Question(Topic.OPENING, day=TUESDAY), "On Tuesday, December 1st we're open 9 AM to 6 PM."),
    ],
)
def test_open_on_a_day(question: Question, answer: str) -> None:
    assert Answers(CAT).answer(question, None) == answer


# -- answer, then back to what the caller was doing -------------------------------------------------------------


def test_while_asked_for_a_day_the_question_is_answered_and_the_day_asked_again() -> None:
    world = World().started()
    (ask_day,) = world.send(heard(Intent.BOOK, service_id="haircut"))
    assert world.send(asked(Topic.PARKING)) == ["Free parking behind the building.", ask_day]
    assert world.stage() is Stage.GATHER
    world.send(heard(Intent.INFORM, day=TUESDAY))
    assert world.stage() is Stage.OFFERING  # the haircut was kept


def test_while_asked_what_to_book_how_much_is_it_asks_which() -> None:
    world = World().started()
    (ask_service,) = world.send(heard(Intent.BOOK, day=TUESDAY))
    (which,) = world.send(asked(Topic.PRICE))
    assert which.startswith("Which one would you like to know the price of")
    assert world.send(heard(Intent.INFORM, service_id="haircut")) == ["The haircut is $40.", ask_service]


def test_with_offers_made_the_offers_stay_on_the_table() -> None:
    world = World().started()
    (offer,) = world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    assert world.send(asked(Topic.INSURANCE, subject="Cigna")) == ["Yes, we take Cigna.", offer]
    assert world.stage() is Stage.OFFERING
    world.send(heard(Intent.INFORM, ordinal=1))
    assert world.stage() is Stage.CONFIRMING


def test_how_much_is_it_means_the_service_being_booked() -> None:
    world = World().started()
    (offer,) = world.send(heard(Intent.BOOK, service_id="massage", day=TUESDAY))
    assert world.send(asked(Topic.PRICE)) == ["The massage is from $80.", offer]


def test_at_the_read_back_the_hold_is_kept_and_the_read_back_asked_again() -> None:
    world = World().started()
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    (readback,) = world.send(heard(Intent.INFORM, ordinal=1))
    assert world.send(asked(Topic.DESCRIPTION)) == ["A wash, cut and blow-dry, 30 minutes.", readback]
    assert world.stage() is Stage.CONFIRMING and world.policy.hold is not None
    assert "ReleaseHold" not in world.kinds()
    world.send(heard(Intent.AFFIRM))
    assert world.kinds()[-1] == "Book"


def test_a_question_inside_a_booking_turn_is_answered_and_the_booking_goes_on() -> None:
    world = World().started()
    said = world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY, question=Question(Topic.PRICE)))
    assert said[0] == "The haircut is $40."
    assert said[1].startswith("On Tuesday, December 1st I have")
    assert world.stage() is Stage.OFFERING


def test_a_question_without_a_fact_inside_a_booking_turn_says_so_and_goes_on() -> None:
    world = World().started()
    said = world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY, question=Question(Topic.UNKNOWN)))
    assert said[0] == "I'm sorry, I don't have that information."
    assert world.stage() is Stage.OFFERING


def test_the_service_asked_about_is_the_one_booked_next() -> None:
    world = World().started()
    world.send(asked(Topic.DESCRIPTION, service_id="haircut"))
    world.send(heard(Intent.BOOK, day=TUESDAY, refers_back=True))  # "ok, I'll book one then, on Tuesday"
    assert world.stage() is Stage.OFFERING
    assert any(isinstance(a, act.FindSlots) and a.service_id == "haircut" for a in world.done)


def test_a_booking_that_does_not_point_back_is_asked_its_service() -> None:
    world = World().started()
    world.send(asked(Topic.PRICE, service_id="haircut"))
    (ask,) = world.send(heard(Intent.BOOK, day=TUESDAY))  # "can I book something for my daughter on Tuesday"
    assert ask.startswith("What would you like to book?")


# -- a question without a fact: a person on yes, back to the task on no --------------------------------------------


def test_no_information_then_yes_hands_over() -> None:
    world = World().started()
    world.send(asked(Topic.UNKNOWN))
    assert world.send(heard(Intent.AFFIRM)) == ["Of course. Let me connect you with someone from the team."]
    assert world.done[-1] == act.TransferToHuman(act.TransferReason.NO_INFORMATION)
    assert world.policy.ended


def test_no_information_then_no_goes_back_to_the_offers() -> None:
    world = World().started()
    (offer,) = world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    world.send(asked(Topic.UNKNOWN))
    assert world.send(heard(Intent.DENY)) == ["No problem.", offer]
    assert world.stage() is Stage.OFFERING
    world.send(heard(Intent.INFORM, ordinal=2))
    assert world.stage() is Stage.CONFIRMING


def test_no_information_then_something_else_is_a_turn_in_the_task() -> None:
    world = World().started()
    world.send(heard(Intent.BOOK, service_id="haircut", day=TUESDAY))
    world.send(asked(Topic.UNKNOWN))
    world.send(heard(Intent.INFORM, ordinal=1))
    assert world.stage() is Stage.CONFIRMING


def test_no_information_at_the_greeting_then_no_asks_what_else() -> None:
    world = World().started()
    world.send(asked(Topic.UNKNOWN))
    assert world.send(heard(Intent.DENY)) == ["No problem.", "Is there anything else I can help you with?"]
    assert world.send(heard(Intent.DENY))[-1].endswith("Goodbye!")


# -- urgent care: before anything else, in every state ------------------------------------------------------------


@pytest.mark.parametrize("steps", [0, 1, 2, 3])
def test_urgent_hands_over_at_once_in_every_state(steps: int) -> None:
    world = World().started()
    turns = [
        heard(Intent.BOOK, service_id="haircut"),
        heard(Intent.INFORM, day=TUESDAY),
        heard(Intent.INFORM, ordinal=1),
    ]
    for turn in turns[:steps]:
        world.send(turn)
    assert world.send(heard(Intent.URGENT)) == ["That sounds urgent. Putting you through now."]
    assert world.done[-1] == act.TransferToHuman(act.TransferReason.URGENT)
    assert world.policy.transfer_reason is act.TransferReason.URGENT
    if steps == 3:
        assert "ReleaseHold" in world.kinds()  # the held slot is given back


def test_urgent_without_a_configured_sentence_says_the_default() -> None:
    world = World(sample_catalogue()).started()
    assert world.send(heard(Intent.URGENT)) == ["That sounds urgent. I'm putting you straight through to the team."]


def test_every_question_of_a_turn_is_answered() -> None:
    world = World().started()
    said = world.send(
        heard(
            Intent.QUESTION, question=Question(Topic.INSURANCE, subject="Aetna"), also_asked=(Question(Topic.PARKING),)
        )
    )
    assert said == [
        "Yes, we take Aetna.",
        "Free parking behind the building.",
        "Is there anything else I can help you with?",
    ]


def test_a_question_without_a_fact_beside_one_with_is_answered_then_a_person_offered() -> None:
    world = World().started()
    said = world.send(heard(Intent.QUESTION, question=Question(Topic.PARKING), also_asked=(Question(Topic.UNKNOWN),)))
    assert said[0] == "Free parking behind the building."
    assert said[1].startswith("I'm sorry, I don't have that information")
    assert world.stage() is Stage.HANDOVER_OFFER


def test_no_person_but_a_booking_starts_the_booking() -> None:
    world = World().started()
    world.send(asked(Topic.UNKNOWN))
    world.send(heard(Intent.DENY, service_id="haircut", day=TUESDAY))  # "no, but can I book a haircut on tuesday"
    assert world.stage() is Stage.OFFERING


# -- a question asked again about another service ("and a massage?") -------------------------------------------


def test_a_follow_on_asks_the_question_just_answered_about_another_service() -> None:
    world = World().started()
    world.send(asked(Topic.PRICE, service_id="haircut"))
    said = world.send(asked(Topic.FOLLOW_ON, service_id="massage"))
    assert said == ["The massage is from $80.", "Is there anything else I can help you with?"]
    assert not any(isinstance(a, act.FindSlots) for a in world.done)


def test_a_follow_on_with_no_question_before_it_is_the_service_wanted() -> None:
    world = World().started()
    world.send(asked(Topic.PRICE, service_id="haircut"))
    world.send(heard(Intent.INFORM, day=TUESDAY))  # something else in between: the question is no longer on the table
    world.send(asked(Topic.FOLLOW_ON, service_id="massage"))
    assert any(isinstance(a, act.FindSlots) and a.service_id == "massage" for a in world.done)
