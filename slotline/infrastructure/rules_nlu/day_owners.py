"""A day said of something other than the visit wished for: of another service the caller has ("a check-up, the
cleaning's next month"), of something they already have, that started or that runs out ("saturday, she has soccer
friday", "an earache since sunday", "my MOT runs out end of the month"), of this call ("sorry to call on a Sunday"),
or of the appointment moved ("shift my facial on christmas eve to tuesday"). Such a day is read, but does not count.
What was had in an earlier clause is not ruled out, so where the clauses start is found here too."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from slotline.domain.ids import ServiceId
from slotline.infrastructure.rules_nlu.day_conflicts import moved_from_to
from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.loanwords import loanwords
from slotline.infrastructure.rules_nlu.other_events import another_events_day, since_then, something_runs_out_before
from slotline.infrastructure.rules_nlu.references import tidy
from slotline.infrastructure.rules_nlu.states import done_on
from slotline.infrastructure.rules_nlu.words import BLANK, CLAUSE_END, Found, normalise, word_at, wordset

_NAME_REACH = 3


def of_another_service(
    words: Sequence[str],
    days: list[Found[DayReading]],
    services: Sequence[ServiceId],
    find: Callable[[Sequence[str]], Found[ServiceId] | None],
) -> list[Found[DayReading]]:
    """ "a check-up, the cleaning's next month", "my MOT is on Friday": a day said of another service the caller has
    is that service's, not the one booked."""
    kept: list[Found[DayReading]] = []
    for f in days:
        said_before = find(words[max(0, f.start - _NAME_REACH) : f.start])
        if said_before is not None and said_before.value in services:
            kept.append(f)  # "the hand-painted highlights? Tuesday": the booked service's own name, not "highlights"
            continue
        before = word_at(words, f.start - 1)
        possessive = before.endswith("s") and not before.endswith("ss")  # "the cleaning's", not "my business"
        owner = word_at(words, f.start - 2) if before == "is" else (before[:-1] if possessive else "")
        ruled_out = "not" in words[max(0, f.start - 4) : f.start - 1]  # "not the extensions, Saturday": no owner
        # "a fill on my acrylics Saturday": what the service is done on, not another service's day
        ruled_out = ruled_out or (before != "is" and f.start - 2 in done_on(words, f.start - 3))
        other = find([owner]) if owner and not ruled_out else None
        kept.append(
            Found(replace(f.value, counts=False), f.start, f.end) if other and other.value not in services else f
        )
    return kept


def busy_days(
    free: Sequence[str], days: list[Found[DayReading]], starts: frozenset[int] = frozenset()
) -> list[Found[DayReading]]:
    """ "saturday, she has soccer friday": the day of something the caller already has is ruled out, not wished;
    so is a day something started ("an earache since sunday") or runs out ("my MOT runs out end of the month").
    What was had in an earlier clause is not ("he's got colic. Wednesday?"): `starts` are the clauses' starts."""
    return [
        Found(replace(f.value, counts=False), f.start, f.end)
        if another_events_day(_this_clause(free, f.start, starts), f.start, f.end)
        or word_at(free, f.start - 1) == "since"
        or since_then(free, f.start)
        or something_runs_out_before(free, f.start)
        else f
        for f in days
    ]


def clause_starts(utterance: str, words: Sequence[str], region: str | None) -> frozenset[int]:
    """Where each clause after the first starts in `words` (the tidied words of the utterance, or of its end after a
    correction): "he's got colic. Wednesday?", "oh wait, no, she has school, Friday". A start whose word does not
    line up within two words is left out (tidying the whole turn may add or drop a word: "so, three" is "so at
    three")."""
    parts = [tidy(loanwords(normalise(part), region)) for part in CLAUSE_END.split(utterance)]
    offset = sum(len(p) for p in parts) - len(words)  # `words` is the utterance or its end
    starts, count, last = set(), 0, 0
    for part in parts:
        near = (count - offset + d for d in (0, 1, -1, 2, -2))
        at = next((i for i in near if last < i < len(words) and part and words[i] == part[0]), None)
        if at is not None:
            starts.add(at)
            last = at
        count += len(part)
    return frozenset(starts)


def _this_clause(free: Sequence[str], i: int, starts: frozenset[int]) -> Sequence[str]:
    """`free` with the words before the clause of word `i` blanked, and without the clauses after it ("Saturday she
    has tuition. Nothing on Wednesday?")."""
    start = max((s for s in starts if s <= i), default=0)
    end = min((s for s in starts if s > i), default=len(free))
    return [BLANK] * start + list(free[start:end])


_CALLING = wordset("call calling ring ringing phone phoning bother bothering")


def not_of_this_call(words: Sequence[str], days: list[Found[DayReading]]) -> list[Found[DayReading]]:
    """ "sorry to call on a Sunday", "sorry for ringing so late on a Friday": when the caller is calling, no wish."""
    kept = []
    for f in days:
        lead = f.start - (word_at(words, f.start) == "on")
        if word_at(words, lead - 1) in ("a", "an") and _CALLING.intersection(words[max(0, lead - 5) : lead]):
            f = Found(replace(f.value, counts=False), f.start, f.end)
        kept.append(f)
    return kept


def moved_from(words: Sequence[str], days: list[Found[DayReading]]) -> list[Found[DayReading]]:
    """ "shift my facial on christmas eve to tuesday": the day it is on names what exists; the day it goes to counts
    (and so does not the same day said another way before it: "my wednesday follow-up, the day before thanksgiving,
    to the friday after")."""
    old = {f.value.day for k, f in enumerate(days) if any(moved_from_to(words, f, n) for n in days[k + 1 : k + 2])}
    return [
        Found(replace(f.value, counts=False), f.start, f.end)
        if f.value.day in old
        and f.value.day is not None
        and f.value.last is None
        and any(f.end <= g.start for g in days if g.value.day not in old)
        else f
        for f in days
    ]
