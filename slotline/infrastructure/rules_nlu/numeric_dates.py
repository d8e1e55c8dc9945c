"""A numeric date with two readings ("12/01"), read in the business's country's order when that order can be booked.

The business's own order (month first for a business whose phone number is North American, +1; day first for every
other) is taken whenever that reading is bookable (from today to the booking horizon), as a receptionist there
reads it: "11/12" typed to a Detroit barbershop in November is 12 November, to a Glasgow salon 11 December. The
read-back names the month, so a caller who meant the other order hears it. When only the other reading could be
booked, the day is asked about, never guessed: "3/9" to a London practice on 26 February is 3 September by its
order (beyond the horizon), but 9 March is the bookable one, and a caller who typed it American-style must not be
booked in September without being asked. A reading the caller also says in words ("4/5 at 2, that's April 5th") is
the one meant.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from slotline.domain.catalogue import Catalogue
from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.words import Found

__all__ = ["NumericDates"]


class NumericDates:
    """Which of a numeric date's two readings the business's country makes certain, if any."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._month_first = catalogue.business.phone.e164.startswith("+1")
        self._horizon = catalogue.policy.max_days_ahead

    def settle(self, found: list[Found[DayReading]], today: date) -> list[Found[DayReading]]:
        said = {f.value.day for f in found if f.value.counts and f.value.day is not None and f.value.last is None}
        return [_said_again(f, said) or self._settled(f, today) for f in found]

    def _settled(self, found: Found[DayReading], today: date) -> Found[DayReading]:
        either = found.value.either
        if either is None or not found.value.exact:  # "the tuesday after next" said on a Monday: no country's order
            return found
        ours = either[0] if self._month_first else either[1]
        last = today + timedelta(days=self._horizon)
        if today <= ours <= last:
            return Found(replace(found.value, day=ours, ambiguous=False, either=None), found.start, found.end)
        return found


def _said_again(found: Found[DayReading], said: set[date]) -> Found[DayReading] | None:
    """ "4/5 at 2, that's April 5th": the reading the caller also said in words, when they said only that one."""
    either = found.value.either
    if either is None or len(said.intersection(either)) != 1:
        return None
    day = next(iter(said.intersection(either)))
    return Found(replace(found.value, day=day, ambiguous=False, either=None), found.start, found.end)
