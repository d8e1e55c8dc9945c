"""A number that is part of an address: "I'm staying on Soi 23", "room 412", "off 5th Avenue", "exit 3".

Such a number is where the caller is, never a day or a time, so it is no reason to ask which day was meant.
"""

from __future__ import annotations

from collections.abc import Sequence

from slotline.infrastructure.rules_nlu.numbers import cardinal_at, ordinal_at
from slotline.infrastructure.rules_nlu.words import word_at, wordset

__all__ = ["STREET_WORDS", "in_an_address"]

# Words a number follows in an address: "Soi 23" (a Thai side street), "Route 9", "room 412", "flat 3", "exit 3"
_BEFORE = wordset(
    "soi street road avenue ave route highway hwy interstate lane room apartment apt flat suite unit block building "
    "tower exit gate platform pier terminal sector phase jalan"
)
# Words a number comes before in an address: "23rd Street", "5th Avenue", "10 Downing Street"
STREET_WORDS = wordset("street st road rd avenue ave lane boulevard blvd drive way place crescent close terrace soi")


def in_an_address(free: Sequence[str], i: int) -> bool:
    """Whether the number at word `i` of `free` is a street, route, room or exit number."""
    number = cardinal_at(free, i) or ordinal_at(free, i)
    if number is None:
        return False
    return word_at(free, i - 1) in _BEFORE or word_at(free, number.end) in STREET_WORDS
