"""How soon from now, said as a wait: "in half an hour", "in like twenty minutes", "in an hour or so": today, from
then on (the booking rules then say what the earliest is)."""

from __future__ import annotations

from collections.abc import Sequence

from slotline.infrastructure.rules_nlu.numbers import cardinal_at
from slotline.infrastructure.rules_nlu.phrases import PhraseTable
from slotline.infrastructure.rules_nlu.words import Found, word_at, wordset

__all__ = ["find_wait"]

_WAITS = PhraseTable(
    [
        *((30, p) for p in ("half an hour", "half hour", "a half hour")),
        *((60, p) for p in ("an hour", "one hour", "a hour")),
        *((120, p) for p in ("a couple of hours", "a couple hours", "couple of hours")),
    ]
)
_HEDGES = wordset("like about around roughly maybe say just")
_UNITS = {"minutes": 1, "minute": 1, "mins": 1, "min": 1, "hours": 60, "hour": 60, "hrs": 60}
_MOST = 6 * 60  # past this, "in" is no wait from now


def find_wait(words: Sequence[str]) -> Found[int] | None:
    """Minutes from now of "in (like) half an hour", "in 20 minutes", "in two hours"; None when no wait is said."""
    for i, word in enumerate(words):
        if word != "in":
            continue
        j = i + 1
        while word_at(words, j) in _HEDGES:
            j += 1
        phrase = _WAITS.match_at(words, j)
        if phrase is not None:
            return Found(phrase.value, i, phrase.end)
        count = cardinal_at(words, j)
        unit = _UNITS.get(word_at(words, count.end)) if count is not None else None
        if count is not None and unit is not None and 0 < count.value * unit <= _MOST:
            return Found(count.value * unit, i, count.end + 1)
    return _come_now(words)


_COME_HOW = wordset("in over by down round around along")
_NOT_NOW_AFTER = wordset("and then on but or")  # "come now and then", "now on Friday": no wait said


def _come_now(words: Sequence[str]) -> Found[int] | None:
    """ "can I come now?", "can I come in right now", "come over now": no wait at all."""
    for i, word in enumerate(words):
        if word != "come":
            continue
        j = i + 1 + (word_at(words, i + 1) in _COME_HOW)
        j += word_at(words, j) == "right"
        if word_at(words, j) == "now" and word_at(words, j + 1) not in _NOT_NOW_AFTER:
            return Found(0, i + 1, j + 1)
    return None
