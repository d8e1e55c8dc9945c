"""Answers to "what day?" (issue 14): a factored grammar of them, and what day and part of day a hypothesis names.

The grammar is built from rules (an optional "next"/"this", a weekday, an optional part of day), not from a flat
list of the 138 day phrases: the flat one took 4.5 s (16 kHz) to 11 s (8 kHz) to decode, this one 60-210 ms
(docs/performance.md). It has no clock times: "thursday at ten" comes out as some "thursday ..." or is forced onto
another day, so it only vetoes the language model's day, never stands in for it by itself, but for one case: a day
lost whole ("tuesday morning" heard "to the morning", the part of the day heard alike by both decodes).
"""

from __future__ import annotations

from collections.abc import Sequence

from slotline.infrastructure.common.hour_words import HOUR_WORDS

__all__ = ["DAY_WORDS", "day_grammar", "day_lost", "either_week", "part_of", "parts_clash", "the_day"]

DAY_WORDS = frozenset(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow")
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PARTS = ("morning", "afternoon", "evening")
_LEADS = ("um", "uh", "oh", "okay", "yes", "yeah", "well", "on", "i'd like", "can i do", "how about")
_TAILS = ("please", "thanks", "thank you", "then", "is fine", "works")
_CLOCK = frozenset(("noon", "midday", "o'clock", "a.m.", "p.m."))
# The clock words a part of the day can be heard as ("afternoon" as "at noon", "at two"); "thursday at ten" against
# the grammar's forced "thursday afternoon" is no clash.
_HOURS_IN = {
    "morning": frozenset(("seven", "eight", "nine", "ten", "eleven", "a.m.")),
    "afternoon": frozenset(("noon", "midday", "twelve", "one", "two", "three", "four", "five", "p.m.")),
    "evening": frozenset(("five", "six", "seven", "eight", "nine", "p.m.")),
}
_HOURS = frozenset(HOUR_WORDS)


def day_grammar(vocabulary: frozenset[str]) -> str:
    """JSGF, factored: [lead] [next | this] weekday [part] [tail], or [lead] today | tomorrow [part] [tail]."""

    def known(phrases: Sequence[str]) -> str:
        return " | ".join(p for p in phrases if set(p.split()) <= vocabulary)

    parts = [*_PARTS, *(f"in the {p}" for p in _PARTS if p != "evening")]
    which = known(("next", "this"))
    return "\n".join(
        [
            "#JSGF V1.0;",
            "grammar day;",
            "public <turn> = [<lead>] <day> [<tail>];",
            f"<lead> = {known(_LEADS)};",
            f"<tail> = {known(_TAILS)};",
            f"<day> = {f'[{which}] ' if which else ''}<weekday> [<part>] | ({known(('today', 'tomorrow'))}) [<part>];",
            f"<weekday> = {known(_WEEKDAYS)};",
            f"<part> = {known(parts)};",
        ]
    )


# What a day word lost whole to the language model comes out as: "tuesday morning" as "to the morning", "thursday
# afternoon" as "for the afternoon"
_LOST_DAY = frozenset(("to", "the", "on", "for", "a", "uh", "um", "at", "in", "of", "da", "like"))


def day_lost(heard: Sequence[str], grammar: Sequence[str]) -> bool:
    """The language model heard only a part of the day with short words where a day would be, and the grammar decode
    the same part of the day after a day."""
    part = part_of(heard)
    if part is None or part != part_of(grammar) or not DAY_WORDS.intersection(grammar):
        return False
    return all(w in _LOST_DAY or w in _PARTS for w in heard)


def the_day(key: str) -> str:
    """ "next thursday afternoon" -> "next thursday": the day an answer to "what day?" names, without its part."""
    words = key.split()
    ends = [i for i, w in enumerate(words) if w in DAY_WORDS]
    return " ".join(words[: ends[0] + 1]) if ends else key


def part_of(words: Sequence[str]) -> str | None:
    """The part of the day a hypothesis names: "morning", "afternoon", "evening", "clock" for a clock time ("at
    noon", "at two", "ten a.m."), or None."""
    for i, word in enumerate(words):
        if word in _PARTS:
            return word
        if word == "noon" and i > 0 and words[i - 1] == "after":  # "after noon" is the afternoon
            return "afternoon"
        if word in _CLOCK or (word in _HOURS and i > 0 and words[i - 1] == "at"):
            return "clock"
    return None


def parts_clash(heard: Sequence[str], other: Sequence[str]) -> bool:
    """Two hypotheses name different parts of the day (or a part against a clock time: "monday afternoon" heard as
    "monday at noon" or "monday at two"); one naming none is no clash."""
    mine, theirs = part_of(heard), part_of(other)
    if mine is None or theirs is None or mine == theirs:
        return False
    if "clock" in (mine, theirs):  # the grammar has no clock times: only a time inside that part can be mistaken for it
        part = theirs if mine == "clock" else mine
        clock = heard if mine == "clock" else other
        return bool(_HOURS_IN[part].intersection(clock))
    return True


_WEEK_LEADS = frozenset(("this", "next"))


def either_week(words: Sequence[str]) -> tuple[str, ...]:
    """ "this friday" and "next friday" as "this or next friday": on 8 kHz lines the two are not told apart ("next
    friday at three" came back "this friday at three" in every one of 8 n-best hypotheses, as "first" does as
    "third"), so the understanding asks which day when the two name different days (rules_nlu/this_or_next.py)."""
    out: list[str] = []
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        before = words[i - 1] if i else ""
        if word in _WEEK_LEADS and following in _WEEKDAYS and before != "or":
            out += ["this", "or", "next"]
        else:
            out.append(word)
    return tuple(out)
