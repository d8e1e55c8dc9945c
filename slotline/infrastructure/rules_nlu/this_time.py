""" "This time next week", "this time tomorrow": the day said, at the time it is now (to the nearest five minutes).

Read by rewriting the words into ones the day and time readers know ("on 2027/06/10 at 8:45 am"), before anything
else reads them. Only beside a day word: "this time" alone ("this time I'd like the later one") is no time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

__all__ = ["this_time_said"]

_NEXT_WEEK = ("next", "week")
_DAYS = frozenset(("tomorrow", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))


def this_time_said(words: Sequence[str], now: datetime) -> list[str]:
    """`words` with "this time" beside a day said as the clock time it is now (`now` is local)."""
    out = list(words)
    for i in range(len(out) - 1):
        if out[i : i + 2] != ["this", "time"]:
            continue
        after, before = tuple(out[i + 2 : i + 4]), tuple(out[max(0, i - 2) : i])
        clock = ["at", *_clock(now)]
        week_on = now.date() + timedelta(days=7)  # "this time next week": today's weekday a week on, not the week
        a_week_on = ["on", f"{week_on.year}/{week_on.month:02d}/{week_on.day:02d}", *clock]
        if after == _NEXT_WEEK:
            return [*out[:i], *a_week_on, *out[i + 4 :]]
        if before == _NEXT_WEEK:  # "next week this time"
            return [*out[: i - 2], *a_week_on, *out[i + 2 :]]
        if (i + 2 < len(out) and out[i + 2] in _DAYS) or (i > 0 and out[i - 1] in _DAYS):
            return [*out[:i], *clock, *out[i + 2 :]]  # "this time tomorrow", "friday this time"
    return out


def _clock(now: datetime) -> list[str]:
    rounded = now.replace(second=0, microsecond=0) + timedelta(minutes=2)
    rounded -= timedelta(minutes=rounded.minute % 5)
    hour = rounded.hour % 12 or 12
    return [f"{hour}:{rounded.minute:02d}", "am" if rounded.hour < 12 else "pm"]
