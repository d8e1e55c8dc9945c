"""An appointment moved by whole weeks with the thing moved in between: "push back Bella's dental a week",
"postpone my peel by one week", "prepone it by a week" (issue 13). The phrase table in references.py holds the
forms with nothing in between ("back a week", "a week later")."""

from __future__ import annotations

from collections.abc import Sequence

from slotline.infrastructure.rules_nlu.numbers import cardinal_at
from slotline.infrastructure.rules_nlu.vocabulary import WEEKDAYS
from slotline.infrastructure.rules_nlu.words import Found, word_at, wordset

__all__ = ["find_week_move"]

_MOST_WEEKS = 8  # "push it back twenty weeks" is not a move this reads
_UNITS = {"week": 1, "weeks": 1, "fortnight": 2}
_LATER = wordset("push postpone postponed delay back out move shift bump")
_EARLIER = wordset("prepone preponed forward bring earlier advance")
# "a week on tuesday", "a week from friday", "a week today", "a week later" are dates or read elsewhere
_NOT_AFTER = wordset("on from after today tomorrow tonight of this next before later earlier ago time ahead")
_REACH = 6  # how far before the amount the verb may stand


def find_week_move(words: Sequence[str]) -> Found[int] | None:
    """Weeks to move by (negative: earlier), where a moving verb stands a few words before the amount."""
    for i, word in enumerate(words):
        if word not in _UNITS or word_at(words, i + 1) in _NOT_AFTER or word_at(words, i + 1) in WEEKDAYS:
            continue
        amount = _count_before(words, i)
        if amount is None or not 1 <= amount.value <= _MOST_WEEKS or (word == "fortnight" and amount.value != 1):
            continue
        count = amount.value
        start = amount.start - (word_at(words, amount.start - 1) == "by")
        verbs = set(words[max(0, start - _REACH) : start])
        if verbs & _EARLIER:
            sign = -1
        elif verbs & _LATER:
            sign = 1
        else:
            continue
        return Found(sign * count * _UNITS[word], start, i + 1)
    return None


def _count_before(words: Sequence[str], i: int) -> Found[int] | None:
    """The number of units said just before word `i`: "a", "one", "2", "twenty three"."""
    if word_at(words, i - 1) == "a":
        return Found(1, i - 1, i)
    for start in (i - 2, i - 1):
        found = cardinal_at(words, start)
        if found is not None and found.end == i:
            return found
    return None
