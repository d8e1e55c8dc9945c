"""A part of the day led by words no day could be: a day said but not made out, so which day is asked (issue 14).

A caller says a part of the day after a day ("tuesday morning", "tomorrow afternoon"), after a few words that make
it one ("in the morning", "this afternoon", "any evening", "first thing in the morning", "i'd like the morning"), or
at the start of the turn. A recogniser that misses the day puts other short words in its place: "on tuesday
morning" came out "on to the morning", "thursday afternoon" "for third the afternoon" (which reads as the 3rd) or
"whatever the afternoon", "friday morning" "right the morning" or "i'd like morning". Read as it stands, such a turn
offers mornings on any day, or on another day, and a caller who did not listen to the date confirms it. So a part
of the day is checked for what leads it: a day the readers found, one of the words that lead a part of the day, or
"the" after a word that leads "the <part>"; two prepositions in a row ("on to the morning") lead nothing, nor does
"on the morning" with no "of" after it ("to monday morning" came out "um on the morning"). Anything
else leaves the day unsure, and the agent asks which day, keeping the rest of the request.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from slotline.infrastructure.common.hour_words import HOUR_WORDS
from slotline.infrastructure.rules_nlu.day_parts import after_not, wished_parts
from slotline.infrastructure.rules_nlu.numbers import ordinal_at
from slotline.infrastructure.rules_nlu.vocabulary import WEEKDAYS
from slotline.infrastructure.rules_nlu.words import word_at, wordset

__all__ = ["day_lost_before_part"]

_LEADS = wordset(
    "this that a any one some sometime anytime early late mid every same next each good in of for or and "
    "your weekday weekend weekdays weekends both either other whole all later earlier today tomorrow tonight "
    "hi hello hiya hey instead then please thanks too also though anyway fine great day actually well oh so but ok "
    "okay sorry maybe um uh anything something "  # "actually, afternoon's better for me", "anything afternoon-side?"
    "oclock am pm"  # Thai, Malaysian and South Asian English: "eleven o'clock morning", "6 evening"
    " them those these"  # "none of them mornings suit" (Yorkshire "them": those)
)
# "in the morning", "sometime during the afternoon", "i'd like the morning", "can you do the evening"
_BEFORE_THE = wordset(
    "in for during all by on of until till before after whole into around at to about like prefer take want do "
    "need try book have get suit suits is whats hows s than rather ok okay yes yeah no so well then oh actually "
    "maybe perhaps just day mean meant it make"  # "make it the afternoon"
)
_PARTS = wordset("morning afternoon evening")  # "tonight" and "at night" lead nothing
_PREPOSITIONS = wordset("on in for at to by of")
# What leads "to the morning" when a caller says it: "move it to the morning", "change my booking to the afternoon"
_MOVED_TO = wordset(
    "move moved change changed switch switched push pushed bring put shift it that one appointment booking back "
    "forward over up down them him her"
)


def day_lost_before_part(words: Sequence[str], day_words: frozenset[int], starts: frozenset[int] = frozenset()) -> bool:
    """Whether a part of the day the caller wishes for is led by words that no day could be (`day_words`: the
    positions of the words the day readers found; `starts`: where a clause after the first starts, which a part of
    the day may lead: "a massage, one hour? Afternoon")."""
    parts = (p for p in wished_parts(words) if p > 0 and p not in starts and words[p] in _PARTS)
    parts = (p for p in parts if not after_not(words, p))  # "seven in the evening, not the morning"
    parts = (p for p in parts if not (words[p - 1] == "the" and p - 1 in starts))  # "ah right, the morning then"
    return any(not _led_well(words, p, day_words) for p in parts)


def _a_clock_time(words: Sequence[str], i: int) -> bool:
    """ "6 evening", "9:45 morning", "half six evening": a time said just before a part of the day (South Asian,
    Thai and Malaysian English), which leads it as "in the" would."""
    return bool(_CLOCK.fullmatch(words[i])) or words[i] in _HOUR_WORDS


_CLOCK = re.compile(r"(?:[1-9]|1[0-2])(?::[0-5]\d)?")
_HOUR_WORDS = frozenset(HOUR_WORDS)


def _led_well(words: Sequence[str], p: int, day_words: frozenset[int]) -> bool:
    lead = words[p - 1]
    if p - 1 in day_words or lead in WEEKDAYS or _a_clock_time(words, p - 1):
        return True
    if lead != "the":
        return lead in _LEADS
    if p == 1:
        return True  # "the morning would be best"
    before = words[p - 2]
    if p - 2 in day_words and ordinal_at(words, p - 2) is None:
        return True  # "christmas eve, the afternoon"; "for third the afternoon" is "thursday" heard short

    if before not in _BEFORE_THE or (before == "to" and word_at(words, p - 3) not in _MOVED_TO):
        return False  # "to the morning", "a massage the to the afternoon": "tuesday" heard short
    if before == "on" and word_at(words, p + 1) != "of":
        return False  # "change my appointment um on the morning": "to monday morning" heard short ("on the morning
        # of the 5th" is led by the day after it)
    return not (before in _PREPOSITIONS and word_at(words, p - 3) in _PREPOSITIONS)
