"""The answers a question expects, in the recogniser's words (issue 14)."""

from __future__ import annotations

from datetime import date, time

from slotline.domain.dialogue.expectation import Expectation, Expecting, OfferedSlot
from slotline.infrastructure.pocketsphinx_stt.answers import expected_answers, spoken_times

WORDS = frozenset(
    [
        "yes",
        "yeah",
        "yep",
        "no",
        "nope",
        "thanks",
        "thank",
        "you",
        "the",
        "first",
        "second",
        "third",
        "last",
        "one",
        "number",
        "two",
        "three",
        "ten",
        "thirty",
        "half",
        "past",
        "o'clock",
        "a.m.",
        "p.m.",
        "with",
        "sam",
        "alex",
        "rivera",
        "chen",
        "next",
        "this",
        "monday",
        "wednesday",
        "friday",
        "morning",
        "afternoon",
    ]
)
FRIDAY = date(2026, 11, 27)
OFFERS = Expectation(
    Expecting.CHOICE,
    (
        OfferedSlot(FRIDAY, time(10, 0), "Sam Rivera"),
        OfferedSlot(FRIDAY, time(13, 30), "Alex Chen"),
        OfferedSlot(FRIDAY, time(15, 0), "Sam Rivera"),
    ),
)


def test_times_are_said_the_ways_callers_say_them() -> None:
    assert spoken_times(time(13, 30)) == ("one thirty", "one thirty p.m.", "half past one")
    assert spoken_times(time(10, 0)) == ("ten", "ten o'clock", "ten a.m.")
    assert "one" not in spoken_times(time(13, 0))  # a bare "one" is also "the third one"'s


def test_an_offer_is_named_by_its_ordinal_time_or_a_staff_member_only_it_has() -> None:
    answers = expected_answers(OFFERS, WORDS)
    assert answers is not None

    assert answers.answers_in(["the", "first", "one"]) == {"offer 1"}
    assert answers.answers_in(["half", "past", "one", "please"]) == {"offer 2"}
    assert answers.answers_in(["with", "alex"]) == {"offer 2"}
    assert answers.answers_in(["with", "sam"]) == frozenset()  # two offers are with Sam
    assert answers.answers_in(["the", "last", "one"]) == {"offer 3"}
    assert answers.answers_in(["the", "first", "one", "or", "the", "third"]) == {"offer 1", "offer 3"}


def test_a_day_inside_a_longer_day_phrase_is_that_phrase() -> None:
    answers = expected_answers(Expectation(Expecting.DAY), WORDS)
    assert answers is not None

    assert answers.answers_in(["next", "wednesday"]) == {"next wednesday"}
    assert answers.answers_in(["this", "wednesday"]) == {"this wednesday"}
    assert answers.answers_in(["monday", "afternoon"]) == {"monday afternoon"}


def test_yes_and_no_are_two_answers_and_words_outside_the_dictionary_are_left_out() -> None:
    answers = expected_answers(Expectation(Expecting.YES_NO), WORDS)
    assert answers is not None

    assert answers.answers_in(["yeah"]) == {"yes"}
    assert answers.answers_in(["no", "thank", "you"]) == {"no"}
    assert "sure" not in answers.grammar()  # not in this vocabulary


def test_open_questions_and_phone_numbers_have_no_answer_list() -> None:
    assert expected_answers(Expectation(Expecting.OPEN), WORDS) is None
    assert expected_answers(Expectation(Expecting.PHONE_DIGITS), WORDS) is None
