"""Issue 13, the round after the eighth held-out set: forms of English it showed the rules did not know. Each is a
rule about the language or the catalogue, tested here mostly on the sample business and in other words than the
conversations it came from."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from slotline.domain.questions import Topic
from slotline.domain.understanding import Intent
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.infrastructure.yaml_catalogue import load_catalogue
from tests.factories import NEW_YORK, sample_catalogue

INTERPRETER = RulesUtteranceInterpreter(sample_catalogue())
DECEMBER = datetime(2026, 12, 10, 9, 0, tzinfo=NEW_YORK)  # a Thursday
CATALOGUES = Path(__file__).resolve().parents[1] / "conversations" / "catalogues"


def business(name: str) -> RulesUtteranceInterpreter:
    return RulesUtteranceInterpreter(load_catalogue(CATALOGUES / f"{name}.yaml"))


@pytest.mark.parametrize(
    "text",
    [
        "which is the latest one you've got on Monday?",
        "what's the latest one available",
        "the latest one you have on Friday",
    ],
)
def test_the_latest_one_you_have_is_the_latest_of_the_day_not_a_choice(text: str) -> None:
    heard = INTERPRETER.understand(text, DECEMBER)
    assert heard.latest and heard.ordinal is None


def test_the_latest_one_alone_is_still_a_choice_among_the_offers() -> None:
    heard = INTERPRETER.understand("I'll take the latest one", DECEMBER)
    assert (heard.latest, heard.ordinal) == (False, -1)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("a haircut for my two boys on Monday", date(2026, 12, 14)),
        ("I've got three dogs, so a massage Monday would be a treat", date(2026, 12, 14)),
        ("I'm 28 weeks pregnant, a massage on Monday please", date(2026, 12, 14)),
        ("she's about six months along, can she have a massage Monday", date(2026, 12, 14)),
        ("a massage Monday, my membership runs out at the end of the month", date(2026, 12, 14)),
    ],
)
def test_counts_of_things_pregnancies_and_what_runs_out_do_not_make_the_day_unsure(text: str, day: date) -> None:
    heard = INTERPRETER.understand(text, DECEMBER)
    assert (heard.day, heard.unsure) == (day, ())


def test_a_count_of_the_service_is_part_of_its_name() -> None:
    heard = business("garage_mcr").understand("two new tyres fitted on Saturday", DECEMBER)
    assert (heard.service_id, heard.day, heard.unsure) == ("tyres", date(2026, 12, 12), ())


@pytest.mark.parametrize("text", ["that's not bad, a haircut on Monday then", "not bad at all, Monday for a trim"])
def test_not_bad_is_no_ruling_out(text: str) -> None:
    assert INTERPRETER.understand(text, DECEMBER).unsure == ()


@pytest.mark.parametrize(
    ("text", "part"),
    [("morning, I'd like a haircut on Monday", None), ("morning please", "morning"), ("mornings are best", "morning")],
)
def test_a_part_of_the_day_that_opens_a_sentence_is_a_greeting(text: str, part: str | None) -> None:
    heard = INTERPRETER.understand(text, DECEMBER)
    assert (heard.part_of_day.value if heard.part_of_day else None) == part


def test_a_service_ruled_out_after_the_one_meant_is_claimed_too() -> None:
    heard = INTERPRETER.understand("sorry, scratch that, I need a colour, not the haircut", DECEMBER)
    assert (heard.service_id, heard.more_services, heard.unsure) == ("colour", (), ())


def test_a_day_said_of_another_service_is_not_the_bookings() -> None:
    heard = INTERPRETER.understand("a massage please, my haircut's on Monday", DECEMBER)
    assert (heard.service_id, heard.day) == ("massage", None)


def test_a_condition_written_after_a_way_to_pay_is_not_its_name() -> None:
    garage = business("garage_mcr")
    assert garage.understand("a full service for Monday, first thing", DECEMBER).question is None
    asked = garage.understand("can I pay with Klarna?", DECEMBER).question
    assert asked is not None and (asked.topic, asked.subject) == (Topic.PAYMENT, "Klarna for bills over £100")
    assert garage.understand("can I pay with Klarna?", DECEMBER).intent is not Intent.BOOK


@pytest.mark.parametrize(
    "text",
    ["I can't do Tuesday now, have you got Wednesday?", "we cannot do tomorrow for the massage, Monday instead?"],
)
def test_cannot_do_a_day_is_not_coming(text: str) -> None:
    assert INTERPRETER.understand(text, DECEMBER).intent is Intent.CANT_COME


def test_pushing_a_named_appointment_back_is_a_move() -> None:
    heard = INTERPRETER.understand("I need to push my Friday haircut back a week", DECEMBER)
    assert (heard.intent, heard.refers.weeks) == (Intent.RESCHEDULE, 1)


@pytest.mark.parametrize("text", ["my massage's overdue, Monday please", "two massages on Monday"])
def test_a_service_name_with_a_glued_s_is_still_the_service(text: str) -> None:
    heard = INTERPRETER.understand(text, DECEMBER)
    assert (heard.service_id, heard.day) == ("massage", date(2026, 12, 14))


def test_an_everyday_word_or_a_shared_word_names_no_insurance_plan() -> None:
    massage = business("massage_tor")
    assert massage.understand("great, thank you", DECEMBER).question is None
    for said, plan in (("do you take Great West Life?", "Great-West Life"), ("is Canada Life ok?", "Canada Life")):
        asked = massage.understand(said, DECEMBER).question
        assert asked is not None and (asked.topic, asked.subject) == (Topic.INSURANCE, plan)


def test_a_plan_named_in_one_of_the_business_questions_gets_both_answers() -> None:
    heard = business("massage_tor").understand("do you direct bill to Manulife?", DECEMBER)
    assert heard.question is not None and heard.question.topic is Topic.INSURANCE
    assert [q.topic for q in heard.also_asked] == [Topic.FAQ]


@pytest.mark.parametrize("text", ["where are you? I'm coming on the bus", "I'll take the train, where are you"])
def test_where_are_you_said_with_a_way_of_travelling_asks_for_directions(text: str) -> None:
    asked = business("massage_tor").understand(text, DECEMBER).question
    assert asked is not None and asked.topic is Topic.DIRECTIONS


def test_a_word_a_service_name_can_do_without_does_not_name_it_alone() -> None:
    garage = business("garage_mcr")
    heard = garage.understand("the car keeps pulling to the left, could you fit me in Wednesday", DECEMBER)
    assert (heard.service_id, heard.service_choices) == (None, ())
    assert garage.understand("a full car service on Wednesday", DECEMBER).service_id == "full_service"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("a massage for May 28th", date(2027, 5, 28)),
        ("a haircut for January the 3rd", date(2027, 1, 3)),
        ("a haircut for December 20", date(2026, 12, 20)),
    ],
)
def test_a_month_and_its_day_after_for_is_that_date_not_the_month(text: str, day: date) -> None:
    heard = INTERPRETER.understand(text, DECEMBER)
    assert (heard.day, heard.last_day) == (day, None)


def test_for_a_month_alone_is_still_the_whole_month() -> None:
    heard = INTERPRETER.understand("a haircut for January", DECEMBER)
    assert (heard.day, heard.last_day) == (date(2027, 1, 1), date(2027, 1, 31))


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("any chance of a haircut in like half an hour?", time(9, 30)),
        ("a massage in 20 minutes", time(9, 20)),
        ("could I come in an hour or so", time(10, 0)),
    ],
)
def test_a_wait_from_now_is_today_from_then_on(text: str, after: time) -> None:
    heard = INTERPRETER.understand(text, DECEMBER)
    assert (heard.day, heard.bounds.not_before, heard.unsure) == (date(2026, 12, 10), after, ())


def test_a_wait_past_midnight_is_no_day() -> None:
    late = datetime(2026, 12, 10, 23, 40, tzinfo=NEW_YORK)
    assert INTERPRETER.understand("a haircut in an hour", late).day is None
