"""Days said of another day said before them: "move my session on Wednesday to the Friday that same week" is the Friday
of the Wednesday's week, "from this Saturday to the Saturday after, the 12th" the Saturday a week on, not the coming
one, "the week of the 12th, on the Wednesday" the Wednesday of that week, and "anything after the 14th?" the days
after it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.vocabulary import WEEKDAYS
from slotline.infrastructure.rules_nlu.words import BLANK, Found, word_at, wordset

__all__ = [
    "after_a_date",
    "the_day_beside",
    "the_week_of",
    "the_weekday_after",
    "weekday_of_its_date",
    "weekday_of_the_same_week",
]

_SAME_WEEK = (("that", "same", "week"), ("the", "same", "week"), ("same", "week"))


def weekday_of_the_same_week(
    words: Sequence[str], free: list[str], days: list[Found[DayReading]]
) -> list[Found[DayReading]]:
    """`days` with a bare weekday followed by "(that|the) same week" moved into the week of the one day said before
    it (its words claimed from `free`); left as it is when no single day came before."""
    out = list(days)
    for k, f in enumerate(out):
        said = next((p for p in _SAME_WEEK if tuple(words[f.end : f.end + len(p)]) == p), None)
        if said is None or not f.value.bare_weekday or f.value.day is None:
            continue
        before = {g.value.day for g in out[:k] if g.value.day is not None and g.value.last is None}
        if len(before) != 1:
            continue
        (anchor,) = before
        day = anchor - timedelta(days=anchor.weekday()) + timedelta(days=f.value.day.weekday())
        out[k] = Found(replace(f.value, day=day, bare_weekday=False, exact=True), f.start, f.end + len(said))
        free[f.end : f.end + len(said)] = [BLANK] * len(said)
    return out


def the_weekday_after(
    words: Sequence[str], free: list[str], days: list[Found[DayReading]], starts: frozenset[int]
) -> list[Found[DayReading]]:
    """`days` with a bare weekday followed by "after" that ends its clause ("to the Saturday after, the 12th") moved
    to the first such weekday after the one day said before it ("the Saturday after the 12th", with no clause between,
    is after the 12th: not this)."""
    out = list(days)
    for k, f in enumerate(out):
        at = f.end + (word_at(words, f.end) in ("straight", "right", "just"))  # "the Saturday straight after, the 7th"
        if word_at(words, at) != "after" or not (at + 1 in starts or at + 1 >= len(words)):
            continue
        if not f.value.bare_weekday or f.value.day is None:
            continue
        dated = out[k + 1].value.day if k + 1 < len(out) and out[k + 1].start <= at + 2 else None
        if dated is not None and dated.weekday() == f.value.day.weekday() and out[k + 1].value.last is None:
            free[at] = BLANK  # "to the Wednesday after, the 18th": the date says which Wednesday
            continue
        before = {g.value.day for g in out[:k] if g.value.day is not None and g.value.last is None}
        if len(before) != 1:
            continue
        (anchor,) = before
        day = anchor + timedelta(days=(f.value.day.weekday() - anchor.weekday() - 1) % 7 + 1)
        out[k] = Found(replace(f.value, day=day, bare_weekday=False, exact=True), f.start, at + 1)
        free[f.end : at + 1] = [BLANK] * (at + 1 - f.end)
    return out


_BESIDE = {"after": 1, "before": -1}


def the_day_beside(
    words: Sequence[str], free: list[str], days: list[Found[DayReading]], starts: frozenset[int]
) -> list[Found[DayReading]]:
    """`days` with "the day after" (or "before") that ends its clause read as the day after the one day said before
    it: "can I move my mock test from Thursday to the day after?" is Friday (its words claimed from `free`)."""
    out = list(days)
    for i in range(len(words) - 2):
        if words[i : i + 2] != ["the", "day"] or words[i + 2] not in _BESIDE or free[i + 2] == BLANK:
            continue
        end = i + 3 + (word_at(words, i + 3) == "that")
        if not (end in starts or end >= len(words)):
            continue  # "the day after thanksgiving", "the day before the 3rd": read with the dates
        before = {f.value.day for f in out if f.end <= i and f.value.day is not None and f.value.last is None}
        if len(before) != 1:
            continue
        (anchor,) = before
        day = anchor + timedelta(days=_BESIDE[words[i + 2]])
        out.append(Found(DayReading(day, exact=True), i, end))
        free[i:end] = [BLANK] * (end - i)
    return sorted(out, key=lambda f: f.start)


def the_week_of(
    words: Sequence[str], free: list[str], days: list[Found[DayReading]], today: date
) -> list[Found[DayReading]]:
    """ "the week of the 12th, on the Wednesday": a bare weekday said beside "the week of <a day>" is that weekday of
    the day's week (Monday to Sunday); without one, the week itself, from today on. "week of" is claimed."""
    for k, f in enumerate(days):
        at = f.start + (word_at(words, f.start) == "of")  # the reading may start at its "of"
        of = at - 1 if word_at(words, at - 1) == "of" else at
        if word_at(words, of) != "of" or word_at(words, of - 1) != "week" or f.value.day is None or f.value.last:
            continue
        monday = f.value.day - timedelta(days=f.value.day.weekday())
        weekdays = [i for i, g in enumerate(days) if i != k and g.value.bare_weekday and g.value.day is not None]
        out = list(days)
        free[of - 1 : of + 1] = [BLANK, BLANK]
        if len(weekdays) == 1:
            g = days[weekdays[0]]
            assert g.value.day is not None
            day = monday + timedelta(days=g.value.day.weekday())
            out[weekdays[0]] = Found(replace(g.value, day=day, bare_weekday=False, exact=True), g.start, g.end)
            out[k] = Found(replace(f.value, counts=False), f.start, f.end)
        elif not weekdays:
            week = DayReading(max(monday, today), last=monday + timedelta(days=6))
            out[k] = Found(week, of - 1, f.end)
        return out
    return days


# "the day after the 14th", "the Saturday straight after, the 7th": counted from a day, read elsewhere
_NOT_FROM = wordset("day days week weeks weekend month one time straight right just") | WEEKDAYS.keys()
_AFTER_SPAN = timedelta(days=13)


def after_a_date(
    words: Sequence[str], free: list[str], days: list[Found[DayReading]], starts: frozenset[int]
) -> list[Found[DayReading]]:
    """ "anything after the 14th?", "any day after Friday": the fortnight from the day after it (its "after" claimed),
    never the day itself; "the day after the 14th", "the Tuesday after the 14th" are read elsewhere. An "after" that
    ends a sentence is not the next one's ("me knees are sore after. Friday?": Friday)."""
    out = list(days)
    for k, f in enumerate(out):
        if not f.value.counts or f.value.day is None or f.value.last is not None or word_at(words, f.start) == "on":
            continue  # "someone to help me pick frames after, on Wednesday": Wednesday itself
        after = f.start - 1 - (word_at(words, f.start - 1) == "the")  # the reading may start at its "the" or after
        any_day = word_at(words, after - 1) == "day" and word_at(words, after - 2) in ("any", "some")  # "any day after"
        if word_at(free, after) != "after" or (word_at(words, after - 1) in _NOT_FROM and not any_day):
            continue
        if any(after < i <= f.start for i in starts):
            continue
        first = f.value.day + timedelta(days=1)
        out[k] = Found(DayReading(first, last=first + _AFTER_SPAN), after, f.end)
        free[after] = BLANK
    return out


def weekday_of_its_date(days: list[Found[DayReading]]) -> list[Found[DayReading]]:
    """ "the one on Wednesday the 19th": a bare weekday said right before a date it falls on is that date, and counts
    as the date does (not the nearest Wednesday, which would disagree with the days said after it)."""
    out = list(days)
    for k, (weekday, dated) in enumerate(pairwise(days)):
        a, b = weekday.value, dated.value
        if dated.start != weekday.end or not a.bare_weekday or not b.exact or a.last is not None or b.last is not None:
            continue
        if a.day is not None and b.day is not None and a.day.weekday() == b.day.weekday():
            out[k] = Found(b, weekday.start, weekday.end)
    return out
