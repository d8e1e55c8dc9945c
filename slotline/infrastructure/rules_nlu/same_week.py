"""A weekday "that same week": "move my session on Wednesday to the Friday that same week" is the Friday of the
Wednesday's week, not the coming Friday."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.words import BLANK, Found

__all__ = ["weekday_of_the_same_week"]

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
