"""A time the caller has, moved to another time: "could you move the 2 o'clock one to 4?" is the 2 PM appointment,
moved two hours on (a bare "4" alone would be asked about); in "move the 11 o'clock to Saturday at 9" the 11 o'clock
names the appointment, and 9 is the new time."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import time

from slotline.infrastructure.rules_nlu.numbers import cardinal_at
from slotline.infrastructure.rules_nlu.times import TimeReading
from slotline.infrastructure.rules_nlu.vocabulary import MOVES
from slotline.infrastructure.rules_nlu.words import Found, word_at, wordset

__all__ = ["moved_to_time", "times_had"]

_POINTERS = wordset("the my his her our their")
_ONES = wordset("one appointment booking session slot")
_MOVES = MOVES | wordset("moved moving")
_DIGITS = re.compile(r"(\d{1,2})(?::(\d{2}))?")
_DAY_MINUTES = 24 * 60


def moved_to_time(
    words: Sequence[str], had: Found[TimeReading], settle: Callable[[TimeReading], TimeReading]
) -> Found[int] | None:
    """Where "to <hour>" follows "the <time> one" in a move, and by how many minutes the time moves (the words
    "to <hour>"); None otherwise."""
    if word_at(words, had.start - 1) not in _POINTERS or word_at(words, had.end) not in _ONES:
        return None
    if not _MOVES.intersection(words[max(0, had.start - 4) : had.start]):
        return None
    to = had.end + 1
    if word_at(words, to) != "to":
        return None
    said = _clock_at(words, to + 1)
    if said is None:
        return None
    at, end = said
    new = settle(TimeReading(at, flexible=at.hour <= 12)).at
    old = had.value.at
    shift = (new.hour * 60 + new.minute) - (old.hour * 60 + old.minute)
    if shift == 0 or abs(shift) >= _DAY_MINUTES // 2:
        return None
    return Found(shift, to, end)


def _clock_at(words: Sequence[str], i: int) -> tuple[time, int] | None:
    """A bare hour ("4", "four") or "4:30" at `i`, and where it ends."""
    match = _DIGITS.fullmatch(word_at(words, i))
    if match is not None:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        return (time(hour, minute), i + 1) if hour < 24 and minute < 60 else None
    count = cardinal_at(words, i)
    if count is None or not 1 <= count.value <= 12:
        return None
    return time(count.value), count.end


def times_had(words: Sequence[str], times: Sequence[Found[TimeReading]]) -> list[Found[TimeReading]]:
    """The times in `times` that name an appointment being moved ("move the 11 o'clock (one) to ..."), when another
    time is said too (the new one)."""
    had = [f for f in times if _a_time_had(words, f)]
    if had and len(had) < len(times):
        return had
    # "the 9:30 one Friday, my kid's, can you move that to Saturday morning?": the one time said names the one moved
    return [times[0]] if len(times) == 1 and _the_one_then_moved(words, times[0]) else []


_MOVED_IT = wordset("that it this them")
_MOVE_REACH = 10


def _the_one_then_moved(words: Sequence[str], found: Found[TimeReading]) -> bool:
    """ "the 9:30 one ... move that to ...": a time said as "the <time> one", then a move of it to another day."""
    if word_at(words, found.start - 1) not in _POINTERS or word_at(words, found.end) not in _ONES:
        return False
    after = words[found.end + 1 : found.end + 1 + _MOVE_REACH]
    return any(
        w in _MOVES and word_at(after, k + 1) in _MOVED_IT and word_at(after, k + 2) == "to"
        for k, w in enumerate(after)
    )


def _a_time_had(words: Sequence[str], found: Found[TimeReading]) -> bool:
    if word_at(words, found.start - 1) not in _POINTERS or word_at(words, found.start - 2) not in _MOVES:
        return False
    end = found.end + (word_at(words, found.end) in _ONES)
    return word_at(words, end) == "to"
