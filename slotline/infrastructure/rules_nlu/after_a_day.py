"""A bare weekday said after "after <a day>": the first such weekday after that day. "After the Avurudu, on the
Thursday", said on the Monday before the New Year, is the Thursday after it, not this week's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.words import BLANK, Found, word_at

__all__ = ["after_at", "weekday_after_a_day", "weekday_of_a_day_said"]

_WEEK = timedelta(days=7)
_ALTERNATIVES = frozenset(("or", "and", "no", "not", "instead", "actually"))


def after_at(free: Sequence[str], start: int) -> int:
    """Where the "after" of "after eid", "after the Avurudu" would be, for a day said at `start`."""
    return start - 1 - (word_at(free, start - 1) == "the")


def weekday_after_a_day(
    words: Sequence[str], free: list[str], days: list[Found[DayReading]]
) -> list[Found[DayReading]]:
    """`days` with a bare weekday that falls on or before an exact day said just before it, led by "after", moved to
    the first such weekday after that day (or after the last of its days); that day then only counts from, and its
    "after" is claimed from `free`. A holiday already taken as why ("after Eid then, the Sunday": its "after"
    claimed) counts the weekday from it all the same."""
    out = list(days)
    for k, anchor in enumerate(days):
        end = anchor.value.last or anchor.value.day
        lead = after_at(words, anchor.start)  # "after the New Year"
        led = word_at(free, lead) == "after" and anchor.value.counts
        taken = word_at(free, lead) == BLANK and word_at(words, lead) == "after" and not anchor.value.counts
        if not anchor.value.exact or end is None or not (led or taken):
            continue
        later = [
            i
            for i, f in enumerate(out)
            if f.start >= anchor.end and f.value.bare_weekday and f.value.counts and f.value.day is not None
        ]
        if len(later) != 1 or (weekday := out[later[0]]).value.day is None or weekday.value.day > end + _WEEK:
            continue
        if any(f.value.exact and f.value.counts and f.start >= anchor.end for f in out):
            continue  # "after Eid, Thursday the 11th": a date of its own, which the two must agree on
        gap = (weekday.value.day.weekday() - end.weekday() - 1) % 7 + 1  # already after it: the same day
        moved = replace(weekday.value, day=end + timedelta(days=gap), bare_weekday=False)  # no longer this week's
        out[later[0]] = Found(moved, weekday.start, weekday.end)
        out[k] = Found(replace(anchor.value, counts=False), anchor.start, anchor.end)
        free[lead : anchor.start] = [BLANK] * (anchor.start - lead)
    return out


def weekday_of_a_day_said(words: Sequence[str], days: list[Found[DayReading]]) -> list[Found[DayReading]]:
    """ "two weeks from today, the Friday?" (today a Friday): a bare weekday said after a day that falls on that
    weekday, later than the coming one, is that day said again, not the coming one."""
    out = list(days)
    for k, f in enumerate(out):
        weekday = f.value.day
        if not (f.value.bare_weekday and f.value.counts) or weekday is None:
            continue
        said = [
            g.value.day
            for g in out[:k]
            if g.value.counts
            and not g.value.bare_weekday
            and g.value.last is None
            and g.value.day is not None
            and g.value.day.weekday() == weekday.weekday()
            and weekday < g.value.day <= weekday + 3 * _WEEK
            and not _ALTERNATIVES.intersection(words[g.end : f.start])  # "the 18th or Friday": two of them
        ]
        if len(set(said)) == 1:
            out[k] = Found(replace(f.value, day=said[0], bare_weekday=False, exact=True), f.start, f.end)
    return out
