"""How the words a finding was read from are claimed (blanked, so that no word is read twice), and which of the
services and people named are meant: "not with Sam" names nobody, "with Tasha, not Lena" is Tasha, "cancel the cleaning
but keep my check-up" is the cleaning, "my script from the eye test, I need to choose frames" is no eye test, and "a 30
minute massage" is one name; "for me and one for my son" and "mine only" say whom a service is for."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from typing import TypeVar

from slotline.infrastructure.rules_nlu.numbers import cardinal_at
from slotline.infrastructure.rules_nlu.past_mentions import had_before
from slotline.infrastructure.rules_nlu.words import (
    BLANK,
    Found,
    claim,
    negated_before,
    negation_start,
    word_at,
    wordset,
)

T = TypeVar("T")


JOINED = frozenset(("and", "plus"))


_MYSELF = (("for", "me"), ("for", "myself"), ("me", "and"), ("myself", "and"))


_HONORIFICS = frozenset(("dr", "doctor", "mr", "mrs", "ms", "miss", "mx"))


def claimed(words: list[str], found: Iterable[Found[T] | None]) -> list[Found[T]]:
    """Blank the words each finding was read from, with the "not" that ruled it out ("not tuesday")."""
    kept = [f for f in found if f is not None]
    for f in kept:
        claim(words, Found(f.value, negation_start(words, f.start), f.end))
    return kept


def named(words: list[str], found: Found[T] | None) -> list[Found[T]]:
    """A service or person, unless ruled out ("not with sam"): then it is claimed, but names nobody."""
    if found is None:
        return []
    if word_at(words, found.start - 1) in _HONORIFICS:  # "not dr lopez": the title is part of the name said
        found = Found(found.value, found.start - 1, found.end)
    ruled_out = negated_before(words, found.start) or (
        word_at(words, found.start - 1) == "with" and negated_before(words, found.start - 1)
    )
    claimed(words, [Found(found.value, found.start - (word_at(words, found.start - 1) == "with"), found.end)])
    return [] if ruled_out else [found]


def every_named(words: list[str], find: Callable[[Sequence[str]], Found[T] | None]) -> list[Found[T]]:
    """Every mention claimed, the ruled-out ones naming nobody: "with Tasha, not Lena" is Tasha."""
    all_named: list[Found[T]] = []
    while (found := find(words)) is not None:
        all_named += named(words, found)
    return all_named


def with_whom(words: Sequence[str], named: list[Found[T]]) -> list[Found[T]]:
    """Of several people named, the last one said with "with" first: "Ayesha comes in the evening. Then with Sadia,
    same time" is Sadia."""
    corrected = [f for f in named if word_at(words, f.start - 1) in _CHANGED_TO]  # "with Kirsty ... Actually, Ailsa"
    led = corrected or [f for f in named if word_at(words, f.start - 1) == "with"]
    return [led[-1], *(f for f in named if f is not led[-1])] if len(named) > 1 and led else named


_CHANGED_TO = frozenset(("actually", "rather", "instead"))


_UNITS = frozenset(("day", "week", "month", "year", "hour", "minute", "mile"))


_AT_A_TIME = frozenset(("at", "by", "around", "about", "till", "until", "from", "after", "before"))


def with_qualifier(words: Sequence[str], found: Found[T] | None) -> Found[T] | None:
    """ "my six-month check-up", "a 30 minute massage": a count and a singular unit just before a service describe
    it; they are part of its name, not a date or a time. So is a count of them: "four new tyres", "two haircuts"."""
    if found is None:
        return found
    if word_at(words, found.start - 1) not in _UNITS:
        count = cardinal_at(words, found.start - 1)
        counted = count is not None and word_at(words, found.start - 2) not in _AT_A_TIME
        return Found(found.value, found.start - 1, found.end) if counted else found
    count = cardinal_at(words, found.start - 2)
    if count is None or count.end != found.start - 1:
        return found
    return Found(found.value, count.start, found.end)


def also_for_the_caller(words: Sequence[str]) -> bool:
    """ "for me and one for my son", "me and my daughter": the caller wants one too (not "not for me")."""
    pairs = list(pairwise(words))
    return JOINED.intersection(words) != set() and any(
        pair in _MYSELF and word_at(words, k - 1) != "not" for k, pair in enumerate(pairs)
    )


def only_mine(words: Sequence[str]) -> bool:
    """ "mine and my son's, I need to cancel mine only": the caller's own, never the one for whoever else is named."""
    return any(w == "mine" and word_at(words, k + 1) in _ONLY_AFTER_MINE for k, w in enumerate(words))


_ONLY_AFTER_MINE = frozenset(("only", "just", "not"))


_KEEP = frozenset(("keep", "leave"))


_IT = frozenset(("it", "that", "this"))


def _kept_after(words: Sequence[str], end: int) -> bool:
    """ "my own consultation, keep it as it is": the thing named just before `end` is kept as it is."""
    return word_at(words, end) in _KEEP and word_at(words, end + 1) in _IT


_OWNED = frozenset(("my", "the", "our", "his", "her", "their"))


_ARTICLES = _OWNED | {"a", "an"}


def not_kept(words: list[str], find: Callable[[Sequence[str]], Found[T] | None], also: list[str]) -> Found[T] | None:
    """The first thing named that is not kept as it is: in "cancel the cleaning but keep my check-up" the check-up
    is claimed and ruled out, and the cleaning is what the caller means. A thing ruled out ("not the check-up") is
    claimed in `also` too, so that no looser reading finds it again; so is one ruled out after the thing meant
    ("a full service, not the interim")."""
    meant: Found[T] | None = None
    had: Found[T] | None = None  # "I had my hearing aids fitted in March, they need a tweak": had, unless alone
    looked = list(words)
    while (found := find(looked)) is not None:
        claim(looked, found)
        lead = found.start - (word_at(words, found.start - 1) in _OWNED)
        article = found.start - (word_at(words, found.start - 1) in _ARTICLES)
        if meant is None and had is None and had_before(words, found.start):
            had = found
        elif word_at(words, lead - 1) in _KEEP:
            claim(words, Found(found.value, lead - 1, found.end))
            claim(also, Found(found.value, lead - 1, found.end))
        elif _kept_after(words, found.end):
            claim(words, Found(found.value, found.start, found.end + 2))  # "my consultation, keep it as it is"
            claim(also, Found(found.value, found.start, found.end + 2))
        elif negated_before(words, article):  # "the cleaning, not the check-up", "not manicure, pedicure"
            claim(words, Found(found.value, negation_start(words, article), found.end))
            claim(also, Found(found.value, negation_start(words, article), found.end))
        elif meant is None:
            meant = found
    if meant is not None and had is not None:
        claim(words, had)
        claim(also, had)
    return meant or had


_ACTS = frozenset(("cancel", "move", "reschedule", "switch", "shift", "change", "swap", "drop"))


def acted_on(words: list[str], find: Callable[[Sequence[str]], Found[T] | None], also: list[str]) -> None:
    """ "I've got the bath and his nails on Saturday, can you cancel just the nails one": with a thing named after
    the cancel or move, the things named before it only say what exists; they are claimed (in `also` too)."""
    verb = next((i for i, w in enumerate(words) if w in _ACTS), None)
    after = find([BLANK if i <= verb else w for i, w in enumerate(words)]) if verb is not None else None
    if verb is None or after is None or _kept_after(words, after.end):  # "... my consultation, keep it as it is"
        return
    while (found := find(words)) is not None and found.start < verb:
        claim(words, found)
        claim(also, found)


_SOURCE_LEADS = wordset("the my your our his her last previous")
_SOURCES = wordset("from since")


def from_another(words: list[str], find: Callable[[Sequence[str]], Found[T] | None], also: list[str]) -> None:
    """ "I've got my script from the eye test, I need to choose frames", "a lash fill, I'm three weeks out from my
    last set": a service something came from (or is counted since) is one had, not asked for, when another is named
    too; its words are claimed (in `also` too)."""
    rest, had = list(words), []
    while (found := find(rest)) is not None:
        claim(rest, found)
        k = found.start - 1
        while word_at(words, k) in _SOURCE_LEADS and k > found.start - 3:
            k -= 1
        if word_at(words, k) in _SOURCES:
            had.append(found)
    for found in had:
        others = [BLANK if found.start <= i < found.end else w for i, w in enumerate(words)]
        if find(others) is None:
            return  # the only service said: "the results from the scan" may still be what they ring about
        claim(words, found)
        claim(also, found)
