"""How long the service lasts, said beside it: "aroma oil massage, ninety minutes": the length, never a time.

A number of minutes or hours that is exactly the length of the service read says which service the caller means,
and changes nothing. Any other length ("a massage, sixty minutes" when it lasts ninety) is left for `unsure` to
ask about, and "in ninety minutes" or "ninety minutes from now" is a time, never a length.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from slotline.infrastructure.rules_nlu.numbers import cardinal_at
from slotline.infrastructure.rules_nlu.words import Found, word_at, wordset

__all__ = ["length_said", "the_one_of_length"]

_UNITS = {"minute": 1, "minutes": 1, "min": 1, "mins": 1, "hour": 60, "hours": 60, "hr": 60, "hrs": 60}
_A_TIME_BEFORE = wordset("in within after before by")
_A_TIME_AFTER = wordset("from later earlier early late away before after ago time past to")


def length_said(free: Sequence[str], length: timedelta) -> list[Found[None]]:
    """Where `free` says exactly `length` as a number of minutes or hours that is no time."""
    found = []
    for i in range(len(free)):
        count = cardinal_at(free, i)
        unit = _UNITS.get(word_at(free, count.end)) if count is not None else None
        if count is None or unit is None or timedelta(minutes=count.value * unit) != length:
            continue
        if word_at(free, i - 1) in _A_TIME_BEFORE or word_at(free, count.end + 1) in _A_TIME_AFTER:
            continue
        found.append(Found(None, i, count.end + 1))
    return found


_GETTING = wordset("get have book take want need do")
_ONES = wordset("one appointment session slot consult consultation visit treatment")


def the_one_of_length(free: Sequence[str]) -> Found[int] | None:
    """ "the half-hour one", "the 45 minute appointment", "the hour-long one": a service named by how long it lasts
    (its minutes), where no service is named."""
    for i, word in enumerate(free):
        if word != "the":
            continue
        j, minutes = i + 1, None
        if (word_at(free, j), word_at(free, j + 1)) == ("half", "hour"):
            j, minutes = j + 2, 30
        elif word_at(free, j) == "hour":
            j, minutes = j + 1, 60
        else:
            count = cardinal_at(free, j)
            unit = _UNITS.get(word_at(free, count.end)) if count is not None else None
            if count is not None and unit is not None:
                j, minutes = count.end + 1, count.value * unit
        j += word_at(free, j) == "long"
        with_whom = word_at(free, j) == "with" and word_at(free, i - 1) in _GETTING  # "get the half hour with someone"
        if minutes is not None and (word_at(free, j) in _ONES or with_whom):
            return Found(minutes, i, j + 1)
    return None
