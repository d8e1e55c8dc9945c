"""What the caller had before or is doing, said as background: "I had my hearing aids fitted in March and they need
a tweak", "we were away in June", "I'm running a half marathon in April". Neither the service had nor the month is
the booking's."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.numbers import cardinal_at
from slotline.infrastructure.rules_nlu.vocabulary import MONTHS, TRAVELLING, WEEKDAYS
from slotline.infrastructure.rules_nlu.words import BLANK, Found, word_at, wordset

__all__ = [
    "done_by_someone",
    "had_before",
    "how_long_lasted",
    "how_long_since",
    "months_past",
    "parts_of_days_past",
    "reported_wait",
    "since_the_last",
    "things_done",
    "weekdays_past",
]

_OWNERS = wordset("my the our his her their")
_PAST = wordset("had was were did got")
_CLAUSE_BREAKS = wordset("and but so because then")
_PAST_REACH = 6
_DOING = wordset("im were shes hes theyre am are is")  # "I'm running", "we're getting married"
_WISHING = wordset("hoping looking wanting thinking trying wondering going planning aiming needing")


def had_before(words: Sequence[str], start: int) -> bool:
    """ "had my", "had a" just before the thing named at `start`: something the caller had."""
    return word_at(words, start - 1) in _OWNERS | _ARTICLES and word_at(words, start - 2) == "had"


_ARTICLES = wordset("a an")


def months_past(words: Sequence[str], days: list[Found[DayReading]]) -> list[Found[DayReading]]:
    """`days`, with a month said in a clause about the past ("had ... fitted in March") no longer counted."""
    kept = []
    for f in days:
        month = word_at(words, f.start + (word_at(words, f.start) == "in"))
        if f.value.counts and month in MONTHS and _said_of_the_past(words, f.start):
            f = Found(replace(f.value, counts=False), f.start, f.end)
        kept.append(f)
    return kept


_DONE = wordset("did had")
_DOERS = wordset("i we she he they")
_DONE_REACH = 6
_TRIED = wordset("tried had done did")
_NEVER = wordset("never havent hasnt hadnt not")  # "I haven't tried", "she's never had"
_NOT_YET = wordset("havent hasnt hadnt")  # "I haven't driven": the verb itself names what was not done


def things_done(words: Sequence[str]) -> list[tuple[int, int]]:
    """Where "I did the pregnancy test here on Saturday" names what was already done, or "I haven't tried the reformer
    before" what never was: [start, end) spans of the words after "did"/"had"/"tried", up to the end of the clause;
    they add no other service to a booking."""
    spans: list[tuple[int, int]] = []
    for k, word in enumerate(words):
        if word_at(words, k - 1) in _NOT_YET and word not in _DONE | _TRIED:
            spans.append((k, k + 1))  # "I haven't driven since 2015": what was not done, no driving lesson asked for
        done = word in _DONE and word_at(words, k - 1 - (word_at(words, k - 1) == "already")) in _DOERS
        if not done and not (word in _TRIED and word_at(words, k - 1) in _NEVER):
            continue
        end = k + 1
        while end < min(len(words), k + 1 + _DONE_REACH) and words[end] not in _CLAUSE_BREAKS and words[end] != BLANK:
            end += 1
        spans.append((k + 1, end))
    return spans


_DID_IT = wordset("she he they who")
_WHOSE = wordset("my our his her their the")


def done_by_someone(words: Sequence[str], start: int, names_end: set[int]) -> bool:
    """ "it was Cian did my assessment", "she did my nails last time": the thing named at `start` was done by someone
    (`names_end`: where the people named end), which says who, not what the caller wants now."""
    k = start - 1 - (word_at(words, start - 1) in _WHOSE)
    return word_at(words, k) == "did" and (word_at(words, k - 1) in _DID_IT or k in names_end)


_LASTING_UNITS = wordset("day days week weeks month months year years")
_NOT_LASTING_AFTER = wordset("time from today now away ahead out later")  # "for two weeks' time", "two weeks from"
_ANCHORS = frozenset(WEEKDAYS) | wordset("today tomorrow")
_SUFFERING = wordset("is has have been its hurting aching shaking bleeding sore swollen paining had")


def how_long_lasted(words: Sequence[str]) -> list[Found[int]]:
    """ "it is shaking for one month", "it's been hurting for two weeks", "paining since one month": how long something
    has lasted, never a day or a time (claimed before the dates are read)."""
    found: list[Found[int]] = []
    for i, word in enumerate(words):
        since = word == "since" and (cardinal_at(words, i + 1) or word_at(words, i + 1) in ("a", "an"))
        if not since and (word != "for" or not _SUFFERING.intersection(words[max(0, i - 3) : i])):
            continue  # "paining since one month" (South Asian English): for a month
        count = cardinal_at(words, i + 1)
        start = i + 1 + (word_at(words, i + 1) in ("a", "an", "the", "last", "past"))
        count = cardinal_at(words, start) if count is None else count
        end = count.end if count is not None else start
        dated = word_at(words, end + 1) == "on" and word_at(words, end + 2) in _ANCHORS  # "for a week on Thursday"
        if word_at(words, end) in _LASTING_UNITS and word_at(words, end + 1) not in _NOT_LASTING_AFTER and not dated:
            found.append(Found(count.value if count is not None else 1, i, end + 1))
    return found


_REPORTED = wordset("told said asked advised suggested recommended")
_SPAN_UNITS = wordset("week weeks months month")
_FROM_NOW = wordset("today now")


def reported_wait(words: Sequence[str], days: Sequence[Found[DayReading]]) -> bool:
    """ "the doctor told to come for review after six weeks. Tuesday evening?": a wait someone advised earlier, said
    beside a weekday, may have run already (this Tuesday) or start now (the Tuesday six weeks on): asked, never
    guessed. "two weeks from today" says from when."""
    for f in days:
        said = words[f.start : f.end + 2]
        if not f.value.counts or not _SPAN_UNITS.intersection(said) or _FROM_NOW.intersection(said):
            continue
        beside_a_weekday = any(w in WEEKDAYS for w in said) or any(g.value.bare_weekday for g in days if g is not f)
        if beside_a_weekday and _REPORTED.intersection(words[max(0, f.start - 8) : f.start]):
            return True
    return False


_ABOUT_A_BOOKING = wordset("booked booking appointment appt")


def weekdays_past(
    words: Sequence[str], days: list[Found[DayReading]], starts: frozenset[int] = frozenset()
) -> list[Found[DayReading]]:
    """`days`, with a bare weekday said in a clause about the past ("I did the test here on Saturday ... come back
    two weeks from today", "I rolled my ankle at touch on Thursday night, can I get in?") no longer counted (never one
    the caller had booked). Said alone, the day is then asked: what happened that day is not when to come."""
    past = [
        f
        for f in days
        if f.value.counts
        and _a_day_gone_by(words, f, days, starts)
        and not _ABOUT_A_BOOKING.intersection(words[max(0, f.start - _EVENT_REACH) : f.start])
    ]
    if not past:
        return days
    return [Found(replace(f.value, counts=False), f.start, f.end) if f in past else f for f in days]


def parts_of_days_past(
    words: Sequence[str], days: Sequence[Found[DayReading]], starts: frozenset[int] = frozenset()
) -> frozenset[int]:
    """Where a part of the day follows a weekday said of the past ("I rolled my ankle on Thursday night"): when it
    happened, no wish."""
    return frozenset(f.end for f in days if not f.value.counts and _a_day_gone_by(words, f, days, starts))


_SIMPLE_PAST = wordset("did was were went came")  # not "got" ("I've got a meeting, make it Tuesday") nor "had to"
# What happened to the caller: "I hurt my back Sunday", "she fell on Friday" (any other "-ed" word too, but these)
_HAPPENED = wordset("hurt broke fell tore bit lost hit cut")
# Said of earlier today only ("I found fleas on him this morning"; "I saw Tom last month, Monday please" is a wish)
_HAPPENED_TODAY = wordset("found saw woke ate threw felt noticed")
_NOT_HAPPENINGS = wordset(
    "wanted needed hoped wondered planned preferred liked asked booked scheduled rescheduled requested decided "
    "figured reckoned meant tried changed moved arranged confirmed supposed used expected intended mentioned "
    "cancelled canceled told advised suggested recommended referred offered promised"
)
# Where a request starts ("I chipped a tooth can I come Thursday"): the day is the request's, not the past's
_REQUEST_STARTS = wordset("can could would will want wanna need like book get do does any is are please")
_EVENT_REACH = 10
_JUST = wordset("just already only recently actually")


def _a_day_gone_by(
    words: Sequence[str], f: Found[DayReading], days: Sequence[Found[DayReading]], starts: frozenset[int]
) -> bool:
    """A bare weekday, or earlier today, said in a clause about what happened."""
    if f.value.bare_weekday:
        return _done_before(words, f.start, starts)
    return _earlier_today(words, f, days) and _done_before(words, f.start, starts, _HAPPENED_TODAY)


def _earlier_today(words: Sequence[str], f: Found[DayReading], days: Sequence[Found[DayReading]]) -> bool:
    """ "this morning", "today": said of what happened ("I found fleas on him this morning"), no day to book (unless
    the same day is asked for too: "I saw the notice this morning, anything this afternoon?")."""
    if any(g is not f and g.value.counts and g.value.day == f.value.day for g in days):
        return False
    said = words[f.start : f.end]
    part = word_at(words, f.end) if said[-1:] == ["this"] else said[-1] if said else ""
    return "today" in said or (said[:1] == ["this"] and part in ("morning", "afternoon"))


def _happened(word: str) -> bool:
    return word in _HAPPENED or (len(word) > 4 and word.endswith("ed") and word not in _NOT_HAPPENINGS)


def _done_before(
    words: Sequence[str], start: int, starts: frozenset[int] = frozenset(), also: frozenset[str] = frozenset()
) -> bool:
    """ "I did the test here on Saturday", "we were in on Monday", "I chipped a filling at the game Sunday": a simple
    past earlier in the clause, its doer just before it (`starts`: where clauses after the first start, when the
    turn was typed with punctuation)."""
    for k in range(start - 1, max(start - 1 - _EVENT_REACH, -1), -1):
        word = words[k]
        if word in _CLAUSE_BREAKS or word == BLANK or word in WEEKDAYS or word in _REQUEST_STARTS:
            return False  # "she came last Thursday, ... Friday"
        if k + 1 in starts and k + 1 < start:
            return False  # "I hurt my knee in October, a massage on Monday"
        doer = word_at(words, k - 1 - (word_at(words, k - 1) in _JUST))  # "we just adopted a kitten on Saturday"
        if (word in _SIMPLE_PAST or word in also or _happened(word)) and doer in _DOERS:
            return not word_at(words, k + 1).endswith("ing")  # "I was hoping for Saturday" is a wish
        after_doing = word.endswith("ing") and word_at(words, k - 1) == "after" and word_at(words, k - 2) in _DOING
        if after_doing and "on" in (word_at(words, start - 1), word_at(words, start)):
            return True  # Irish English: "I'm after doing my knee playing five-a-side on Saturday": it happened
    return False


def _said_of_the_past(words: Sequence[str], start: int) -> bool:
    """A past tense, something the caller is doing ("I'm running a half marathon in April") or a trip ("we're
    bringing the dog to France on the ferry in July") earlier in the clause: the month is when that happens."""
    for k in range(start - 1, max(start - 1 - _TRIP_REACH, -1), -1):
        word = words[k]
        if word in _CLAUSE_BREAKS or word == BLANK:
            return False
        if _a_trip_to(words, k, start):
            return True
        if k < start - _PAST_REACH:
            continue
        if word in _PAST or (_happened(word) and word_at(words, k - 1) in _DOERS):  # "I broke my wrist in July"
            return not word_at(words, k + 1).endswith("ing")  # "I was hoping for July" is a wish
        if word.endswith("ing") and word_at(words, k - 1) in _DOING and word not in _WISHING:
            return True
    return False


_TRIP_REACH = 10
_TRIPS = TRAVELLING | wordset("going off sailing bringing taking")
_NOT_TO_A_PLACE = wordset("come be book get need want have do try see call pop drop make go bring take wait ring")


def _a_trip_to(words: Sequence[str], k: int, start: int) -> bool:
    """ "we're going to Portugal in July", "I'm off to Spain in August", "we're taking him to France on the ferry in
    July": someone travels to a place (not "I'm going to come in July": a wish)."""
    if words[k] not in _TRIPS or word_at(words, k - 1) not in _DOING:
        return False
    to = next((i for i in range(k + 1, start) if words[i] == "to"), None)
    return to is not None and to + 1 < start and words[to + 1] not in _NOT_TO_A_PLACE


_SINCE = wordset("from since")
_LAST = wordset("last previous")
_SINCE_REACH = 3


def since_the_last(words: Sequence[str]) -> frozenset[int]:
    """ "three weeks out from my last set", "since my previous fill": the words of the thing counted from, which
    was had, never asked for."""
    had: set[int] = set()
    for i in range(len(words) - 2):
        if words[i] in _SINCE and words[i + 1] in _OWNERS and words[i + 2] in _LAST:
            end = next(
                (k for k in range(i + 3, min(len(words), i + 3 + _SINCE_REACH)) if words[k] in _CLAUSE_BREAKS), None
            )
            had.update(range(i + 3, end if end is not None else min(len(words), i + 3 + _SINCE_REACH)))
    return frozenset(had)


_HALF = ("and", "a", "half")


def how_long_since(words: Sequence[str]) -> list[Found[int]]:
    """ "I'm like two and a half weeks out from my last set", "three weeks since my fill": how long since something
    was had, never a day or a time (claimed before the dates are read: no "like two" o'clock)."""
    found: list[Found[int]] = []
    for i in range(len(words)):
        count = cardinal_at(words, i)
        if count is None or (i > 0 and cardinal_at(words, i - 1) is not None):
            continue
        end = count.end + (3 if tuple(words[count.end : count.end + 3]) == _HALF else 0)
        if word_at(words, end) not in _LASTING_UNITS:
            continue
        after = word_at(words, end + 1)
        if after == "since" or (after == "out" and word_at(words, end + 2) in ("from", "since")):
            found.append(Found(count.value, i, end + 1))
    for i, word in enumerate(words):  # "I haven't driven since about 2015": a year gone, no time of 8:15 PM
        k = i + 1 + (word_at(words, i + 1) in _ABOUT)
        if word == "since" and _A_YEAR.fullmatch(word_at(words, k)):
            found.append(Found(int(words[k]), i, k + 1))
    return found


_ABOUT = wordset("about around like roughly maybe")
_A_YEAR = re.compile(r"(?:19|20)\d\d")
