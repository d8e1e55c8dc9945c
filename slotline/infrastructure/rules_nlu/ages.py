"""How old someone is ("she's nine", "my son is 4", "aged seven", "six years old"), or how far along a pregnancy is
("24 weeks pregnant", "thirty weeks along"): never a time or a day."""

from __future__ import annotations

from collections.abc import Sequence

from slotline.infrastructure.rules_nlu.numbers import cardinal_at
from slotline.infrastructure.rules_nlu.words import Found, word_at, wordset

__all__ = ["an_age", "how_far_along", "school_years"]

_AGE_LEADS = wordset("hes shes aged age turned turning")
_ONLY = wordset("only just nearly almost barely")
_NOT_AN_AGE_AFTER = wordset("minutes minute mins min hours hour miles mile km away")
_RELATIVES = (
    "son daughter boy girl kid child mam mum mom mother dad father nan nana nanna gran granny grandma grandmother "
    "grandad granddad grandpa grandfather husband wife partner grandson granddaughter "
    "cat dog puppy kitten pup pet lad lass bairn wean youngster"
)
_WHO_IS = wordset(f"he she {_RELATIVES}")
_OWNERS = wordset("my our his her me the")
_LITTLE = wordset("little youngest oldest eldest young middle wee baby")  # "my little one is six"
# After "my mam's ninety-one": the sentence goes on, as it does after an age ("my mum's 3 o'clock" is a time).
_AFTER_AN_AGE = wordset(" and so but now this next in on years year months she he soon already")
_RELATIVE_IS = wordset(" ".join(f"{w}s" for w in _RELATIVES.split()))  # "my mam's ninety-one"
_OLD_UNITS = wordset("years months weeks year month")
_OLD = wordset("old pregnant along gone")  # "six years old", "24 weeks pregnant", "30 weeks along"


def an_age(words: Sequence[str], i: int) -> bool:
    """True if the number at `i`, or the "years" of "years old" at `i`, tells how old someone is."""
    inside = cardinal_at(words, i - 1) if i > 0 else None
    if inside is not None and inside.end == i + 1 and i > 0:  # the "eight" of "eighty-eight"
        return an_age(words, i - 1)
    count = cardinal_at(words, i)
    if count is None:
        if words[i] in _OLD_UNITS and i > 0 and cardinal_at(words, i - 1) is not None and an_age(words, i - 1):
            return True  # the "months" of "he's four months"
        return words[i] in _OLD_UNITS and word_at(words, i + 1) in _OLD
    before = word_at(words, i - 1)
    if before in _ONLY and word_at(words, i - 2) in _AGE_LEADS | {"is"}:
        return an_age([*words[: i - 1], *words[i:]], i - 1)  # "he's only seven", "she's nearly four"
    if before in _AGE_LEADS or (before == "is" and word_at(words, i - 2) in _WHO_IS):
        return True
    if before == "is" and word_at(words, i - 2) == "one" and word_at(words, i - 3) in _LITTLE:
        return True
    if (before, word_at(words, i - 2)) == ("on", "getting") and word_at(words, count.end) in _AFTER_AN_AGE:
        return True  # "the old cat's getting on, fifteen now"
    if before == "im" and count.value >= 13 and word_at(words, count.end) not in _NOT_AN_AGE_AFTER:
        return True  # "I'm seventy-one": no hour; "I'm 15 minutes away" is how far
    owned = word_at(words, i - 2) in _OWNERS or (word_at(words, i - 2) in _LITTLE and word_at(words, i - 3) in _OWNERS)
    if before in _RELATIVE_IS and owned and word_at(words, count.end) in _AFTER_AN_AGE:
        return True  # "my mam's ninety-one", "my wee girl's four and ..."
    return word_at(words, count.end) in _OLD_UNITS and word_at(words, count.end + 1) in _OLD


def how_far_along(words: Sequence[str]) -> list[Found[int]]:
    """ "I'm pregnant, 22 weeks", "pregnant with twins, about 30 weeks": how far along, said after "pregnant"."""
    found: list[Found[int]] = []
    for i in range(len(words)):
        count = cardinal_at(words, i)
        if count is None or word_at(words, count.end) not in _OLD_UNITS:
            continue
        if "pregnant" in words[max(0, i - 4) : i]:
            found.append(Found(count.value, i, count.end + 1))
    return found


_SCHOOL_YEARS = wordset("year yr form grade standard class primary")
_INTO_A_YEAR = wordset("in into s is doing starting going finishing repeating")
_LAST_SCHOOL_YEAR = 13


def school_years(words: Sequence[str]) -> list[Found[int]]:
    """ "she's in Year 8", "he's starting year 12", "in Form 3": a class at school, never a year, a day or a time
    (claimed before the dates are read: "he's in Year 5. Saturday morning" is no Saturday the 5th)."""
    found = []
    for k, word in enumerate(words):
        if word not in _SCHOOL_YEARS or word_at(words, k - 1) not in _INTO_A_YEAR:
            continue
        count = cardinal_at(words, k + 1)
        if count is not None and count.value <= _LAST_SCHOOL_YEAR:
            found.append(Found(count.value, k, count.end))
    return found
