"""Words no reader used that could change what a detail means: the interpretation is then flagged, never trusted.

Every reader blanks the words it understood. What is left after all of them ran is checked here: a left-over
"week", "after", "not", number, month, weekday or ordinal next to a day, a time, a service or a person means the
caller said more than was understood ("a week on tuesday" read as "tuesday" would be a wrong booking that sounds
right), so the agent asks instead of acting.
"""

from __future__ import annotations

from collections.abc import Sequence

from slotline.infrastructure.rules_nlu.numbers import cardinal_at, ordinal_at
from slotline.infrastructure.rules_nlu.vocabulary import MONTHS, WEEKDAYS
from slotline.infrastructure.rules_nlu.words import BLANK, wordset

__all__ = ["leftover_meaning"]

_MEANING = wordset(
    "week weeks fortnight fortnights month months year years days after before except not next last following "
    "previous hence ago fortnightly weekly monthly"
)
# "not" in these is about the caller, not the detail: "i'm not sure", "not bothered", "if not".
_HARMLESS_AFTER_NOT = wordset("sure bothered fussed fussy too really quite")
# A number word that is nearly always something else: "the one at three", "a check-up for me", "i need one".
_NOT_NUMBERS = wordset("one a an")


def _means_something(free: Sequence[str], i: int) -> bool:
    word = free[i]
    if word == "not":
        following = free[i + 1] if i + 1 < len(free) else BLANK
        return following not in _HARMLESS_AFTER_NOT
    if word in _MEANING or word in MONTHS or word in WEEKDAYS:
        return True
    if word in _NOT_NUMBERS:
        return False
    return cardinal_at(free, i) is not None or ordinal_at(free, i) is not None


def leftover_meaning(free: Sequence[str]) -> tuple[str, ...]:
    """The words in `free` (what no reader claimed) that could change a date, time, service or person."""
    return tuple(w for i, w in enumerate(free) if w != BLANK and _means_something(free, i))
