"""Which of the offered slots the caller picks: "the second one", "number two", "the last one"."""

from __future__ import annotations

from collections.abc import Sequence

from slotline.domain.dialogue.places import LAST, MIDDLE
from slotline.infrastructure.rules_nlu.addresses import STREET_WORDS
from slotline.infrastructure.rules_nlu.numbers import cardinal_at, ordinal_at
from slotline.infrastructure.rules_nlu.words import BLANK, Found, word_at, wordset

__all__ = ["LAST", "MAX_CHOICE", "NOT_A_CHOICE_BEFORE", "find_choice"]

MAX_CHOICE = 10
_NOUNS = wordset("one option choice slot appointment")
_NUMBERED = wordset("number option choice")
_OWNERS = wordset("my his her our their your")
_NOT_A_CHOICE_AFTER = wordset("a just one")  # "just a second", "one second"
_WHOSE = wordset("my our his her their")  # not "your second one": the agent's offers
# "it's my first time", "my second visit", "whatever's the first day you've got after that" (no first offer)
NOT_A_CHOICE_BEFORE = wordset("time times visit timer ever day date")


def _numbered(words: Sequence[str], i: int) -> Found[int] | None:
    if word_at(words, i) not in _NUMBERED:
        return None
    number = cardinal_at(words, i + 1)
    if number is None or not 1 <= number.value <= MAX_CHOICE:
        return None
    return Found(number.value, i, number.end)


def _ordinal(words: Sequence[str], i: int) -> Found[int] | None:
    start = i
    if word_at(words, i) in ("the", "that"):
        i += 1
    number = ordinal_at(words, i)
    if number is None or not 1 <= number.value <= MAX_CHOICE:
        return None
    if start == i and word_at(words, i - 1) in _NOT_A_CHOICE_AFTER | _WHOSE:
        return None  # "just a second"; "from my second job": whose, no offer
    if word_at(words, number.end) in STREET_WORDS:
        return None  # "I'm on 5th Avenue"
    if word_at(words, number.end) in NOT_A_CHOICE_BEFORE:
        if word_at(words, number.end + 1) in ("slot", "slots"):
            return Found(number.value, start, number.end + 2)  # "the first time slot"
        if _the_time_taken(words, start, number.end):
            return Found(number.value, start, number.end + 1)  # "the first time is fine": of the times offered
        return None
    end = number.end + (word_at(words, number.end) in _NOUNS)
    return Found(number.value, start, end)


_TAKEN = wordset("fine good perfect great ok okay works suits")


def _the_time_taken(words: Sequence[str], start: int, end: int) -> bool:
    """ "the first time is fine", "the second time works": an offered time taken (not "my first time")."""
    if word_at(words, start) != "the" or word_at(words, end) != "time":
        return False
    after = word_at(words, end + 1)
    return after in _TAKEN or (after in ("is", "s") and word_at(words, end + 2) in _TAKEN)


def _last(words: Sequence[str], i: int) -> Found[int] | None:
    start = i
    if word_at(words, i) == "the":
        i += 1
    if word_at(words, i) not in ("last", "latter", "latest") or word_at(words, i - 1) in _OWNERS:
        return None  # "he did my last one": the caller's last visit, no offer
    after = word_at(words, i + 1)
    if after in _NOUNS:
        return Found(LAST, start, i + 2)  # "the last one", "the latest one" (but "the latest" alone is asked for)
    if word_at(words, i) == "latest":
        return None
    if after == BLANK and (start < i or i + 1 >= len(words)):
        return Found(LAST, start, i + 1)  # "the last", or "last" as the final word
    return None


def _middle(words: Sequence[str], i: int) -> Found[int] | None:
    """ "the middle one", "the one in the middle", "the middle" as the last word."""
    if tuple(words[i : i + 4]) == ("the", "one", "in", "the") and word_at(words, i + 4) == "middle":
        return Found(MIDDLE, i, i + 5)
    start = i + (word_at(words, i) == "the")
    if word_at(words, start) != "middle":
        return None
    if word_at(words, start + 1) in _NOUNS:
        return Found(MIDDLE, i, start + 2)
    return Found(MIDDLE, i, start + 1) if start > i and start + 1 >= len(words) else None


def find_choice(words: Sequence[str]) -> Found[int] | None:
    """The first choice among offers named; 1-based, LAST (-1) for "the last one", MIDDLE (-2) for the middle one."""
    for i, word in enumerate(words):
        if word == BLANK:
            continue
        found = _numbered(words, i) or _last(words, i) or _middle(words, i) or _ordinal(words, i)
        if found is not None:
            return found
    return None
