"""Issue 13, the round after the fifth held-out set: forms of English it showed the rules did not know. Each is a
rule about the language or the catalogue, tested here on the sample business, not on the conversations it came from."""

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
DECEMBER = datetime(2026, 12, 10, 9, 0, tzinfo=NEW_YORK)  # a Thursday; Christmas Day (a closure) is a Friday
OCTOBER = datetime(2026, 10, 8, 15, 0, tzinfo=NEW_YORK)  # a Thursday


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("the monday after christmas", date(2026, 12, 28)),
        ("the friday before christmas", date(2026, 12, 18)),
        ("the wednesday before christmas", date(2026, 12, 23)),
        ("the day after christmas", date(2026, 12, 26)),
        ("on new year's eve", date(2026, 12, 31)),  # only New Year's Day is written down
        ("the first saturday of the new year", date(2027, 1, 2)),
        ("the first monday of next year", date(2027, 1, 4)),
        ("this day week", date(2026, 12, 17)),
        ("today week", date(2026, 12, 17)),
        ("tomorrow week", date(2026, 12, 18)),
    ],
)
def test_days_counted_from_a_holiday_or_today(text: str, day: date) -> None:
    heard = INTERPRETER.understand(f"a haircut {text}", DECEMBER)
    assert (heard.day, heard.unsure) == (day, ())


def test_a_weekday_after_another_said_before_it_counts_from_that_one() -> None:
    heard = INTERPRETER.understand("my haircut is monday morning, could I change it to the thursday after", OCTOBER)
    assert (heard.intent, heard.day, heard.unsure) == (Intent.RESCHEDULE, date(2026, 10, 15), ())


def test_moved_from_one_day_to_another_is_the_second() -> None:
    heard = INTERPRETER.understand("I need to move my haircut from monday to wednesday, same time", OCTOBER)
    assert (heard.intent, heard.day, heard.unsure) == (Intent.RESCHEDULE, date(2026, 10, 14), ())
    assert heard.other_days == (date(2026, 10, 12),)


@pytest.mark.parametrize(
    "text",
    ["could we push it to friday", "can you push my appointment to monday", "push it out to next week please"],
)
def test_pushing_it_to_a_day_moves_it(text: str) -> None:
    assert INTERPRETER.understand(text, OCTOBER).intent is Intent.RESCHEDULE


@pytest.mark.parametrize("text", ["can I bring him in on wednesday", "I'd like to bring my dog in tomorrow"])
def test_bringing_someone_in_is_a_booking(text: str) -> None:
    assert INTERPRETER.understand(text, OCTOBER).intent is Intent.BOOK


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("sorry, my mistake, it's the massage I need, not the haircut", "massage"),
        ("the massage, not the haircut", "massage"),
        ("not a haircut, a massage", "massage"),
    ],
)
def test_a_service_ruled_out_is_not_the_one_meant(text: str, service: str) -> None:
    assert INTERPRETER.understand(text, OCTOBER).service_id == service


def test_a_service_only_ruled_out_names_none() -> None:
    heard = INTERPRETER.understand("not a haircut", OCTOBER)
    assert heard.service_id is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("sorry, did I say wednesday? I meant thursday", date(2026, 10, 15)),
        ("friday, my mistake, saturday", date(2026, 10, 10)),
    ],
)
def test_more_ways_to_correct_a_day(text: str, day: date) -> None:
    heard = INTERPRETER.understand(text, OCTOBER)
    assert (heard.day, heard.unsure) == (day, ())


def test_a_first_ever_visit_is_no_choice() -> None:
    assert INTERPRETER.understand("it's his first ever visit, thursday maybe", OCTOBER).ordinal is None


# -- the rest of the round: asides about the past, refused times, busy days, and the business's own words ----------

CORPUS = Path(__file__).resolve().parents[1] / "conversations" / "catalogues"
SALON = RulesUtteranceInterpreter(load_catalogue(CORPUS / "salon_la.yaml"))
OPTICIAN = RulesUtteranceInterpreter(load_catalogue(CORPUS / "optician_ie.yaml"), "IE")
VET = RulesUtteranceInterpreter(load_catalogue(CORPUS / "vet_au.yaml"), "AU")


@pytest.mark.parametrize(
    "text",
    [
        "a haircut, it's been a good few years now, friday please",
        "I've had trouble with my back for a few weeks now, a massage on friday",
        "a haircut friday, it's been 3 weeks already",
    ],
)
def test_how_long_something_has_gone_on_is_no_date(text: str) -> None:
    heard = INTERPRETER.understand(text, OCTOBER)
    assert (heard.day, heard.unsure) == (date(2026, 10, 9), ())


def test_a_few_weeks_ahead_is_still_asked_about() -> None:
    assert INTERPRETER.understand("a haircut in a few weeks", OCTOBER).unsure == ("weeks",)


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("4 is too late with the kids, can you do 10 in the morning", time(10)),
        ("ten's no good, what about 2", time(14)),
        ("saturday, still 4", time(16)),
    ],
)
def test_a_time_refused_is_not_the_time_wished(text: str, at: time) -> None:
    heard = INTERPRETER.understand(text, OCTOBER)
    assert (heard.at, heard.unsure) == (at, ())


@pytest.mark.parametrize(
    ("text", "day", "busy"),
    [
        ("no sorry, saturday, she has soccer friday", date(2026, 10, 10), date(2026, 10, 9)),
        ("I've got work on monday so tuesday", date(2026, 10, 13), date(2026, 10, 12)),
    ],
)
def test_the_day_of_something_the_caller_has_is_not_the_day_wished(text: str, day: date, busy: date) -> None:
    heard = INTERPRETER.understand(text, OCTOBER)
    assert (heard.day, heard.unsure, heard.other_days) == (day, (), (busy,))


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("can I have a haircut on friday", date(2026, 10, 9), None),
        ("can I have a haircut at 3", None, time(15)),
        ("a haircut monday at nine, oh no, I've got a meeting, make it tuesday", date(2026, 10, 13), time(9)),
    ],
)
def test_asking_to_have_something_is_no_busy_day(text: str, day: date | None, at: time | None) -> None:
    heard = INTERPRETER.understand(text, OCTOBER)
    assert (heard.day, heard.at) == (day, at)


def test_a_way_to_pay_said_as_fine_is_a_question() -> None:
    heard = SALON.understand("ok, and Venmo's fine?", OCTOBER)
    assert heard.question is not None and (heard.question.topic, heard.question.subject) == (Topic.PAYMENT, "Venmo")


def test_whats_the_damage_asks_the_price() -> None:
    heard = SALON.understand("what's the damage for highlights", OCTOBER)
    assert heard.question is not None and heard.question.topic is Topic.PRICE


def test_a_question_beside_a_sad_one_is_still_a_question() -> None:
    text = "this is a bit of a sad one, I wanted to ask if you do cremations"
    heard = VET.understand(text, OCTOBER)
    assert heard.intent is Intent.QUESTION


def test_urgent_words_hold_whoever_it_happens_to() -> None:
    heard = OPTICIAN.understand("my son got a splash of bleach in his eye", OCTOBER)
    assert heard.intent is Intent.URGENT


@pytest.mark.parametrize("text", ["anything right when you open?", "the first of the day please"])
def test_when_you_open_is_the_earliest(text: str) -> None:
    assert INTERPRETER.understand(text, OCTOBER).earliest


def test_everyday_words_for_a_vaccination() -> None:
    heard = VET.understand("my dog's due for his yearly needle, can I bring him in on wednesday", OCTOBER)
    assert (heard.intent, heard.service_id) == (Intent.BOOK, "vaccination")


# -- after the sixth held-out set (its wrong actions) ----------------------------------------------------------------


@pytest.mark.parametrize("text", ["of course, Easter. Thursday then?", "fair enough, thursday then"])
def test_taking_in_what_was_said_before_a_day_is_no_chatter(text: str) -> None:
    heard = INTERPRETER.understand(text, OCTOBER)
    assert heard.intent in (Intent.INFORM, Intent.AFFIRM) and heard.day == date(2026, 10, 15)  # no question


def test_the_time_of_what_the_kids_have_is_not_the_booking() -> None:
    heard = INTERPRETER.understand("oh actually, can we make it 8 instead? the kids have got footy at ten", OCTOBER)
    assert (heard.at, heard.unsure) == (time(8), ())


def test_a_number_after_anything_later_is_a_time() -> None:
    heard = INTERPRETER.understand("ooh, is there anything a little later, like 11?", OCTOBER)
    assert (heard.at, heard.unsure) == (time(11), ())


@pytest.mark.parametrize(
    "text",
    ["I booked a haircut for saturday, can I switch it to monday", "I'm booked monday at 8, can I do 3 instead"],
)
def test_switching_or_something_instead_of_a_booking_moves_it(text: str) -> None:
    assert INTERPRETER.understand(text, OCTOBER).intent is Intent.RESCHEDULE


def test_the_thing_named_after_cancel_is_the_one_cancelled() -> None:
    text = "I've got two things booked on saturday, the haircut and the massage, can you cancel just the massage"
    heard = INTERPRETER.understand(text, OCTOBER)
    assert (heard.intent, heard.service_id) == (Intent.CANCEL, "massage")
