"""A weekday ruled out and the one a week after it, said in one breath: "next Friday, not this one, the one after",
"not this Saturday but the one after", "not this Saturday, the Saturday after"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from slotline.infrastructure.common.calendar_rules import WeekdayMode, resolve_weekday
from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.vocabulary import WEEKDAYS
from slotline.infrastructure.rules_nlu.words import Found, claim, word_at

__all__ = ["not_this_one", "the_one_after"]

_ONE_AFTER = (("the", "one", "after"), ("the", "following", "one"), ("the", "week", "after"))


def not_this_one(free: list[str], days: list[Found[DayReading]], today: date) -> list[Found[DayReading]]:
    """ "next Friday, not this one, the one after": the weekday said, a week after this week's (its words claimed)."""
    counted = [f for f in days if f.value.counts and f.value.day is not None and f.value.last is None]
    starts = [i for i in range(len(free) - 2) if tuple(free[i : i + 3]) == ("not", "this", "one")]
    if len(counted) != 1 or not starts:
        return days
    i = starts[0]
    after = next((k for k in range(i + 3, len(free) - 2) if tuple(free[k : k + 3]) in _ONE_AFTER), None)
    if after is None or i < counted[0].end:
        return days
    day = counted[0].value.day
    assert day is not None
    claim(free, Found(None, i, after + 3))
    one_after = resolve_weekday(today, day.weekday(), WeekdayMode.THIS) + timedelta(days=7)
    return [Found(DayReading(one_after), f.start, f.end) if f is counted[0] else f for f in days]


def _same_weekday_after(words: Sequence[str], f: Found[DayReading], ruled_out: date) -> bool:
    """ "the saturday after", said of the saturday ruled out (read alone, it has no day to count from)."""
    said = tuple(words[f.start : f.end])
    return (
        f.value.day is None
        and len(said) == 3
        and said[0] == "the"
        and WEEKDAYS.get(said[1]) == ruled_out.weekday()
        and said[2] == "after"
    )


def _from_before(words: Sequence[str], f: Found[DayReading]) -> bool:
    """ "from this saturday", "my filling thursday to ...": the day something is moved from."""
    return "from" in (word_at(words, f.start), word_at(words, f.start - 1)) or word_at(words, f.end) == "to"


def the_one_after(words: Sequence[str], free: list[str], days: list[Found[DayReading]]) -> list[Found[DayReading]]:
    """ "not this saturday but the one after": a week after the day ruled out (its words are claimed); "on tuesday,
    not this tuesday, the one after": the same day said first is ruled out with it."""
    ruled_out = [f for f in days if not f.value.counts and f.value.last is None and f.value.day is not None]
    moved_from = [f for f in days if f.value.counts and f.value.day is not None and _from_before(words, f)]
    # the day the "saturday after" counts from: ruled out, or else moved from ("from this saturday to the ...")
    anchor = ruled_out[0] if len(ruled_out) == 1 else moved_from[0] if len(moved_from) == 1 else None
    if anchor is None or anchor.value.day is None:
        return days
    day = anchor.value.day
    same_after = [f for f in days if f.start >= anchor.end and _same_weekday_after(words, f, day)]
    if same_after:  # "not this saturday, the saturday after"
        f = same_after[0]
        return [Found(DayReading(day + timedelta(days=7)), f.start, f.end) if g is f else g for g in days]
    if len(ruled_out) != 1:
        return days  # "the one after" counts only from a day ruled out
    after = [i for i in range(ruled_out[0].end, len(free) - 2) if tuple(free[i : i + 3]) in _ONE_AFTER]
    if after and all(f.value.day == day for f in days if f.value.counts):
        days = [Found(replace(f.value, counts=False), f.start, f.end) if f.value.counts else f for f in days]
    counted = {f.value.day for f in days if f.value.counts}
    if not after or counted - {day + timedelta(days=7)}:
        return days
    i = after[0]
    end = i + 3 + (word_at(free, i + 3) == "that")
    claim(free, Found(None, i, end))  # "a week saturday, not this saturday now, the one after": the same day again
    return days if counted else [*days, Found(DayReading(day + timedelta(days=7)), i, end)]
