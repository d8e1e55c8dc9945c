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
    return None
