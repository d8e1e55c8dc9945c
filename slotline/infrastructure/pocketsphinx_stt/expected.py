"""Hearing a turn with what the question expects in mind (issue 14): act only on an answer every decode agrees on.

At a question with a short list of answers (yes/no, a choice among offers, a day, a service) the turn is decoded
twice: by the domain language model, which can hear anything (with its n-best list), and by a small grammar of the
expected answers (answers.py). Then:
- the language model heard an answer: it stands only if the grammar decode and the n-best hypotheses name no other
  answer ("the first one" against "the third one", "yes" against "no"); otherwise the turn is UNSURE: at a choice
  among offers its words become the candidates as alternatives ("the first one or the third one"), which the dialogue
  asks about by time ("Sorry, was that 10 AM or 3 PM?"); at other questions it is rejected, so the agent asks again
  instead of acting on a guess;
- the language model heard no expected answer ("can I make it Friday instead?"): its words stand as before, unless
  the grammar decode names an answer and an n-best hypothesis of the language model names the same ("hair colouring"
  heard "can i come in", with "hair colouring" next in the n-best list): two decodes heard that answer and the best
  guess did not, so the grammar's words are used if it is sure of itself, names one answer, no n-best hypothesis
  names another and it rests on no confusable word; otherwise (the n-best list names an answer the grammar decode
  does not back) the turn is UNSURE. So is a near miss: the grammar decode, sure of itself, names an answer whose
  words differ from the language model's in at most `near_miss` words ("ten a.m. please" heard "can a.m.
  please"): the one word that differs is the one that mattered. Words far from the grammar's are not vetoed by it:
  a grammar is forced, sure of itself, onto what it cannot hold ("i want to cancel my appointment" at a yes/no
  came out "i'd like the okay is", every word at posterior 1.0, spanning the whole turn);
- at "what day?" the decodes must also agree on the part of the day: "monday afternoon" heard "monday at noon" or
  "monday at two" by the language model and "monday afternoon" by the grammar is UNSURE (days.py); a day lost whole
  ("tuesday morning" heard "to the morning": only short words where the day was, and the same part of the day) is
  the grammar's day, when it is sure of itself and no n-best hypothesis names another, whether the rejection rule
  kept the words or threw them out ("friday afternoon" heard "like afternoon" and thrown out on 8 kHz lines);
- the rejection rule threw the words out, but they name exactly one answer, the grammar decode names the same and no
  n-best hypothesis names another ("no thank" for "no thanks", "yeah up" for "yep"): the grammar's words are used,
  if the grammar decode is sure of itself (every word but fillers has a posterior of at least `grammar_posterior`:
  a grammar forces speech it does not hold onto its answers, "i'd rather talk to someone" as "i'd like the go ahead
  one", with low posteriors); at a yes/no, the language model's own words are used instead when it heard a one-word
  yes or no with a posterior of at least `answer_posterior` and the grammar decode, sure of itself or not, names the
  same answer ("no:0.99 thank:0.88", thrown out for the pair "no thank" on 8 kHz lines);
- at a yes/no, a day or a service, the rejection rule threw out words that name no answer, but the grammar decode,
  sure of itself, names one, and an n-best hypothesis at most `near_miss` words from the grammar's words names the
  same, with no hypothesis naming another: the grammar's words are used ("friday" thrown out as "right great" on
  8 kHz lines, "friday" next in the n-best list); not on a confusable word, nor a day said with "this" or "next"
  (the grammar mixes them up), nor on a hypothesis far from the grammar's words (a forced "go ahead" backed by an
  n-best "okay" is no yes);
- at a choice among offers, the rejection rule threw out words that name one offer by its time ("that twelve thirty
  p.m. one please"), and the grammar decode names the same offer (sure of itself or not) with no n-best hypothesis
  naming another: the language model's words are used;
- at a choice among offers, the rejection rule threw the words out and they name no answer, but the grammar decode
  names exactly one, is sure of itself, rests on no confusable word and no n-best hypothesis names another: the
  grammar's words are used (on 8 kHz lines the language model hears "the second one" as "uh can can one" and
  "three o'clock" as "really not", where the grammar decode hears them right);
- "first" and "third" are not told apart reliably (on 8 kHz lines their difference lies above the line's 4 kHz:
  every "the first one" in the benchmark came back "the third one", and so did en-us's at 16 kHz, with the grammar
  decode and every n-best hypothesis agreeing), so a choice or a day that rests on either is UNSURE, at every rate
  (a choice is then asked about by time: "the first one or the third one").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from slotline.domain.dialogue.expectation import Expectation, Expecting
from slotline.infrastructure.common.hour_words import HOUR_WORDS
from slotline.infrastructure.pocketsphinx_stt.answers import CLOSED, YES_NO_WORDS, ExpectedAnswers, expected_answers
from slotline.infrastructure.pocketsphinx_stt.days import day_lost, part_of, parts_clash, the_day
from slotline.infrastructure.pocketsphinx_stt.recognizer import DecodedWords

__all__ = ["ExpectationSettings", "GrammarDecoder", "KeptWords", "hear_expected", "vocabulary"]


class GrammarDecoder(Protocol):
    """What hearing a turn with its expected answers needs of a Recognizer: a decode with a grammar."""

    def decode(self, pcm16k: bytes, alternatives: int = 0, grammar: str | None = None) -> DecodedWords: ...


@dataclass(frozen=True, slots=True)
class ExpectationSettings:
    alternatives: int = 5
    """n-best hypotheses of the language model checked for another answer."""
    confusable: frozenset[str] = frozenset({"first", "third"})
    """Words not told apart reliably: a choice or a day heard with one of them is unsure."""
    grammar_posterior: float = 0.5
    """The grammar decode's words stand in place of words the rejection rule threw out only if every one of them but
    fillers has at least this posterior (a grammar forces out-of-grammar speech onto its answers, with low
    posteriors: "i'd rather talk to someone" came out "i'd like the go ahead one"). At a choice among offers they may
    stand even when the language model's words name no answer ("the second one" heard "uh can can one" on an 8 kHz
    line, but by the grammar "the second one"), if no n-best hypothesis names another answer and the answer rests on
    no confusable word."""
    answer_posterior: float = 0.95
    """At a yes/no, words the rejection rule threw out stand when the language model heard a one-word yes or no with
    at least this posterior and the grammar decode (however unsure) and the n-best list name no other answer: "no
    thanks" on 8 kHz lines came out "no:0.99 thank:0.88", thrown out for the pair "no thank", with the grammar's
    "nope thank you" at posteriors near 0.2, so the caller was asked again until the call was handed over."""
    near_miss: int = 1
    """Words accepted by the rejection rule that name no expected answer are unsure when the grammar decode, sure of
    itself, names one in words at most this many word edits away ("can a.m. please" against "ten a.m. please")."""
    phone_digits: bool = False
    """At a question asking for a phone number, also decode the turn with a digit grammar (digits.py). Off by
    default: on espeak voices it heard 3 of 60 numbers right and 4 as another valid number, which only the read-back
    stops (docs/speech.md); the language model alone hears none (0 of 60)."""
    confusable_wideband: bool = True
    """The confusable words are unsure at 16 kHz too (on since 2026-12: en-us's "the first one" came back "the third
    one" at 16 kHz with every decode agreeing, a different valid offer). At a choice the agent then asks by time
    ("was that 10 AM or 3 PM?"), which a caller answers; a scripted caller who answers "the first one" again is
    never understood (benchmarks.spoken_calls: 16 kHz calls finished fell from 15 to 10 of 20 with it on). Off: at
    16 kHz "the first one" is acted on, and only the read-back that follows (it says the time) stops a wrong one."""


@dataclass(frozen=True, slots=True)
class KeptWords:
    words: tuple[str, ...]
    """The words to act on (empty when rejected)."""
    rejected: str | None
    """Why not, or None."""
    unsure: bool = False
    """The decodes disagreed on which answer was given: no words, or at a choice among offers the candidates as
    alternatives ("the first one or the third one"), which the dialogue asks about by time."""


def vocabulary(dictionary: Path) -> frozenset[str]:
    """The words of a pocketsphinx dictionary file (alternative pronunciations "word(2)" folded)."""
    lines = dictionary.read_text(encoding="utf-8").splitlines()
    return frozenset(line.split(maxsplit=1)[0].split("(", 1)[0] for line in lines if line.strip())


def answers_for(expecting: Expectation | None, words: frozenset[str]) -> ExpectedAnswers | None:
    if expecting is None or expecting.kind not in CLOSED:
        return None
    return expected_answers(expecting, words)


def hear_expected(
    recognizer: GrammarDecoder,
    audio: bytes,
    heard: DecodedWords,
    rejected: str | None,
    expecting: Expectation,
    answers: ExpectedAnswers,
    narrowband: bool,
    settings: ExpectationSettings,
) -> KeptWords:
    """Judge the language model's `heard` (and the rejection rule's verdict) against the expected answers."""
    grammar = recognizer.decode(audio, grammar=answers.grammar())
    named = answers.answers_in(heard.words)
    by_grammar = answers.answers_in(grammar.words)
    by_others = frozenset(key for words in heard.alternatives for key in answers.answers_in(words))
    clash = False
    if expecting.kind is Expecting.DAY:  # the grammar has no clock times: "thursday at ten" is its "thursday ..."
        named, by_grammar, by_others = (frozenset(the_day(k) for k in keys) for keys in (named, by_grammar, by_others))
        clash = parts_clash(heard.words, grammar.words)
    sure = _sure_of_itself(grammar, settings.grammar_posterior)
    confusable = (narrowband or settings.confusable_wideband) and expecting.kind in (Expecting.CHOICE, Expecting.DAY)
    unsure_word = next((w for w in heard.words if confusable and w in settings.confusable), None)
    if rejected is None:
        if unsure_word is not None:
            why = f"unsure: '{unsure_word}' is easily misheard"
            return _either(expecting, named | _swapped(answers, heard.words, settings.confusable), why)
        # Words the rule accepted that name an answer are vetoed only by the grammar decode naming another (or, at a
        # day, another part of the day): the n-best list nearly always holds a near variant ("this tuesday" beside
        # "next tuesday"), and rejecting on it made callers who were heard right repeat themselves (the read-back
        # that follows says the date and time). Words naming no answer are checked against the n-best list.
        if named and len(named | by_grammar) > 1:
            return _either(expecting, named | by_grammar, f"unsure: {' or '.join(sorted(named | by_grammar))}")
        if clash:
            return KeptWords((), f"unsure: {part_of(heard.words)} or {part_of(grammar.words)}", unsure=True)
        if _lost_day(expecting, named, by_grammar, by_others) and sure and day_lost(heard.words, grammar.words):
            return KeptWords(grammar.words, None)  # "tuesday morning" heard "to the morning": the day the grammar heard
        if not named and _numbers_differ(heard.words, grammar.words):
            return KeptWords(heard.words, None)  # "one thirty" after "was it 12:30 or 2:30?": a time not asked about
        if not named and (by_others or (by_grammar and sure and _near_miss(heard, grammar, settings.near_miss))):
            return _backed(expecting, answers, grammar, by_grammar, by_others, settings)
        return KeptWords(heard.words, None)
    forced = any(confusable and w in settings.confusable for w in grammar.words)
    agreed = len(named) == 1 and by_grammar == named and by_others <= named and not clash
    if agreed and sure and unsure_word is None and not forced:
        return KeptWords(grammar.words, None)  # thrown out by the rule, but every decode heard this one answer
    if agreed and expecting.kind is Expecting.YES_NO and _answer_heard(heard, settings.answer_posterior):
        return KeptWords(heard.words, None)  # "no thank" thrown out for its pair, "no" heard at 0.99, the grammar's no
    timed = bool(_NUMBER_WORDS.intersection(heard.words) - {"one"})  # an offer's time, heard alike by both decodes
    if agreed and timed and expecting.kind is Expecting.CHOICE and unsure_word is None and not forced:
        return KeptWords(heard.words, None)  # "that twelve thirty p.m. one please", thrown out for "that twelve"
    if _lost_day(expecting, named, by_grammar, by_others) and sure and day_lost(heard.words, grammar.words):
        return KeptWords(grammar.words, None)  # "friday afternoon" heard "like afternoon", thrown out: as above
    if timed and len(named) == 1 and len(by_grammar) == 1 and named != by_grammar and by_others <= named | by_grammar:
        # "no, the 1:30 PM one" thrown out as "no about one thirty p.m. one", the grammar's "twelve thirty": each
        # decode names another offer by its time, so the two are asked about ("was that 12:30 PM or 1:30 PM?")
        return _either(expecting, named | by_grammar, rejected)
    if _backed_after_all(expecting, heard, named, by_grammar, by_others, grammar, sure, settings):
        return KeptWords(grammar.words, None)  # "friday" thrown out as "right great", with "friday" next in the n-best
    alone = expecting.kind is Expecting.CHOICE and not named and len(by_grammar) == 1 and by_others <= by_grammar
    alone = alone and not _numbers_differ(heard.words, grammar.words)  # another time heard: asked again
    doubtful = any(w in settings.confusable for w in grammar.words)  # at every rate: nothing else heard it
    if alone and sure and not doubtful:
        return KeptWords(grammar.words, None)  # the words were noise to the language model, not to the grammar
    if alone and sure:  # "the third one" by the grammar alone: the first or the third, asked
        return _either(expecting, by_grammar | _swapped(answers, grammar.words, settings.confusable), rejected)
    return KeptWords((), rejected)


_BACKED_KINDS = frozenset((Expecting.YES_NO, Expecting.DAY, Expecting.SERVICE))
_THIS_OR_NEXT = frozenset(("this", "next", "coming", "following"))


def _backed_after_all(
    expecting: Expectation,
    heard: DecodedWords,
    named: frozenset[str],
    by_grammar: frozenset[str],
    by_others: frozenset[str],
    grammar: DecodedWords,
    sure: bool,
    settings: ExpectationSettings,
) -> bool:
    """Words the rejection rule threw out named no answer, but the grammar decode (sure of itself) and an n-best
    hypothesis of the language model in nearly the same words name the same one, and no hypothesis another: two
    decodes heard it ("friday" thrown out as "right great", "friday" next in the n-best list and the grammar's). Not at
    a choice (read elsewhere), not on a confusable word, not a day said with "this" or "next" (the grammar mixes them
    up: "next wednesday" came back "this wednesday", with a bare "wednesday" in the n-best list), and never on a
    hypothesis far from the grammar's words ("i'd rather talk to someone": the grammar's "i'd like the go ahead one"
    and the n-best "i'd around okay um one" both say yes)."""
    if expecting.kind not in _BACKED_KINDS or named or len(by_grammar) != 1 or by_others != by_grammar or not sure:
        return False
    if any(w in settings.confusable or w in _THIS_OR_NEXT for w in grammar.words):
        return False
    return any(_words_apart(words, grammar.words) <= settings.near_miss for words in heard.alternatives)


def _lost_day(
    expecting: Expectation, named: frozenset[str], by_grammar: frozenset[str], by_others: frozenset[str]
) -> bool:
    """At "what day?", the language model named no day, the grammar decode one, and no n-best hypothesis another."""
    return expecting.kind is Expecting.DAY and not named and len(by_grammar) == 1 and by_others <= by_grammar


def _backed(
    expecting: Expectation,
    answers: ExpectedAnswers,
    grammar: DecodedWords,
    by_grammar: frozenset[str],
    by_others: frozenset[str],
    settings: ExpectationSettings,
) -> KeptWords:
    """The language model's best words named no answer, but the grammar decode and an n-best hypothesis name the
    same one: the grammar's words, if it is sure of itself, names one answer that no n-best hypothesis contradicts
    and rests on no confusable word ("the third one": the first or the third, asked); otherwise unsure."""
    why = f"unsure: {' or '.join(sorted(by_grammar | by_others))}"
    if len(by_grammar) != 1 or by_others != by_grammar or not _sure_of_itself(grammar, settings.grammar_posterior):
        return KeptWords((), why, unsure=True)
    if any(w in settings.confusable for w in grammar.words):
        return _either(expecting, by_grammar | _swapped(answers, grammar.words, settings.confusable), why)
    return KeptWords(grammar.words, None)


def _swapped(answers: ExpectedAnswers, words: tuple[str, ...], confusable: frozenset[str]) -> frozenset[str]:
    """The answers `words` would name with each confusable word in them replaced by the others ("the third one":
    the first)."""
    found: set[str] = set()
    for i, word in enumerate(words):
        if word in confusable:
            for other in confusable - {word}:
                found |= answers.answers_in((*words[:i], other, *words[i + 1 :]))
    return frozenset(found)


def _either(expecting: Expectation, keys: frozenset[str], why: str) -> KeptWords:
    """At a choice among offers, the offers the decodes disagree on as words the dialogue asks about ("the first
    one or the third one": "Sorry, was that 10 AM or 3 PM?"); elsewhere, or with one candidate, no words."""
    places = sorted(int(key.removeprefix("offer ")) for key in keys if key.startswith("offer "))
    if expecting.kind is not Expecting.CHOICE or len(places) < 2 or places[-1] > len(_ORDINALS):
        return KeptWords((), why, unsure=True)
    said = " or ".join(f"the {_ORDINALS[n - 1]} one" for n in places)
    return KeptWords(tuple(said.split()), None, unsure=True)


_ORDINALS = ("first", "second", "third", "fourth", "fifth")


_FILLERS = frozenset(("the", "a", "um", "uh", "yeah", "oh", "okay", "please", "one"))
_NUMBER_WORDS = frozenset(HOUR_WORDS) | frozenset(("fifteen", "thirty", "forty", "fifty", "noon", "midday"))


def _numbers_differ(heard: Sequence[str], grammar: Sequence[str]) -> bool:
    """The language model heard clock numbers and the grammar decode others: "no, the one thirty p.m. one" said after
    "was that 12:30 or 2:30?" came back "twelve thirty" from the grammar, with "twelve thirty" in the n-best list too,
    and booked 12:30 (benchmarks.spoken_calls s17, 8 kHz mu-law). The time heard is not one asked about; it is acted
    on as said (searched for), never replaced by an offered one. Numbers the language model missed do not count:
    "the ninth fifteen a.m. one" (thrown out) for the grammar's "the nine fifteen a.m. one" heard no other time."""
    return bool(_clock_numbers(heard) - _clock_numbers(grammar))


def _clock_numbers(words: Sequence[str]) -> set[str]:
    """The number words of a time said: "one" only as an hour ("one thirty", "one p.m."), never the "one" of "the
    twelve thirty p.m. one" (which made "no about one thirty p.m. one" agree with the grammar's twelve thirty)."""
    return {
        w
        for i, w in enumerate(words)
        if w in _NUMBER_WORDS and (w != "one" or (i + 1 < len(words) and words[i + 1] in _AFTER_AN_HOUR))
    }


_AFTER_AN_HOUR = _NUMBER_WORDS | frozenset(("o'clock", "oclock", "a.m.", "p.m.", "am", "pm"))


def _near_miss(heard: DecodedWords, grammar: DecodedWords, most: int) -> bool:
    """The two decodes' words are at most `most` word edits (insertions, deletions, substitutions) apart."""
    return _words_apart(heard.words, grammar.words) <= most


def _words_apart(a: Sequence[str], b: Sequence[str]) -> int:
    """Word edits (insertions, deletions, substitutions) from `a` to `b`."""
    row = list(range(len(b) + 1))
    for i, word in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, other in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (word != other))
    return row[-1]


def _answer_heard(heard: DecodedWords, least: float) -> bool:
    """The language model heard a one-word yes or no with at least `least` posterior."""
    return any(p >= least for w, p in zip(heard.words, heard.posteriors, strict=False) if w in YES_NO_WORDS)


def _sure_of_itself(decoded: DecodedWords, least: float) -> bool:
    """Every word of the decode but fillers has at least `least` posterior (there is at least one such word)."""
    kept = [p for w, p in zip(decoded.words, decoded.posteriors, strict=False) if w not in _FILLERS]
    return bool(kept) and min(kept) >= least
