"""The answers a question expects, in the recogniser's words: phrases per answer, and a JSGF grammar of them.

Made from an Expectation (slotline.domain.dialogue.expectation): at a read-back "yes" and "no"; at a choice among
offers each offer by its ordinal, its time said the ways callers say times ("one thirty", "half past one", "one
thirty p.m.") and its staff member; at "what day?" the days; at "what would you like to book?" each service by every
name. Only words in the decoder's dictionary are used. `answers_in(words)` says which answers a hypothesis names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import time

from slotline.domain.dialogue.expectation import Expectation, Expecting, OfferedSlot
from slotline.infrastructure.pocketsphinx_stt.days import day_grammar

__all__ = ["CLOSED", "YES_NO_WORDS", "ExpectedAnswers", "expected_answers", "spoken_times"]

CLOSED = (Expecting.YES_NO, Expecting.CHOICE, Expecting.DAY, Expecting.SERVICE)
"""Questions with a short list of answers, listened for with a grammar; the others are decoded as before. "What
day?" has a factored grammar (days.py): its flat grammar of 138 day phrases took 4.5 s to decode at 16 kHz and 11 s
at 8 kHz, so the agent fell silent at the question."""

_YES = ("yes", "yeah", "yep", "sure", "okay", "correct", "that's right", "that's fine", "sounds good", "go ahead")
# "no that's all" answers "anything else?" (without it the grammar forced "no that's all thanks" onto "the go ahead
# thank you", sure of itself, and the turn was unsure); "that's it" is left out: at a read-back it can be a yes
_NO = ("no", "nope", "no thanks", "no thank you", "no that's all", "that's all", "nothing else")
YES_NO_WORDS = frozenset(p for p in (*_YES, *_NO) if " " not in p)
"""The one-word answers to a yes/no question."""
_ORDINALS = ("first", "second", "third", "fourth", "fifth")
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow")
_HOURS = ("twelve", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")
_MINUTES = {15: "fifteen", 30: "thirty", 45: "forty five", 10: "ten", 20: "twenty", 40: "forty", 50: "fifty"}
# Said around an answer: "um, the first one please", "yes, the one thirty", "i'll take the ten o'clock".
_LEADS = ("um", "uh", "oh", "okay", "yes", "yeah", "well", "i'll take", "i'd like", "can i have", "can i do", "on")
_TAILS = ("please", "thanks", "thank you", "then", "one", "one please", "is fine", "works")


def spoken_times(at: time) -> tuple[str, ...]:
    """How a caller says a wall-clock time, in the recogniser's words ("1:30 PM": "one thirty", "half past one"...)."""
    if at == time(12, 0):
        return ("noon", "twelve", "twelve o'clock", "midday")
    hour = _HOURS[at.hour % 12]
    half = "a.m." if at.hour < 12 else "p.m."
    if at.minute == 0:
        bare = () if hour == "one" else (hour,)  # a bare "one" is "the third one"'s word too
        return (*bare, f"{hour} o'clock", f"{hour} {half}")
    minutes = _MINUTES.get(at.minute)
    if minutes is None:
        return ()
    said = [f"{hour} {minutes}", f"{hour} {minutes} {half}"]
    if at.minute == 30:
        said.append(f"half past {hour}")
    if at.minute == 15:
        said.append(f"quarter past {hour}")
    if at.minute == 45:
        said.append(f"quarter to {_HOURS[(at.hour + 1) % 12]}")
    return tuple(said)


@dataclass(frozen=True, slots=True)
class ExpectedAnswers:
    """Each answer (a key such as "yes" or "offer 2") with its phrases; frozen and picklable."""

    answers: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]
    """(key, phrases as word tuples)."""
    compact: str | None = None
    """A JSGF grammar built from rules that says the same answers compactly (days.py), used instead of the flat
    list of phrases, which is too slow to decode when the answers are many."""

    def answers_in(self, words: Sequence[str]) -> frozenset[str]:
        """The keys of the answers whose phrases occur in `words`; a phrase inside a longer one found there does
        not count ("wednesday" in "next wednesday")."""
        spans = [
            (start, start + len(phrase), key)
            for key, phrases in self.answers
            for phrase in phrases
            for start in _starts(words, phrase)
        ]
        return frozenset(
            key
            for start, end, key in spans
            if not any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in spans)
        )

    def grammar(self) -> str:
        """JSGF: an optional lead-in, one answer, an optional tail (or the compact grammar, when there is one)."""
        if self.compact is not None:
            return self.compact
        rules = []
        names = []
        for n, (_, phrases) in enumerate(self.answers):
            names.append(f"<a{n}>")
            rules.append(f"<a{n}> = {' | '.join(' '.join(p) for p in phrases)};")
        return "\n".join(
            [
                "#JSGF V1.0;",
                "grammar expected;",
                f"public <turn> = [<lead>] [the] ({' | '.join(names)}) [<tail>];",
                f"<lead> = {' | '.join(_LEADS)};",
                f"<tail> = {' | '.join(_TAILS)};",
                *rules,
            ]
        )


def _starts(words: Sequence[str], phrase: tuple[str, ...]) -> Iterable[int]:
    n = len(phrase)
    return (i for i in range(len(words) - n + 1) if tuple(words[i : i + n]) == phrase)


def expected_answers(expecting: Expectation, vocabulary: frozenset[str]) -> ExpectedAnswers | None:
    """The answers to listen for, in words of `vocabulary`; None for a question without a short list of answers."""
    keyed: list[tuple[str, Iterable[str]]] = []
    match expecting.kind:
        case Expecting.YES_NO:
            keyed = [("yes", _YES), ("no", _NO)]
        case Expecting.CHOICE:
            keyed = [(f"offer {n}", _offer_phrases(n, offer, expecting.offers)) for n, offer in _numbered(expecting)]
        case Expecting.DAY:  # "next wednesday" is not "this wednesday", nor "monday afternoon" "monday at noon"
            keyed = [
                (said, (said,))
                for day in _DAYS
                for which in ("", "next ", "this ")
                for part in ("", " morning", " afternoon", " evening", " in the morning", " in the afternoon")
                for said in [f"{which}{day}{part}"]
                if not (which and day in ("today", "tomorrow"))
            ]
        case Expecting.SERVICE:
            keyed = [(names[0], names) for names in expecting.services if names]
        case _:
            return None
    answers = []
    for key, phrases in keyed:
        usable = tuple(dict.fromkeys(tuple(p.split()) for p in phrases if set(p.split()) <= vocabulary))
        if usable:
            answers.append((key, usable))
    if len(answers) < 2:
        return None
    return ExpectedAnswers(tuple(answers), day_grammar(vocabulary) if expecting.kind is Expecting.DAY else None)


def _numbered(expecting: Expectation) -> Iterable[tuple[int, OfferedSlot]]:
    return enumerate(expecting.offers, 1)


def _offer_phrases(n: int, offer: OfferedSlot, offers: Sequence[OfferedSlot]) -> list[str]:
    phrases = []
    if n <= len(_ORDINALS):
        phrases += [f"{_ORDINALS[n - 1]}", f"number {_HOURS[n]}"]
    if n == len(offers):
        phrases.append("last")
    same_time = [o for o in offers if o.at == offer.at]
    if len(same_time) == 1:
        phrases += spoken_times(offer.at)
    first_name = offer.staff.split()[0].lower()
    if sum(o.staff.split()[0].lower() == first_name for o in offers) == 1:
        phrases += [f"with {first_name}", f"with {offer.staff.lower()}", first_name]
    same_day = len({o.day for o in offers}) == 1
    if not same_day and sum(o.day == offer.day for o in offers) == 1:
        phrases += [f"{offer.day:%A}".lower()]
    return phrases
