"""Holiday greetings ("happy new year!", "merry Christmas", "happy New Year's Eve"): said to be friendly, never a day
to book."""

from __future__ import annotations

from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.words import BLANK, Found, claim, word_at, wordset

__all__ = ["not_greetings"]

_GREETINGS = wordset("happy merry")
_GREETING_LEADS = wordset("early belated and a")


def not_greetings(free: list[str], holidays: list[Found[DayReading]]) -> list[Found[DayReading]]:
    """The holidays said that are no greeting; a greeting's words are claimed from `free` (they were understood)."""
    for i in range(len(free) - 2):
        if tuple(free[i : i + 3]) == ("happy", "new", "year"):  # said in January too, when no holiday is near
            claim(free, Found(None, i, i + 3))
    kept = []
    for f in holidays:
        if BLANK in free[f.start : f.end]:
            continue
        k = f.start - 1
        while word_at(free, k) in _GREETING_LEADS and k > f.start - 3:
            k -= 1
        if word_at(free, k) in _GREETINGS:
            claim(free, Found(None, k, f.end))
        else:
            kept.append(f)
    return kept
