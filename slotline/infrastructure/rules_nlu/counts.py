"""How many of something there are ("four new tyres", "two dogs", "3 kids"): a count of things, never a day or a time.

A number before a plural noun that is no unit of time counts that thing; one describing word may stand between
("four new tyres", "two big dogs").
"""

from __future__ import annotations

from collections.abc import Sequence

from slotline.infrastructure.rules_nlu.numbers import cardinal_at
from slotline.infrastructure.rules_nlu.vocabulary import WEEKDAYS
from slotline.infrastructure.rules_nlu.words import word_at, wordset

__all__ = ["a_count_of_things"]

# Plural-looking words that are no thing counted: units of time, parts of the day, and the small words of speech.
_NOT_THINGS = wordset(
    "days weeks months years fortnights hours hrs minutes mins seconds secs mornings afternoons evenings nights "
    "weekends weekdays times slots appointments bookings sessions visits ones oclock "
    "thanks cheers please pls is was has does its yes us this thus plus as his hers ours yours theirs whats thats "
    "heres theres lets"
)
_DESCRIBING = wordset(
    "new old front rear back spare extra more other small big little young winter summer worn part brand"
)


_PEOPLE = wordset("us them you")
_BOOKED = wordset("appointments bookings sessions visits")
_HAVING = wordset("theres are have got ive weve")
_PLURAL_DAYS = frozenset(f"{day}s" for day in WEEKDAYS)


def _a_thing(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and word.isalpha() and word not in _NOT_THINGS | _PLURAL_DAYS


def a_count_of_things(words: Sequence[str], i: int) -> bool:
    """True if the number at `i` counts things: "four new tyres", "for my two dogs"."""
    count = cardinal_at(words, i)
    if count is None:
        return False
    following = word_at(words, count.end)
    if following == "of" and word_at(words, count.end + 1) in _PEOPLE:
        return True  # "the two of us"
    if following in _BOOKED and word_at(words, i - 1) in _HAVING:
        return True  # "there's two appointments under my number": what is booked, counted
    if following in _DESCRIBING:
        following = word_at(words, count.end + 1)
    return _a_thing(following)
