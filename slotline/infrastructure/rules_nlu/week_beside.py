"""A weekday of the week after (or before) the day on the table: "move it to the week after, the Wednesday", "the
following week on Tuesday" (issue 13). "Tuesday the week after" is not read: "the one on Tuesday the week after" names
an appointment, and said alone it may mean a week after that Tuesday; it stays unsure, and is asked about."""

from __future__ import annotations

from collections.abc import Sequence

from slotline.domain.reference import Beside
from slotline.infrastructure.rules_nlu.vocabulary import weekday_named
from slotline.infrastructure.rules_nlu.words import Found, word_at

__all__ = ["weekday_of_the_week_beside"]


def weekday_of_the_week_beside(words: Sequence[str]) -> Found[Beside] | None:
    """ "the week after, the wednesday", "the following week on tuesday": that weekday of the week after (or before)
    the one of the day on the table."""
    for i in range(len(words) - 2):
        week = tuple(words[i : i + 3])
        if week not in _WEEK_BESIDE or word_at(words, i + 3) == "next":
            continue  # "the week after next" is a week of its own (weeks.py)
        direction = _WEEK_BESIDE[week]
        j = i + 3 + (word_at(words, i + 3) == "on")
        j += word_at(words, j) == "the"  # "the week after, on the friday"
        weekday = weekday_named(words, j)
        if weekday is not None:
            return Found(Beside(weekday, direction, in_week=True), i, j + 1)
    return None


_WEEK_BESIDE = {("the", "week", "after"): 1, ("the", "following", "week"): 1, ("the", "week", "before"): -1}
