"""Loose time wishes: a part of the day ("in the afternoon", "tonight") and "as soon as possible"."""

from __future__ import annotations

from collections.abc import Sequence

from slotline.domain.preference import PartOfDay
from slotline.infrastructure.rules_nlu.other_events import another_events_part
from slotline.infrastructure.rules_nlu.phrases import PhraseTable
from slotline.infrastructure.rules_nlu.vocabulary import WEEKDAYS
from slotline.infrastructure.rules_nlu.words import Found, word_at, wordset

__all__ = ["EARLIEST_PHRASES", "after_not", "at_opening", "find_earliest", "find_part_of_day", "wished_parts"]

_PARTS = {
    "morning": PartOfDay.MORNING,
    "mornings": PartOfDay.MORNING,
    "afternoon": PartOfDay.AFTERNOON,
    "afternoons": PartOfDay.AFTERNOON,
    "evening": PartOfDay.EVENING,
    "evenings": PartOfDay.EVENING,
    "tonight": PartOfDay.EVENING,
    "night": PartOfDay.EVENING,
}
EARLIEST_PHRASES = (
    "as soon as possible",
    "as early as possible",
    "soon as possible",
    "a s a p",
    "asap",
    "the earliest",
    "earliest",
    "soonest",
    "first available",
    "next available",
    "first opening",
    "next opening",
    "first free",
    "next free",
    "first thing",
    "right away",
    "right now",
    # the first slot of the day asked for ("anything right when you open?")
    "when you open",
    "as you open",
    "when you first open",
    "when the doors open",
    "opening time",
    "start of the day",
    "first of the day",
    # "Monday, whatever's first": the first free that day, not the first of offers yet to be read
    *(f"{w} {v} first" for w in ("whatever", "whichever") for v in ("s", "is", "comes", "you have", "you got")),
    "whatevers first",
    "whichevers first",
    # "oh ok, whatever's next today then": the next free, as "next available"
    *(f"whatever {v} next" for v in ("s", "is", "comes", "you have", "you got")),
    "whatevers next",
)
_EARLIEST = PhraseTable((True, p) for p in EARLIEST_PHRASES)


# After a part of the day, these rule it out: "mornings are bad for me", "evenings don't work".
_RULED_OUT_AFTER = wordset("bad difficult tricky hard impossible out dont doesnt wont arent isnt cant")
_NEGATIONS = wordset("no not never")  # only after a link: "mornings are no good"; "mornings not before ten" is a wish
_LINKS = wordset("are is would will really just")


_CANNOT = wordset("cant cannot couldnt")
_WHO_CANNOT = wordset("i we she he")
# Between "I can't" and the part of the day, these start another wish: "I can't do Tuesday, could I come Wednesday
# in the morning" (the morning is wished).
_ANOTHER_WISH = wordset("can could would but so maybe how what any anything or")
_CANNOT_REACH = 9  # "I can't get away from the office in the morning"


def _cannot_before(words: Sequence[str], i: int) -> bool:
    """ "I can't get out of work in the morning": a part of the day the caller cannot do, said with something to do
    in it ("Wednesday I can't do mornings" is asked about)."""
    if word_at(words, i - 1 - (word_at(words, i - 1) == "the")) != "in":
        return False
    for k in range(i - 1, max(i - 1 - _CANNOT_REACH, -1), -1):
        if words[k] in _ANOTHER_WISH or words[k] in WEEKDAYS or not words[k]:
            return False
        if words[k] in _CANNOT:
            return word_at(words, k - 1) in _WHO_CANNOT
    return False


def _ruled_out(words: Sequence[str], i: int) -> bool:
    """ "mornings are bad", "evenings don't work", "the morning's no good": a part of the day the caller cannot do."""
    if word_at(words, i + 1) in ("person", "people"):
        return True  # "I'm not a morning person": what someone is like
    if _cannot_before(words, i):
        return True
    if word_at(words, i - 2) == "of" and word_at(words, i - 3) in ("none", "neither"):
        return True  # "none of them mornings suit", "neither of those afternoons"
    j = i + 1
    while j < len(words) and j <= i + 3 and words[j] in _LINKS:
        j += 1
    return j < len(words) and (words[j] in _RULED_OUT_AFTER or (j > i + 1 and words[j] in _NEGATIONS))


# After a part of the day that opens the turn, these start the caller's sentence: "morning, I need an MOT" is a
# greeting ("morning please", "mornings are best" are wishes).
_SENTENCE_STARTS = wordset(
    "i im id ive ill can could do hi hello hiya there yes yeah my we were weve its it just so well"
)


def _a_greeting(words: Sequence[str], i: int) -> bool:
    return (i and words[i - 1] == "good") or (i == 0 and word_at(words, 1) in _SENTENCE_STARTS)


def find_part_of_day(words: Sequence[str], skip: frozenset[int] = frozenset()) -> PartOfDay | None:
    """The part of the day said last ("morning, no, afternoon" means the afternoon); "good night" and "morning, I
    need..." are no wish, and neither is a part ruled out ("mornings are bad for me") nor one at `skip`."""
    found = [i for i in wished_parts(words) if i not in skip]
    # "seven in the evening, not the morning": the part after "not" is the contrast, when another part is wished
    # (alone, "not in the morning" is read and its "not" asked about; "morning, no, afternoon" is a correction)
    found = [i for i in found if not after_not(words, i)] or found
    return _PARTS[words[found[-1]]] if found else None


def after_not(words: Sequence[str], i: int) -> bool:
    """The part of the day at `i` follows "not (in) (the)": "not the morning", "not in the evening"."""
    k = i - 1 - (word_at(words, i - 1) in ("the", "a"))
    k -= word_at(words, k) == "in"
    return word_at(words, k) == "not"


def wished_parts(words: Sequence[str]) -> list[int]:
    """Where the parts of the day the caller wishes for are, in order."""
    return [
        i
        for i, w in enumerate(words)
        if w in _PARTS
        and not _a_greeting(words, i)
        and not _ruled_out(words, i)
        and not another_events_part(words, i)  # "I've got a meeting in the morning"
    ]


def find_earliest(words: Sequence[str]) -> list[Found[bool]]:
    """Every "as soon as possible" phrase, so that "first available" is not read as an ordinal."""
    return _EARLIEST.scan(words)


_AT_OPENING = wordset("thing open opening start doors")


def at_opening(words: Sequence[str], earliest: Sequence[Found[bool]]) -> bool:
    """ "first thing", "when you open", "start of the day": the earliest said as the start of the day."""
    return any(_AT_OPENING.intersection(words[f.start : f.end]) for f in earliest)
