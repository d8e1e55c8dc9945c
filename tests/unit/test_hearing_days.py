"""Answers to "what day?" (days.py): the factored grammar, and the part of the day a hypothesis names."""

from __future__ import annotations

from slotline.domain.dialogue.expectation import Expectation, Expecting
from slotline.infrastructure.pocketsphinx_stt.answers import expected_answers
from slotline.infrastructure.pocketsphinx_stt.days import day_grammar, part_of, parts_clash, the_day
from tests.unit.test_expected_answers import WORDS


def test_the_day_grammar_is_built_from_rules_not_a_list_of_every_day_phrase() -> None:
    grammar = day_grammar(WORDS | {"tuesday", "tomorrow", "today", "evening", "in", "please"})
    assert "<day> = [next | this] <weekday> [<part>] | (today | tomorrow) [<part>];" in grammar
    assert "<part> = morning | afternoon | evening | in the morning | in the afternoon;" in grammar
    assert grammar.count("monday") == 1  # the flat grammar said every weekday 12 times: 4.5-11 s to decode


def test_the_day_grammar_keeps_to_the_decoder_s_words() -> None:
    grammar = day_grammar(WORDS)
    assert "tuesday" not in grammar and "evening" not in grammar  # not in this vocabulary
    assert "<weekday> = monday | wednesday | friday;" in grammar


def test_a_day_question_listens_with_the_factored_grammar_and_still_knows_every_answer() -> None:
    answers = expected_answers(Expectation(Expecting.DAY), WORDS)
    assert answers is not None
    assert answers.grammar() == day_grammar(WORDS)
    assert answers.answers_in(["next", "monday", "morning"]) == {"next monday morning"}


def test_the_day_is_the_answer_without_its_part() -> None:
    assert the_day("next thursday afternoon") == "next thursday"
    assert the_day("tomorrow in the morning") == "tomorrow"


def test_a_part_of_the_day_is_a_word_for_it_or_a_clock_time() -> None:
    assert part_of(("monday", "afternoon")) == "afternoon"
    assert part_of(("monday", "after", "noon")) == "afternoon"
    assert part_of(("monday", "at", "noon")) == "clock"
    assert part_of(("monday", "at", "two", "in")) == "clock"
    assert part_of(("ten", "a.m.")) == "clock"
    assert part_of(("the", "second", "one")) is None  # an hour word not after "at" is no clock time
    assert part_of(("next", "monday")) is None


def test_parts_clash_only_when_both_hypotheses_name_a_different_one() -> None:
    assert parts_clash(("monday", "at", "noon"), ("monday", "afternoon"))
    assert parts_clash(("monday", "morning"), ("monday", "in", "the", "afternoon"))
    assert not parts_clash(("monday", "after", "noon"), ("monday", "afternoon"))
    assert not parts_clash(("thursday", "at", "ten"), ("thursday",))  # the grammar has no clock times
    assert not parts_clash(("friday",), ("friday", "morning"))
