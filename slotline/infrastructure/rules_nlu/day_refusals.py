"""A day the caller rules out after saying it: "Tuesday I can't", "Thursday's not great", "Friday is no good",
"Monday won't work for me". Said beside another day ("ay no, Tuesday I can't, anything on Saturday?"), the other one
is the wish; said alone, no day is wished.

A refusal followed by a part of the day or a time is not the day's ("Tuesday I can't do mornings", "Friday's no good
before ten"): the day stays as said and the other readers take the rest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.words import Found, claim, word_at, wordset

__all__ = ["echoed_as_nothing", "refused_after"]

# "nothing on Friday? Och. Saturday then": the agent's own words asked back, the day no wish (not "I've got nothing
# on Friday", a free day).
_ECHOED = re.compile(
    r"(?:^|[.!?,]\s*)(?:oh,? |och,? |so |really,? )?(?:there'?s |is there )?nothing(?: at all| left| free)?"
    r" (?:on|for) (?:the )?([\w']+)\s*\?"
)

_LINKS = wordset("is s are would will really just i we she he hella super so way pretty too very a")
_CANNOT = wordset("cant cannot wont doesnt dont isnt aint")
# After "can't"/"won't": what the caller cannot do on the day, or the clause ends ("he won't ring himself" is no
# refusal of the day before it).
_CANT_DO = "do make come manage attend go work be it that then sorry so but anything what how any is are can could"
_CANNOT_DO = wordset(_CANT_DO) | {""}
# "Wednesday's hella busy for me", "Mondays are hopeless for me", "Friday is a nightmare"
_BAD = wordset("bad difficult tricky hard impossible out busy hopeless useless awful terrible rubbish hectic nightmare")
_FREED_FROM = wordset("school work class college uni hospital")
_NOT = wordset("no not never")  # only before a word of liking: "friday is no good", "thursday's not great"
_NOT_GOOD = wordset("good great ideal possible convenient brilliant any so really working")
# Within a few words after the refusal, these make it about a part of the day or a time, not the day.
_ABOUT_A_TIME = wordset(
    "morning mornings afternoon afternoons evening evenings night nights early late earlier later before after "
    "until till by at noon midday lunch lunchtime oclock am pm first last"
)
_REACH = 3


def refused_after(words: Sequence[str], free: list[str], days: list[Found[DayReading]]) -> list[Found[DayReading]]:
    """`days`, with those the caller refuses right after saying them no longer counted (the refusal's words are
    claimed from `free`, the words no reader has used yet: they were understood)."""
    kept: list[Found[DayReading]] = []
    for f in days:
        stop = _refused(words, f.end)  # claimed for a day already ruled out too: "thursday's not great", "not" read
        if stop is not None:
            claim(free, Found(None, f.end, stop))
            f = Found(replace(f.value, counts=False), f.start, f.end)
        kept.append(f)
    return kept


def _refused(words: Sequence[str], end: int) -> int | None:
    """Where the refusal after the day ending at `end` ends, or None."""
    j = end
    while j < len(words) and j < end + 2 and words[j] in _LINKS:
        j += 1
    said = word_at(words, j)
    if said == "out" and word_at(words, j + 1) == "of" and word_at(words, j + 2) in _FREED_FROM:
        return None  # "friday? he out of school all week": free then, not busy
    if (said in _CANNOT and word_at(words, j + 1) in _CANNOT_DO) or said in _BAD:
        stop = j + 1
    elif said in _NOT and word_at(words, j + 1) in _NOT_GOOD:
        stop = j + 2
    else:
        return None
    after = words[stop : stop + _REACH]
    return None if any(w in _ABOUT_A_TIME or w[:1].isdigit() for w in after) else stop


def echoed_as_nothing(utterance: str, words: Sequence[str], days: list[Found[DayReading]]) -> list[Found[DayReading]]:
    """`days`, with a day the caller asks back as having nothing ("nothing on Friday? Och. Saturday then") no longer
    counted when another day follows it; alone ("nothing on Monday?") it asks for that day."""
    echoed = {m.group(1).replace("'", "") for m in _ECHOED.finditer(utterance.lower())}
    return [
        Found(replace(f.value, counts=False), f.start, f.end)
        if f.value.counts
        and any(g.value.counts and g.start > f.start and g.value.day != f.value.day for g in days)
        and echoed.intersection(words[f.start : f.end])
        and "nothing" in words[max(0, f.start - 4) : f.start]
        else f
        for f in days
    ]
