"""How a clock time said sits with the rest of the turn: a part of the day said loosely beside it ("Friday at 4 in
the evening"), or the day it belongs to ruled out ("Monday at 3 doesn't work")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import time

from slotline.domain.preference import PartOfDay
from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.times import TimeReading
from slotline.infrastructure.rules_nlu.words import Found

__all__ = ["loosely", "of_days_ruled_out"]


def loosely(part: PartOfDay | None, at: time | None) -> PartOfDay | None:
    """ "Friday at 4 in the evening": the clock time said is the wish; the part of the day it is not inside was said
    loosely (for the afternoon or evening hours it names), so it does not also bound the search."""
    if part is None or at is None or part.includes(at):
        return part
    return None


def of_days_ruled_out(times: list[Found[TimeReading]], days: Sequence[Found[DayReading]]) -> list[Found[TimeReading]]:
    """ "my husky has the de-shedding Tuesday at 10, can we make it later that day", "Monday at 3 doesn't work": a
    time said right after a day that is not the booking's (ruled out, the one moved from, another event's) is that
    day's time, not the booking's."""
    ends = {f.end for f in days if not f.value.counts}
    return [
        Found(replace(t.value, counts=False), t.start, t.end) if t.value.counts and t.start in ends else t
        for t in times
    ]
