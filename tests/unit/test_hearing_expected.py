"""Which words of a turn stand when the question expects answers (expected.py): the language model's, the grammar
decode's, or none. The decodes are given (a stand-in for the recogniser), so each rule is tested on its own."""

from __future__ import annotations

from dataclasses import dataclass

from slotline.domain.dialogue.expectation import Expectation, Expecting
from slotline.infrastructure.pocketsphinx_stt.answers import expected_answers
from slotline.infrastructure.pocketsphinx_stt.expected import ExpectationSettings, KeptWords, hear_expected
from slotline.infrastructure.pocketsphinx_stt.recognizer import DecodedWords
from tests.unit.test_expected_answers import OFFERS, WORDS

YES_NO = Expectation(Expecting.YES_NO)
THROWN_OUT = "score -0.80: outside the domain"


@dataclass
class GrammarHeard:
    """Decodes every turn with a grammar as `decoded`."""

    decoded: DecodedWords

    def decode(self, pcm16k: bytes, alternatives: int = 0, grammar: str | None = None) -> DecodedWords:
        assert grammar is not None
        return self.decoded


def _said(text: str) -> tuple[str, ...]:
    return tuple(text.split(" "))


def words(text: str, *posteriors: float, alternatives: tuple[str, ...] = ()) -> DecodedWords:
    said = tuple(text.split())
    return DecodedWords(said, 1.0, posteriors or (1.0,) * len(said), tuple(tuple(a.split()) for a in alternatives))


def heard(
    expecting: Expectation, model: DecodedWords, grammar: DecodedWords, rejected: str | None, narrowband: bool = True
) -> KeptWords:
    answers = expected_answers(expecting, WORDS)
    assert answers is not None
    return hear_expected(
        GrammarHeard(grammar), b"", model, rejected, expecting, answers, narrowband, ExpectationSettings()
    )


def test_a_choice_only_the_grammar_heard_stands_when_it_is_sure_of_itself() -> None:
    kept = heard(OFFERS, words("uh can can one"), words("the second one", 0.6, 0.56, 0.76), THROWN_OUT)
    assert kept == KeptWords(("the", "second", "one"), None)
    kept = heard(OFFERS, words("really not"), words("three o'clock", 1.0, 1.0), THROWN_OUT)
    assert kept.words == ("three", "o'clock")


def test_a_grammar_decode_unsure_of_itself_is_not_used() -> None:
    kept = heard(OFFERS, words("uh can can one"), words("the second one", 0.6, 0.28, 0.76), THROWN_OUT)
    assert kept == KeptWords((), THROWN_OUT)


def test_a_confusable_ordinal_heard_only_by_the_grammar_is_never_acted_on_but_asked_about_at_any_rate() -> None:
    for narrowband in (True, False):
        kept = heard(OFFERS, words("none one"), words("the third one"), THROWN_OUT, narrowband)
        assert kept == KeptWords(_said("the first one or the third one"), None, unsure=True)


def test_a_confusable_ordinal_the_language_model_heard_is_asked_about_with_its_partner_at_every_rate() -> None:
    for narrowband in (True, False):  # en-us's "the first one" came back "the third one" at 16 kHz too
        kept = heard(OFFERS, words("the third one"), words("the third one"), None, narrowband)
        assert kept == KeptWords(_said("the first one or the third one"), None, unsure=True)


def test_confusable_ordinals_can_be_trusted_at_16_khz_by_setting() -> None:
    answers = expected_answers(OFFERS, WORDS)
    assert answers is not None
    settings = ExpectationSettings(confusable_wideband=False)
    model, grammar = words("the third one"), GrammarHeard(words("the third one"))
    kept = hear_expected(grammar, b"", model, None, OFFERS, answers, False, settings)
    assert kept == KeptWords(("the", "third", "one"), None)


def test_decodes_naming_two_offers_become_both_offers_as_alternatives() -> None:
    kept = heard(OFFERS, words("the second one"), words("three o'clock"), None)
    assert kept == KeptWords(_said("the second one or the third one"), None, unsure=True)


def test_decodes_disagreeing_at_a_yes_or_no_give_no_words() -> None:
    kept = heard(YES_NO, words("no thanks"), words("yeah"), None)
    assert (kept.words, kept.unsure) == ((), True)


def test_the_grammar_alone_is_not_used_when_an_n_best_hypothesis_names_another_answer() -> None:
    model = words("uh can can one", alternatives=("the first one",))
    assert heard(OFFERS, model, words("the second one"), THROWN_OUT).words == ()


def test_the_grammar_alone_is_not_used_at_a_yes_or_no() -> None:
    assert heard(YES_NO, words("hello green"), words("yes please"), THROWN_OUT).words == ()


def test_at_a_yes_or_no_the_grammar_stands_for_the_same_answer_only_when_sure_of_itself() -> None:
    assert heard(YES_NO, words("no thank"), words("nope then", 0.5, 0.7), THROWN_OUT).words == ("nope", "then")
    forced = words("i'd like the go ahead one", 1.0, 1.0, 0.66, 0.42, 0.39, 0.78)  # "i'd rather talk to someone"
    assert heard(YES_NO, words("i'd at okay someone"), forced, THROWN_OUT).words == ()


def test_words_the_rule_accepted_stand_unless_the_grammar_names_another_answer() -> None:
    assert heard(YES_NO, words("yeah"), words("yeah"), None).words == ("yeah",)
    assert heard(YES_NO, words("no thanks"), words("yeah"), None).unsure


def test_a_yes_or_no_the_language_model_heard_clearly_stands_when_the_grammar_heard_the_same_answer() -> None:
    kept = heard(YES_NO, words("no thank", 0.99, 0.88), words("nope thank you", 0.23, 0.21, 0.14), THROWN_OUT)
    assert kept == KeptWords(("no", "thank"), None)


def test_a_yes_or_no_heard_without_a_clear_answer_word_or_against_the_grammar_stays_out() -> None:
    kept = heard(YES_NO, words("yeah green", 0.89, 0.0), words("yeah yeah please", 0.27, 0.12, 0.98), THROWN_OUT)
    assert kept == KeptWords((), THROWN_OUT)
    kept = heard(YES_NO, words("no thank", 0.99, 0.88), words("yes please", 0.3, 0.3), THROWN_OUT)
    assert kept.words == ()


def test_a_time_not_offered_is_never_replaced_by_an_offered_one() -> None:
    """After "was that 12:30 or 2:30?", "no, the one thirty p.m. one" came back as the grammar's "twelve thirty"
    (which the n-best list held too) and booked 12:30 (benchmarks.spoken_calls s17, 8 kHz mu-law): a number heard
    for another number is a time not asked about. The language model's words stand and the time is searched for."""
    model = words("no about two thirty p.m. one", alternatives=("the one thirty p.m. one",))
    kept = heard(OFFERS, model, words("oh the one thirty p.m. one", 1.0, 1.0, 0.9, 0.9, 1.0, 1.0), None)
    assert kept == KeptWords(("no", "about", "two", "thirty", "p.m.", "one"), None)
    kept = heard(OFFERS, model, words("oh the one thirty p.m. one", 1.0, 1.0, 0.9, 0.9, 1.0, 1.0), THROWN_OUT)
    assert kept == KeptWords((), THROWN_OUT)  # thrown out by the rule: asked again, never the grammar's offer
    kept = heard(OFFERS, words("can a.m. please"), words("ten a.m. please", 0.9, 0.9, 0.9), None)
    assert (kept.words, kept.unsure) == ((), True)  # a word that is no number is still a near miss: asked again


def test_an_offered_time_the_language_model_heard_in_part_is_the_grammars() -> None:
    """After "was that 10 AM or 3 PM?", "the 3 PM one please" came back "the three p.m. one please" from the grammar and
    "that p.m. one please" (thrown out) from the language model, which heard no number of its own: the grammar's
    offer stands (benchmarks.spoken_calls s12: "the nine fifteen a.m. one" heard "the ninth fifteen a.m. one")."""
    model = words("that p.m. one please")
    kept = heard(OFFERS, model, words("the three p.m. one please", 1.0, 0.9, 0.9, 1.0, 1.0), THROWN_OUT)
    assert kept.words == ("the", "three", "p.m.", "one", "please")
    other = words("the ten p.m. one please")  # a number of its own: never replaced by an offered one, but asked
    kept = heard(OFFERS, other, words("the three p.m. one please", 1.0, 0.9, 0.9, 1.0, 1.0), THROWN_OUT)
    assert (kept.words, kept.unsure) == (_said("the first one or the third one"), True)


def _day_heard(model: DecodedWords, grammar: DecodedWords, rejected: str | None = None) -> KeptWords:
    day = Expectation(Expecting.DAY)
    vocabulary = WORDS | {
        "monday",
        "tuesday",
        "thursday",
        "friday",
        "morning",
        "afternoon",
        "to",
        "the",
        "next",
        "this",
    }
    answers = expected_answers(day, vocabulary)
    assert answers is not None
    return hear_expected(GrammarHeard(grammar), b"", model, rejected, day, answers, False, ExpectationSettings())


def test_a_day_lost_whole_is_the_grammars_day() -> None:
    """At "which day?", "tuesday morning" came back "to the morning" from the language model again and again
    (benchmarks.spoken_calls s20, 16 kHz), and "tuesday morning" from the grammar: the grammar's day stands."""
    kept = _day_heard(words("to the morning"), words("tuesday morning", 0.9, 0.9))
    assert kept == KeptWords(("tuesday", "morning"), None)
    other_part = _day_heard(words("to the morning"), words("tuesday afternoon", 0.9, 0.9))
    assert other_part.words != ("tuesday", "afternoon")  # another part of the day: never the grammar's day
    unsure = _day_heard(words("to the morning"), words("tuesday morning", 0.9, 0.3))
    assert unsure.words == ("to", "the", "morning")  # the grammar unsure of itself
    rival = words("to the morning", alternatives=("thursday morning",))
    assert _day_heard(rival, words("tuesday morning", 0.9, 0.9)).words != ("tuesday", "morning")
    more = _day_heard(words("i'd like the morning"), words("tuesday morning", 0.9, 0.9))
    assert more.words == ("i'd", "like", "the", "morning")  # other words where the day was: not lost whole


def test_a_day_lost_whole_in_words_thrown_out_is_the_grammars_day_too() -> None:
    """At "what day?" on an 8 kHz line, "friday afternoon" came back "like afternoon", thrown out for its pairs, and
    "tuesday morning" "to the morning" (benchmarks.spoken_calls s13 and s20): the grammar's day, as above."""
    kept = _day_heard(words("like afternoon"), words("friday afternoon", 0.9, 0.9), THROWN_OUT)
    assert kept == KeptWords(("friday", "afternoon"), None)
    assert _day_heard(words("like afternoon"), words("friday afternoon", 0.9, 0.3), THROWN_OUT).words == ()
    rival = words("to the morning", alternatives=("thursday morning",))
    assert _day_heard(rival, words("tuesday morning", 0.9, 0.9), THROWN_OUT).words == ()


def test_an_offer_named_by_its_time_by_both_decodes_stands_though_thrown_out() -> None:
    """After "was that 10 AM or 1:30 PM?", "the 1:30 PM one please" came back "that one thirty p.m. one please", thrown
    out by the rejection rule for an unseen pair, with the grammar (unsure of itself) naming the same offer: the words
    stand (benchmarks.spoken_calls s02, "that twelve thirty p.m. one please" at 16 kHz)."""
    model = words("that one thirty p.m. one please")
    kept = heard(OFFERS, model, words("the one thirty p.m. one please", 1.0, 0.3, 0.3, 1.0, 1.0, 1.0), THROWN_OUT)
    assert kept.words == ("that", "one", "thirty", "p.m.", "one", "please")
    other = heard(OFFERS, model, words("the three p.m. one please", 1.0, 0.3, 0.3, 1.0, 1.0), THROWN_OUT)
    assert other.words == _said("the second one or the third one")  # each names its own: which is asked


def test_the_one_of_the_x_one_is_no_hour() -> None:
    """ "no, the 1:30 PM one" came back "no about one thirty p.m. one" (thrown out) and "oh the twelve thirty p.m. one"
    from the grammar: the language model's "one thirty" is a time of its own, whatever the "one" at the end of
    both (benchmarks.spoken_calls s17, 8 kHz mu-law, which booked 12:30)."""
    model = words("no about one p.m. one")  # "no, the 1 PM one", not on offer here (10 AM, 1:30 PM, 3 PM)
    kept = heard(OFFERS, model, words("oh the three p.m. one", 1.0, 1.0, 0.9, 0.9, 1.0), THROWN_OUT)
    assert kept.words == ()  # never the grammar's 3 PM


def test_two_offers_named_by_their_times_in_two_decodes_are_asked_about() -> None:
    """ "no, the 1:30 PM one" was thrown out as "no about one thirty p.m. one" while the grammar heard "three p.m.":
    each decode names another offer by its time, so the agent asks which ("was that 1:30 PM or 3 PM?") instead of
    asking for the whole answer again (benchmarks.spoken_calls s17, 8 kHz)."""
    model = words("no about one thirty p.m. one")
    kept = heard(OFFERS, model, words("oh the three p.m. one", 1.0, 1.0, 0.9, 0.9, 1.0), THROWN_OUT)
    assert kept == KeptWords(("the", "second", "one", "or", "the", "third", "one"), None, unsure=True)
    model = words("no about one thirty p.m. one", alternatives=("the ten a.m. one",))  # a third offer: asked again
    kept = heard(OFFERS, model, words("oh the three p.m. one", 1.0, 1.0, 0.9, 0.9, 1.0), THROWN_OUT)
    assert kept.words == ()


def test_words_thrown_out_are_the_grammars_when_an_n_best_hypothesis_in_nearly_its_words_backs_it() -> None:
    """At "which day?" on an 8 kHz line, "friday" came back "right great" (thrown out), with "friday" next in the
    n-best list and from the grammar: two decodes heard it."""
    backed = words("right great", 0.07, 0.03, alternatives=("right great", "friday"))
    assert _day_heard(backed, words("friday", 0.92), THROWN_OUT) == KeptWords(("friday",), None)
    assert _day_heard(words("right great", 0.07, 0.03), words("friday", 0.92), THROWN_OUT).words == ()  # alone
    assert _day_heard(backed, words("friday", 0.3), THROWN_OUT).words == ()  # the grammar unsure of itself
    this_or_next = words("when great", alternatives=("when the", "tuesday"))
    assert _day_heard(this_or_next, words("this tuesday", 0.9, 0.9), THROWN_OUT).words == ()  # "next tuesday"?
    yes = words("yeah green", 0.8, 0.01, alternatives=("yes please",))
    assert heard(YES_NO, yes, words("yep please", 0.9, 0.9), THROWN_OUT).words == ("yep", "please")


def test_a_backing_hypothesis_far_from_the_grammars_words_backs_nothing() -> None:
    """ "i'd rather talk to someone" at a read-back: the grammar forced it onto "i'd like the go ahead one" and the
    fifth n-best hypothesis, "i'd around okay um one", says yes as well; never a yes."""
    model = words("i'd let me talk to someone", alternatives=("i'd letter talk to someone", "i'd around okay um one"))
    forced = words("i'd like the go ahead one", 1.0, 1.0, 0.72, 0.55, 0.54, 0.76)
    assert heard(YES_NO, model, forced, THROWN_OUT).words == ()
