"""Acting only on an answer every decode agrees on (expected.py, issue 14): words the rejection rule accepted but
that name no expected answer, and days whose part the decodes disagree on. The decodes are given (a stand-in for
the recogniser), so each rule is tested on its own."""

from __future__ import annotations

from slotline.domain.dialogue.expectation import Expectation, Expecting
from slotline.infrastructure.pocketsphinx_stt.expected import KeptWords
from tests.unit.test_expected_answers import OFFERS
from tests.unit.test_hearing_expected import THROWN_OUT, YES_NO, _said, heard, words

DAY = Expectation(Expecting.DAY)


def test_words_naming_no_answer_give_way_when_the_grammar_and_the_n_best_list_agree_on_one() -> None:
    """ "hair colouring" heard "can i come in", with "hair colouring" next in the n-best list: not "book"."""
    model = words("really not", alternatives=("three o'clock", "really not"))
    kept = heard(OFFERS, model, words("three o'clock"), None)
    assert kept == KeptWords(("three", "o'clock"), None)


def test_words_naming_no_answer_stand_against_a_grammar_decode_sure_of_an_answer_alone() -> None:
    """A grammar is forced, sure of itself, onto requests it cannot hold: "i want to cancel my appointment" at a
    read-back came out "i'd like the okay is" at posterior 1.0. The request is heard, not vetoed."""
    model = words("i want to cancel my appointment")
    assert heard(YES_NO, model, words("i'd like the okay is"), None).words == model.words


def test_words_naming_no_answer_one_word_from_a_sure_grammar_answer_are_unsure() -> None:
    """ "ten a.m. please" heard "can a.m. please" (accepted, naming no offer), the grammar sure of "ten a.m. please":
    the word that differs is the one that mattered."""
    for model in ("can a.m. please", "a.m. please"):
        kept = heard(OFFERS, words(model), words("ten a.m. please"), None)
        assert (kept.words, kept.unsure) == ((), True)
    far = heard(OFFERS, words("at nine a.m. please"), words("ten a.m. please"), None)
    assert far.words == ("at", "nine", "a.m.", "please")  # two words off: not the grammar's answer mis-heard
    unsure_of_itself = heard(OFFERS, words("can a.m. please"), words("ten a.m. please", 0.3, 1.0, 1.0), None)
    assert unsure_of_itself.words == ("can", "a.m.", "please")


def test_words_naming_no_answer_stand_when_no_n_best_hypothesis_names_one() -> None:
    model = words("can i make it friday instead", alternatives=("can i make it friday instead",))
    assert heard(OFFERS, model, words("the second one"), None).words == model.words


def test_the_grammar_and_the_n_best_list_naming_different_answers_are_unsure() -> None:
    model = words("really not", alternatives=("three o'clock", "the second one"))
    kept = heard(OFFERS, model, words("three o'clock"), None)
    assert (kept.words, kept.unsure) == ((), True)


def test_words_naming_no_answer_are_unsure_when_an_n_best_hypothesis_names_one_the_grammar_does_not_back() -> None:
    model = words("really not", alternatives=("three o'clock",))
    for grammar in (words("the second one"), words("three o'clock", 0.9, 0.3)):  # another answer; not sure of it
        kept = heard(OFFERS, model, grammar, None)
        assert (kept.words, kept.unsure) == ((), True)


def test_a_backed_confusable_ordinal_is_asked_about_with_its_partner() -> None:
    model = words("the fifth one", alternatives=("the third one",))
    kept = heard(OFFERS, model, words("the third one"), None)
    assert kept == KeptWords(_said("the first one or the third one"), None, unsure=True)


def test_a_day_whose_part_the_decodes_disagree_on_is_unsure() -> None:
    """ "monday afternoon" heard "monday at noon" (a clock time) by the language model, "monday afternoon" by the
    grammar."""
    kept = heard(DAY, words("monday at noon"), words("monday afternoon"), None)
    assert (kept.words, kept.unsure) == ((), True)
    assert heard(DAY, words("monday after noon"), words("monday afternoon"), None).words == (
        "monday",
        "after",
        "noon",
    )


def test_a_day_the_grammar_hears_as_another_is_unsure_and_one_it_agrees_with_stands() -> None:
    assert heard(DAY, words("this wednesday"), words("next wednesday"), None).unsure
    assert heard(DAY, words("friday morning"), words("friday morning"), None).words == ("friday", "morning")
    assert heard(DAY, words("wednesday at ten"), words("wednesday"), None).words == ("wednesday", "at", "ten")


def test_thrown_out_day_words_the_grammar_agrees_with_stand_only_if_the_parts_agree() -> None:
    assert heard(DAY, words("monday afternoon"), words("monday afternoon"), THROWN_OUT).words == (
        "monday",
        "afternoon",
    )
    assert heard(DAY, words("monday at noon"), words("monday afternoon"), THROWN_OUT).words == ()
