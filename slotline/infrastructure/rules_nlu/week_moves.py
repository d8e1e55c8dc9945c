"""An appointment moved by whole weeks with the thing moved in between: "push back Bella's dental a week",
"postpone my peel by one week", "prepone it by a week" (issue 13). The phrase table in references.py holds the
forms with nothing in between ("back a week", "a week later")."""

from __future__ import annotations

from collections.abc import Sequence

from slotline.infrastructure.rules_nlu.vocabulary import WEEKDAYS
from slotline.infrastructure.rules_nlu.words import Found, word_at, wordset

__all__ = ["find_week_move"]

_COUNTS = {"a": 1, "one": 1, "1": 1, "two": 2, "2": 2, "three": 3, "3": 3}
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
        count = _COUNTS.get(word_at(words, i - 1))
        if count is None or (word == "fortnight" and count != 1):
            continue
        start = i - 1 - (word_at(words, i - 2) == "by")
        verbs = set(words[max(0, start - _REACH) : start])
        if verbs & _EARLIER:
            sign = -1
        elif verbs & _LATER:
            sign = 1
        else:
            continue
        return Found(sign * count * _UNITS[word], start, i + 1)
    return None
