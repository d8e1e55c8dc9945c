"""Ranges of days: "next week", "sometime this week", "later this week", "early next week"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from slotline.infrastructure.common.calendar_rules import resolve_week_days
from slotline.infrastructure.rules_nlu.phrases import PhraseTable
from slotline.infrastructure.rules_nlu.words import Found

__all__ = ["WEEK_PHRASES", "week_at"]


@dataclass(frozen=True, slots=True)
class _Week:
    """Weekdays `first` to `last` (0 = Monday) of the week `ahead` weeks after this one."""

    ahead: int
    first: int = 0
    last: int = 6
    after_today: bool = False  # "later this week" starts tomorrow


_THIS, _NEXT = 0, 1
WEEK_PHRASES: dict[str, _Week] = {
    "this week": _Week(_THIS),
    "rest of the week": _Week(_THIS),
    "rest of this week": _Week(_THIS),
    "later this week": _Week(_THIS, after_today=True),
    "later in the week": _Week(_THIS, after_today=True),
    "later on this week": _Week(_THIS, after_today=True),
    "later on in the week": _Week(_THIS, after_today=True),
    "end of the week": _Week(_THIS, 3),
    "end of this week": _Week(_THIS, 3),
    "next week": _Week(_NEXT),
    "early next week": _Week(_NEXT, 0, 2),
    "beginning of next week": _Week(_NEXT, 0, 2),
    "start of next week": _Week(_NEXT, 0, 2),
    "late next week": _Week(_NEXT, 3),
    "end of next week": _Week(_NEXT, 3),
    "week after next": _Week(_NEXT + 1),
}
_PHRASES = PhraseTable((week, phrase) for phrase, week in WEEK_PHRASES.items())
# Said before a week and part of it: "sometime next week", "at the end of the week", "during the week after next".
_LEADS = PhraseTable(
    (True, p)
    for p in ("sometime", "some time", "anytime", "any time", "any day", "during", "the", "at the", "towards the")
)


def week_at(words: Sequence[str], i: int, today: date) -> Found[tuple[date, date] | None] | None:
    """The first and last day of a week phrase starting at word `i`; the value is None when all its days are past."""
    lead = _LEADS.match_at(words, i)
    found = _PHRASES.match_at(words, lead.end if lead is not None else i)
    if found is None:
        return None
    week = found.value
    days = resolve_week_days(today, week.ahead, week.first, week.last, after_today=week.after_today)
    return Found(days, i, found.end)
