"""The offline, rule-based UtteranceInterpreter: keyword intents, calendar rules, fuzzy catalogue names."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import TypeVar
from zoneinfo import ZoneInfo

from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.expectation import OPEN, Expectation
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.preference import PartOfDay, StartBounds
from slotline.domain.reference import Nudge, Reference
from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.common.clock_rules import local_today
from slotline.infrastructure.common.phone_parsing import country_of
from slotline.infrastructure.rules_nlu.after_a_day import after_at, weekday_after_a_day, weekday_of_a_day_said
from slotline.infrastructure.rules_nlu.ages import how_far_along, school_years
from slotline.infrastructure.rules_nlu.asides import around_the_school_run, in_a_row, kept_as_it_is, one_after_another
from slotline.infrastructure.rules_nlu.business_words import (
    ServiceWords,
    StaffTitles,
    names_nothing,
    says_a_child_s_age,
    says_for_whom,
)
from slotline.infrastructure.rules_nlu.catalogue_names import ServiceNames, StaffNames
from slotline.infrastructure.rules_nlu.chatter import (
    KNOWN_WORDS,
    is_chatter,
    is_off_topic,
    is_unrelated_question_or_chatter,
)
from slotline.infrastructure.rules_nlu.choices import LAST, find_choice
from slotline.infrastructure.rules_nlu.dates import find_days, pick_days
from slotline.infrastructure.rules_nlu.day_conflicts import days_disagree, moved_from_to, names_what_they_have
from slotline.infrastructure.rules_nlu.day_parts import at_opening, find_earliest, find_part_of_day
from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.day_refusals import echoed_as_nothing, refused_after
from slotline.infrastructure.rules_nlu.days_of_a_day import (
    after_a_date,
    the_week_of,
    the_weekday_after,
    weekday_of_the_same_week,
)
from slotline.infrastructure.rules_nlu.either import offers_either
from slotline.infrastructure.rules_nlu.fact_reader import FactReader, refers_back
from slotline.infrastructure.rules_nlu.greetings import not_greetings, unsaluted
from slotline.infrastructure.rules_nlu.holidays import HolidayNames
from slotline.infrastructure.rules_nlu.intent import classify
from slotline.infrastructure.rules_nlu.listed_first import without_the_list
from slotline.infrastructure.rules_nlu.loanwords import loanwords
from slotline.infrastructure.rules_nlu.lost_day import day_lost_before_part
from slotline.infrastructure.rules_nlu.numbers import cardinal_at
from slotline.infrastructure.rules_nlu.numeric_dates import NumericDates
from slotline.infrastructure.rules_nlu.one_after import not_this_one, the_one_after
from slotline.infrastructure.rules_nlu.opening_clock import OpeningClock
from slotline.infrastructure.rules_nlu.other_events import (
    another_events_day,
    another_events_part,
    since_then,
    something_runs_out_before,
    things_had,
    things_to_do_first,
    time_off_after_a_day,
)
from slotline.infrastructure.rules_nlu.own_diary import without_own_diary
from slotline.infrastructure.rules_nlu.past_mentions import (
    done_by_someone,
    had_before,
    how_long_lasted,
    months_past,
    parts_of_days_past,
    reported_wait,
    things_done,
    weekdays_past,
)
from slotline.infrastructure.rules_nlu.phone_numbers import find_phone
from slotline.infrastructure.rules_nlu.references import find_latest, find_references, more_services, tidy
from slotline.infrastructure.rules_nlu.relative_days import weekday_in_counted_week
from slotline.infrastructure.rules_nlu.said_times import loosely, of_days_ruled_out
from slotline.infrastructure.rules_nlu.self_correction import corrected, split_at_correction
from slotline.infrastructure.rules_nlu.service_length import length_said, the_one_of_length
from slotline.infrastructure.rules_nlu.soon import find_wait
from slotline.infrastructure.rules_nlu.spelling import respelled
from slotline.infrastructure.rules_nlu.this_or_next import this_or_next_differ
from slotline.infrastructure.rules_nlu.time_bounds import BoundsReading, find_bounds, pick_bounds
from slotline.infrastructure.rules_nlu.time_moved import moved_to_time, times_had
from slotline.infrastructure.rules_nlu.times import TimeReading, find_times, pick_time
from slotline.infrastructure.rules_nlu.unsure import leftover_meaning, without_the_days_month
from slotline.infrastructure.rules_nlu.visits import VisitKinds, visit_said
from slotline.infrastructure.rules_nlu.word_of_mouth import word_of_mouth
from slotline.infrastructure.rules_nlu.words import (
    BLANK,
    CLAUSE_END,
    Found,
    claim,
    negated_before,
    negation_start,
    normalise,
    word_at,
    wordset,
)

__all__ = ["RulesUtteranceInterpreter", "local_today"]

T = TypeVar("T")
_JOINED = frozenset(("and", "plus"))
_MYSELF = (("for", "me"), ("for", "myself"), ("me", "and"), ("myself", "and"))
_HONORIFICS = frozenset(("dr", "doctor", "mr", "mrs", "ms", "miss", "mx"))


def _claimed(words: list[str], found: Iterable[Found[T] | None]) -> list[Found[T]]:
    """Blank the words each finding was read from, with the "not" that ruled it out ("not tuesday")."""
    kept = [f for f in found if f is not None]
    for f in kept:
        claim(words, Found(f.value, negation_start(words, f.start), f.end))
    return kept


def _named(words: list[str], found: Found[T] | None) -> list[Found[T]]:
    """A service or person, unless ruled out ("not with sam"): then it is claimed, but names nobody."""
    if found is None:
        return []
    if word_at(words, found.start - 1) in _HONORIFICS:  # "not dr lopez": the title is part of the name said
        found = Found(found.value, found.start - 1, found.end)
    ruled_out = negated_before(words, found.start) or (
        word_at(words, found.start - 1) == "with" and negated_before(words, found.start - 1)
    )
    _claimed(words, [Found(found.value, found.start - (word_at(words, found.start - 1) == "with"), found.end)])
    return [] if ruled_out else [found]


def _every_named(words: list[str], find: Callable[[Sequence[str]], Found[T] | None]) -> list[Found[T]]:
    """Every mention claimed, the ruled-out ones naming nobody: "with Tasha, not Lena" is Tasha."""
    named: list[Found[T]] = []
    while (found := find(words)) is not None:
        named += _named(words, found)
    return named


def _with_whom(words: Sequence[str], named: list[Found[T]]) -> list[Found[T]]:
    """Of several people named, the last one said with "with" first: "Ayesha comes in the evening. Then with Sadia,
    same time" is Sadia."""
    corrected = [f for f in named if word_at(words, f.start - 1) in _CHANGED_TO]  # "with Kirsty ... Actually, Ailsa"
    led = corrected or [f for f in named if word_at(words, f.start - 1) == "with"]
    return [led[-1], *(f for f in named if f is not led[-1])] if len(named) > 1 and led else named


_CHANGED_TO = frozenset(("actually", "rather", "instead"))


_UNITS = frozenset(("day", "week", "month", "year", "hour", "minute", "mile"))


_AT_A_TIME = frozenset(("at", "by", "around", "about", "till", "until", "from", "after", "before"))


def _with_qualifier(words: Sequence[str], found: Found[T] | None) -> Found[T] | None:
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


_NAME_REACH = 3


def _of_another_service(
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
        owner = word_at(words, f.start - 2) if before == "is" else (before[:-1] if before.endswith("s") else "")
        ruled_out = "not" in words[max(0, f.start - 4) : f.start - 1]  # "not the extensions, Saturday": no owner
        other = find([owner]) if owner and not ruled_out else None
        kept.append(
            Found(replace(f.value, counts=False), f.start, f.end) if other and other.value not in services else f
        )
    return kept


def _after_the_wait(
    now: datetime, zone: ZoneInfo, minutes: int, bounds: list[Found[BoundsReading]]
) -> tuple[DayReading | None, list[Found[BoundsReading]]]:
    """ "in half an hour": today, starting no sooner than then (nothing when then is tomorrow)."""
    then = (now if now.tzinfo is None else now.astimezone(zone)) + timedelta(minutes=minutes)
    if then.date() != local_today(now, zone):
        return None, bounds
    after = BoundsReading(StartBounds(not_before=then.time().replace(second=0, microsecond=0)))
    return DayReading(then.date()), [*bounds, Found(after, 0, 0)]


def _on_the_quarter(now: datetime, zone: ZoneInfo, minutes: int) -> TimeReading | None:
    """ "in an hour" said at 3 PM: about 4 PM, a time a receptionist would offer as asked for (when then falls on a
    quarter hour; "in half an hour" at 3:07 stays "from 3:37 on")."""
    then = (now if now.tzinfo is None else now.astimezone(zone)) + timedelta(minutes=minutes)
    return TimeReading(then.time().replace(second=0, microsecond=0), True) if then.minute % 15 == 0 else None


def _also_for_the_caller(words: Sequence[str]) -> bool:
    """ "for me and one for my son", "me and my daughter": the caller wants one too (not "not for me")."""
    pairs = list(pairwise(words))
    return _JOINED.intersection(words) != set() and any(
        pair in _MYSELF and word_at(words, k - 1) != "not" for k, pair in enumerate(pairs)
    )


def _only_mine(words: Sequence[str]) -> bool:
    """ "mine and my son's, I need to cancel mine only": the caller's own, never the one for whoever else is named."""
    return any(w == "mine" and word_at(words, k + 1) in _ONLY_AFTER_MINE for k, w in enumerate(words))


_ONLY_AFTER_MINE = frozenset(("only", "just", "not"))


def _other_days(days: Sequence[Found[DayReading]], picked: DayReading | None) -> tuple[date, ...]:
    """The single days said besides the one picked, ruled out or not: "I can't make Wednesday, could I do Friday"
    keeps Wednesday."""
    said = (f.value.day for f in days if f.value.last is None and f.value.day is not None)
    return tuple(d for d in dict.fromkeys(said) if picked is None or d != picked.day)


_KEEP = frozenset(("keep", "leave"))
_IT = frozenset(("it", "that", "this"))


def _kept_after(words: Sequence[str], end: int) -> bool:
    """ "my own consultation, keep it as it is": the thing named just before `end` is kept as it is."""
    return word_at(words, end) in _KEEP and word_at(words, end + 1) in _IT


_OWNED = frozenset(("my", "the", "our", "his", "her", "their"))
_ARTICLES = _OWNED | {"a", "an"}


def _not_kept(words: list[str], find: Callable[[Sequence[str]], Found[T] | None], also: list[str]) -> Found[T] | None:
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


def _busy_days(
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


def _clause_starts(utterance: str, words: Sequence[str], region: str | None) -> frozenset[int]:
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


_NUDGES = (Nudge.LATER, Nudge.EARLIER)
_ONE_OF_TWO = (Nudge.LATER_ONE, Nudge.EARLIER_ONE)
_ACTS = frozenset(("cancel", "move", "reschedule", "switch", "shift", "change", "swap", "drop"))


def _acted_on(words: list[str], find: Callable[[Sequence[str]], Found[T] | None], also: list[str]) -> None:
    """ "I've got the bath and his nails on Saturday, can you cancel just the nails one": with a thing named after
    the cancel or move, the things named before it only say what exists; they are claimed (in `also` too)."""
    verb = next((i for i, w in enumerate(words) if w in _ACTS), None)
    after = find([BLANK if i <= verb else w for i, w in enumerate(words)]) if verb is not None else None
    if verb is None or after is None or _kept_after(words, after.end):  # "... my consultation, keep it as it is"
        return
    while (found := find(words)) is not None and found.start < verb:
        claim(words, found)
        claim(also, found)


_CALLING = wordset("call calling ring ringing phone phoning bother bothering")


def _not_of_this_call(words: Sequence[str], days: list[Found[DayReading]]) -> list[Found[DayReading]]:
    """ "sorry to call on a Sunday", "sorry for ringing so late on a Friday": when the caller is calling, no wish."""
    kept = []
    for f in days:
        lead = f.start - (word_at(words, f.start) == "on")
        if word_at(words, lead - 1) in ("a", "an") and _CALLING.intersection(words[max(0, lead - 5) : lead]):
            f = Found(replace(f.value, counts=False), f.start, f.end)
        kept.append(f)
    return kept


_SOURCE_LEADS = wordset("the my your our his her last")


def _from_another(words: list[str], find: Callable[[Sequence[str]], Found[T] | None], also: list[str]) -> None:
    """ "I've got my script from the eye test, I need to choose frames": a service something came from is one had,
    not asked for, when another is named too; its words are claimed (in `also` too)."""
    found = find(words)
    while found is not None:
        k = found.start - 1
        k -= word_at(words, k) in _SOURCE_LEADS
        if word_at(words, k) != "from":
            return
        rest = [BLANK if found.start <= i < found.end else w for i, w in enumerate(words)]
        if find(rest) is None:
            return  # the only service said: "the results from the scan" may still be what they ring about
        claim(words, found)
        claim(also, found)
        found = find(words)


def _moved_from(words: Sequence[str], days: list[Found[DayReading]]) -> list[Found[DayReading]]:
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


_TAKING_IN = wordset(
    "oh ah ahh right of course yes yeah ok okay sure true fair enough silly me forgot i duh doh never thought the on "
    "about"  # "right on, I never thought of the Regatta. Thursday then"
    " jeez geez gosh golly goodness god lord heck shoot dang darn whoops oops crikey blimey"  # "oh right, jeez"
    " go way away"  # Irish: "go way, I forgot about St Brigid's"
)
_THEN = wordset("then so well in that case ok okay")
_PROPOSING = wordset("what how about can could we i do try maybe instead on for")  # "what about tuesday then"
_IT_IS = wordset("it's its it is that's thats was")  # "oh right, it's Thanksgiving"
_ITS_BREAK = wordset("weekend long holiday holidays break")  # "ah yeah, Labour weekend. Tuesday then?"


def _taken_in(
    free: Sequence[str], holidays: list[Found[DayReading]], others: list[Found[DayReading]]
) -> list[Found[DayReading]]:
    """ "oh right, Memorial Day. Tuesday, June 1st then": a holiday the caller only takes in (what the agent said
    is closed), followed by the day they want instead, is no wish."""
    out = []
    for f in holidays:
        said_first = all(w in _TAKING_IN or w in _IT_IS or w == BLANK for w in free[: f.start])
        between = _THEN | _TAKING_IN | _ITS_BREAK | _PROPOSING  # "oh right, it's Thanksgiving, duh. Tuesday then"
        between = between | _IT_IS | {"after", "the", "it"}  # "yes, Avurudu. Then after the Avurudu, on the 15th"
        between = between | _SHUT_SAID  # "that's Paddy's Day, ye'll be shut. The 18th so"
        follows = [
            o for o in others if o.start >= f.end and all(w in between or w == BLANK for w in free[f.end : o.start])
        ]
        if said_first and follows and follows[0].value.day != f.value.day:
            f = Found(replace(f.value, counts=False), f.start, f.end)
        out.append(f)
    return out


_CLOSED = wordset("shut closed close")
_SHUT_SAID = _CLOSED | wordset("you ye youll yell youre theyll theyre be will probably")


def _closed_said(words: Sequence[str], days: list[Found[DayReading]]) -> list[Found[DayReading]]:
    """ "oh you're shut on Sundays, fair enough. Tuesday then": a day said as closed, beside another, is no wish."""
    closed = [f for f in days if f.value.counts and _said_closed(words, f.start)]
    holidays = [h for f in days if f.value.counts for h in _the_holiday_it_is(words, f, days)]
    closed_days = {h.value.day for h in holidays if h.value.day is not None}  # and that day said before: the same
    closed += [
        f for f in days if f not in closed and (f in holidays or (f.value.counts and f.value.day in closed_days))
    ]
    if not closed or not any(f.value.counts and f not in closed for f in days):
        return days
    return [Found(replace(f.value, counts=False), f.start, f.end) if f in closed else f for f in days]


_YOU = wordset("you yinz yall youse yous ye yez")  # "oh yinz are closed Sundays?" (Pittsburgh), "ye're shut"


def _said_closed(words: Sequence[str], start: int) -> bool:
    """ "you're shut on", "you are closed", "it's closed" just before the day at `start` (not "are you closed")."""
    for k in range(max(0, start - 2), start + 1):
        if words[k] in _CLOSED:
            j = k - 1
            while word_at(words, j) in _HEDGES:  # "you're probably closed today"
                j -= 1
            right_before = all(w == "on" for w in words[k + 1 : start])
            if not right_before:
                continue  # "you're shut Sundays, tomorrow then": the closed day is the one right after "shut"
            if word_at(words, j) in _YOU and word_at(words, j - 1) not in ("are", "do", "will"):
                return True  # "oh y'all closed Sundays?": said, not asked
            return word_at(words, j) in _STATED or (word_at(words, j) == "are" and word_at(words, j - 1) in _YOU)
    return False


_HEDGES = wordset("probably likely prob maybe still already usually all guys folks")  # "you guys closed"
_HOLIDAY_WORDS = wordset("holiday closed shut")


def _the_holiday_it_is(
    words: Sequence[str], day: Found[DayReading], days: Sequence[Found[DayReading]]
) -> list[Found[DayReading]]:
    """ "tomorrow's a public holiday", "Tuesday is Freedom Day", "Wednesday a Ash Wednesday": the day said, then
    said to be a holiday: [the day] (with the holiday's own name, when said: both are ruled out), else []."""
    k = day.end + (word_at(words, day.end) in ("is", "s"))
    k += word_at(words, k) in ("a", "an", "the")
    if k == day.end:
        return []  # "Monday 15th March": the same day said twice, no holiday
    k += word_at(words, k) in ("public", "bank", "national", "school")
    if word_at(words, k) in _HOLIDAY_WORDS:
        return [day]
    named = [f for f in days if f.start == k and f is not day]
    if k > day.end and _you_close(words, k):
        return [day, *named]  # "Saturday is new year, you close ah?"
    return [day, *named] if named else []


def _you_close(words: Sequence[str], k: int) -> bool:
    """ "you close", "y'all closed", "you're shut" within a few words after `k` (not "are you closed", which asks)."""
    for j in range(k + 1, min(k + 5, len(words))):
        if words[j] in _CLOSED and word_at(words, j - 1) in ("you", "youre"):
            return word_at(words, j - 2) not in ("are", "do", "will", "were")
    return False


_STATED = wordset("youre theyre its s re")
_OCCASION = wordset("for before with")  # "busy with Christmas": why, beside the day wanted
_BECAUSE = {("because", "of"), ("due", "to"), ("cause", "of")}  # "to Monday, same time, because of Eid"
_IT_IS_NOW = (("its",), ("it", "is"), ("it", "s"))


def _today_said(
    free: Sequence[str], days: list[Found[DayReading]], today: date
) -> tuple[list[Found[DayReading]], frozenset[int]]:
    """ "I know it's Saturday night, ... for the day after tomorrow": today's weekday said as a fact about now,
    beside another day, is no wish (nor is the part of the day said with it: where those days end)."""
    now = [
        f
        for f in days
        if f.value.counts and _today(f.value, today) and (_weather_of(free, f.start) or _said_is_now(free, f.start))
    ]
    if not now or not any(f.value.counts and f not in now for f in days):
        return days, frozenset()
    kept = [Found(replace(f.value, counts=False), f.start, f.end) if f in now else f for f in days]
    return kept, frozenset(f.end for f in now)


def _said_is_now(free: Sequence[str], start: int) -> bool:
    return any(_before(free, start, w) for w in _IT_IS_NOW)


# "some cold out this morning", "it's pouring today": the weather now, no wish
_WEATHER = wordset(
    "cold hot warm wet raining pouring windy freezing snowing foggy sunny chilly humid muggy rainy blowing icy "
    "stormy baltic roasting boiling scorching"
)


def _weather_of(free: Sequence[str], start: int) -> bool:
    lead = start - (word_at(free, start - 1) in ("out", "outside", "here"))
    return word_at(free, lead - 1) in _WEATHER


def _today(reading: DayReading, today: date) -> bool:
    """Today, or today's weekday said bare ("it's saturday", read as next Saturday late on a Saturday)."""
    day = reading.day
    return day == today or (reading.bare_weekday and day is not None and day.weekday() == today.weekday())


def _before(words: Sequence[str], start: int, lead: tuple[str, ...]) -> bool:
    return start >= len(lead) and tuple(words[start - len(lead) : start]) == lead


def _for_the_occasion(
    words: Sequence[str], free: list[str], holidays: list[Found[DayReading]], others: list[Found[DayReading]]
) -> list[Found[DayReading]]:
    """ "a week on Thursday? want him looking flash for Christmas": a holiday the visit is for (or before), beside
    another day said, is why, not when; "a cut for Christmas Eve" alone is still that day; "on Boxing Day? I'll be
    stiff after Christmas": a holiday the days said come after is why (its "after" is claimed)."""
    said = {o.value.day for o in others if o.value.counts and not _weekday_of_a_date(o, others)}
    out = []
    for f in holidays:
        other_holidays = {h.value.day for h in holidays if h is not f and h.value.counts} - {f.value.day}
        after = _said_after_it(free, f, said | other_holidays)  # "boxing day? ... after christmas"
        if after:
            claim(free, Found(None, after_at(free, f.start), f.start))
        why = (
            word_at(free, f.start - 1) in _OCCASION
            or (word_at(free, f.start - 2), word_at(free, f.start - 1)) in _BECAUSE
        )
        asked_later = any(h.start > f.start and h.value.counts and h.value.day != f.value.day for h in holidays)
        if after or (why and said and f.value.day not in said) or (why and asked_later):
            f = Found(replace(f.value, counts=False), f.start, f.end)  # "for NYE, so Thursday"; "for Christmas ...
            # would you have Christmas Eve morning?"
        elif _said_before_it(words, f, said):
            f = Found(replace(f.value, counts=False), f.start, f.end)
        elif not said and not other_holidays and (week := _the_week_after(free, f)) is not None:
            f = week  # "the first day you're open after Eid" (closed three days): the week after its last day
        out.append(f)
    return out


def _the_week_after(free: list[str], holiday: Found[DayReading]) -> Found[DayReading] | None:
    """A holiday of several days running said after "after", with no other day: the seven days after it (its
    "after" claimed)."""
    last, lead = holiday.value.last, after_at(free, holiday.start)
    if last is None or word_at(free, lead) != "after":
        return None
    claim(free, Found(None, lead, holiday.start))
    return Found(DayReading(last + timedelta(days=1), last=last + timedelta(days=7)), lead, holiday.end)


def _said_of_itself(days: list[Found[DayReading]]) -> list[Found[DayReading]]:
    """ "Sunday tomorrow, so please ... on Monday": two day words side by side that name one day say what that day is,
    beside another day wished for (Ghanaian and Nigerian English: "Sunday tomorrow" is "tomorrow is Sunday")."""
    counted = sorted((f for f in days if f.value.counts and f.value.last is None), key=lambda f: f.start)
    facts = {
        id(f)
        for a, b in pairwise(counted)
        if b.start == a.end
        and a.value.day is not None
        and a.value.day == b.value.day
        and not (a.value.exact or b.value.exact)  # "Monday the 11th" is one day said twice, as ever
        for f in (a, b)
    }
    said = {f.value.day for f in counted if id(f) not in facts}
    if not facts or not said - {None}:
        return days
    return [Found(replace(f.value, counts=False), f.start, f.end) if id(f) in facts else f for f in days]


def _weekday_of_a_date(found: Found[DayReading], others: Sequence[Found[DayReading]]) -> bool:
    """ "monday the 15th", "the week after next on tuesday": the bare weekday of a date or a week said with it (read
    on its own as the coming one)."""
    day = found.value.day
    if not found.value.bare_weekday or day is None:
        return False
    return any(
        (o.value.exact and o.value.day and o.value.day.weekday() == day.weekday())
        or (o.value.day and o.value.last and o.value.last - o.value.day == timedelta(days=6))
        for o in others
    )


def _said_after_it(free: Sequence[str], holiday: Found[DayReading], said: set[date | None]) -> bool:
    day = holiday.value.last or holiday.value.day  # "after eid" (closed three days): after the last of them
    return (
        word_at(free, after_at(free, holiday.start)) == "after"
        and day is not None
        and bool(said)
        and all(d is not None and d > day for d in said)
    )


def _said_before_it(words: Sequence[str], holiday: Found[DayReading], said: set[date | None]) -> bool:
    """ "the day after tomorrow? before CNY I want nice nails": a day said that falls before the holiday."""
    last = holiday.value.last
    return words[holiday.start] == "before" and last is not None and bool(said) and all(d and d <= last for d in said)


def _has_range(days: Sequence[Found[DayReading]]) -> bool:
    return any(f.value.last is not None for f in days if f.value.counts)


def _ambiguous(
    words: list[str],
    days: list[Found[DayReading]],
    part: PartOfDay | None,
    today: date,
    starts: frozenset[int] = frozenset(),
) -> list[str]:
    """A day said with two readings ("12/01"), two days that disagree ("tuesday the 3rd" when the 3rd is a
    Thursday), or a part of the day led by words no day could be ("on to the morning": lost_day.py) is named in
    `unsure` as "day", so that the agent asks which day was meant."""
    two_readings = any(f.value.ambiguous and f.value.counts for f in days)
    said = frozenset(i for f in days for i in range(f.start, f.end))
    lost = part is not None and day_lost_before_part(words, said, starts)  # "one hour? Afternoon" starts a clause
    reported = reported_wait(words, days)  # "the doctor told to come after six weeks. Tuesday?"
    disagree = days_disagree(words, days) or _weekday_in_a_month(days, today)
    return ["day"] if two_readings or lost or reported or disagree else []


def _a_holiday_alone(picked: DayReading | None, holidays: Sequence[Found[DayReading]]) -> bool:
    """The one day picked is a holiday said in the turn ("oh, duh, Thanksgiving. The Friday after then"): the day a
    "the Friday after" said beside it counts from, not the day on the table."""
    if picked is None or picked.day is None or picked.last is not None:
        return False
    return any(h.value.day == picked.day for h in holidays)


def _latest_of_a_day(words: Sequence[str], choice: Found[int], day_said: bool) -> bool:
    """ "tomorrow evening, the latest one": with a day or a part of it in the same turn, the latest one is that
    day's latest, not the last of offers made before."""
    return day_said and choice.value == LAST and "latest" in words[choice.start : choice.end]


def _weekday_in_a_month(days: list[Found[DayReading]], today: date) -> bool:
    """ "tuesday next month", "a tuesday in january": several such weekdays fit, so which one is asked. A span
    from now on ("before christmas ... thursday") holds the coming one, which is the one meant."""
    counted = [f.value for f in days if f.value.counts]
    long_spans = [r for r in counted if r.day is not None and r.last is not None and (r.last - r.day).days > 6]
    weekdays = [r.day for r in counted if r.bare_weekday]
    spans = [(r.day, r.last) for r in long_spans if r.day is not None and r.last is not None and r.day <= today]
    held = len(spans) == len(long_spans) and all(d is not None and all(a <= d <= b for a, b in spans) for d in weekdays)
    return bool(long_spans) and bool(weekdays) and not held


def _weeks_from_what(
    words: Sequence[str], refers: Reference, days: list[Found[DayReading]], choice: list[Found[int]]
) -> list[str]:
    """ "tuesday but a week later", "the first one but a week later": a week on from a day said in the same breath
    is a day the caller may mean either way (that day, or a week after it), so it is asked, never guessed. The day
    of what they have ("push my massage on the 30th back a week") is the one moved from, not asked."""
    wished = [f for f in days if f.value.counts and not names_what_they_have(words, f)]
    return ["week"] if refers.weeks and (choice or wished) else []


class RulesUtteranceInterpreter:
    """Understands callers without a model: every rule is a small pure function, so results are repeatable."""

    def __init__(self, catalogue: Catalogue, default_region: str = "US") -> None:
        self._zone = catalogue.zone
        self._region = default_region  # how a phone number said without a country code is read
        self._country = country_of(catalogue.business.phone)  # which loanwords mean what ("aiwa": yes or no)
        self._services = ServiceNames(catalogue.services)
        self._visits = VisitKinds(catalogue.services)
        self._staff = StaffNames(catalogue.staff)
        self._facts = FactReader(catalogue)
        self._opening = OpeningClock(catalogue)
        self._numeric = NumericDates(catalogue)
        self._holidays = HolidayNames(catalogue)
        self._titles = StaffTitles(catalogue.staff)  # issue 13: business vocabulary
        self._service_words = ServiceWords(catalogue.services)
        self._done_by = {s.id: frozenset(s.staff) for s in catalogue.services}
        self._lengths = {s.id: s.duration for s in catalogue.services}
        self._staff_of = {s.id: frozenset(s.staff) for s in catalogue.services}
        names = [
            *(n for s in catalogue.services for n in (*s.spoken_names, s.name)),
            *(m.name for m in catalogue.staff),
        ]
        self._known = KNOWN_WORDS | frozenset(w for n in names for w in normalise(n))

    def _of_length(
        self, length: Found[int] | None, staff: StaffId | None, words: Sequence[str]
    ) -> tuple[tuple[ServiceId, ...], tuple[ServiceId, ...]]:
        """The service (or the services to choose from) that lasts as long as "the half-hour one" says, of those the
        person named does; of several, the one the words name ("a remedial massage, the hour one")."""
        if length is None:
            return (), ()
        minutes = timedelta(minutes=length.value)
        fits = tuple(
            s for s, lasts in self._lengths.items() if lasts == minutes and staff in (None, *self._staff_of[s])
        )
        named = self._service_words.best_among(words, frozenset(fits)) if len(fits) > 1 else ()
        fits = named if len(named) == 1 else fits
        return (fits, ()) if len(fits) == 1 else ((), fits)

    def _lasting_as_said(
        self, services: tuple[ServiceId, ...], length: Found[int] | None, words: Sequence[str]
    ) -> tuple[ServiceId, ...]:
        """One service read, and a length said it does not last ("an English essay ... could she get the half hour"):
        of the services that last that long, the one the words name (the essay clinic), else the one read."""
        if len(services) != 1 or length is None or self._lengths[services[0]] == timedelta(minutes=length.value):
            return services
        of_length = frozenset(s for s, lasts in self._lengths.items() if lasts == timedelta(minutes=length.value))
        lasting = self._service_words.best_among(words, of_length)
        return lasting if len(lasting) == 1 else services

    def _misheard_for_another(self, found: Found[ServiceId], staff: StaffId, said: Sequence[str]) -> bool:
        """A service matched only closely (as a mishearing would be) that the person named does not do: the words
        were not that service's name ("my dog's breath" is close to "dog bath")."""
        return staff not in self._done_by[found.value] and not self._services.exact(
            said[found.start : found.end], found.value
        )

    def _for_whom(
        self, services: tuple[ServiceId, ...], said: list[str], *, child: bool, name: Sequence[str]
    ) -> tuple[tuple[ServiceId, ...], tuple[ServiceId, ...]]:
        """A service named with who it is for: the service that fits both best; when several fit as well, no service
        and those candidates, so that the agent asks; with a name that names nothing ("my daughter's session"), the
        one service for them."""
        fitting = self._service_words.find_for_whom(said)
        if not fitting and names_nothing(name):  # "my daughter's session": the one service for her
            fitting = self._service_words.only_one_for_whom(said)
        if not fitting and child:  # "my wee one wants her hair trimmed, she's eight": the kids' cut
            fitting = self._service_words.best_for_whom(said, like=services[0])
        if not fitting or fitting == services:
            return services, ()
        return (fitting, ()) if len(fitting) == 1 else ((), fitting)

    async def interpret(self, utterance: str, now: datetime, *, expecting: Expectation = OPEN) -> Interpretation:
        """What `utterance` means; the rules read the words alone, whatever the agent asked (`expecting`)."""
        return self.understand(utterance, now)

    def understand(self, utterance: str, now: datetime) -> Interpretation:
        """The synchronous work behind `interpret`."""
        # "tommorow"; "Evening! ..."; "mi cyaan mek it" before anything reads the words (corrections, urgent words)
        normalised = loanwords(respelled(normalise(unsaluted(utterance)), self._known), self._country)
        normalised = without_own_diary(normalised)  # "let me check my diary": no eye check
        listed = without_the_list(normalised)  # "I have two on Friday, could you move the 2 oclock one to 4?"
        if len(listed) < len(normalised) and self._facts.urgent(normalised):
            return Interpretation(Intent.URGENT, text=utterance)  # urgent words in what was left out
        normalised = listed
        split = split_at_correction(normalised)
        if split is not None:  # "a cut on Friday, actually no, Saturday"
            later = self._read(utterance, split[1], now)
            if later.intent is not Intent.UNKNOWN or later.has_details:
                return corrected(self._read(utterance, split[0], now), later)
        return self._read(utterance, normalised, now)

    def _read(self, utterance: str, normalised: list[str], now: datetime) -> Interpretation:
        if self._facts.urgent(normalised):
            return Interpretation(Intent.URGENT, text=utterance)  # before anything else the turn holds
        words = tidy(normalised)  # issue 13: "thursday's", "make it eleven"
        # Each extractor blanks the words it understood, in this order, so that no word is read twice:
        # "first available" is not a choice, "the first of december" not a choice, "at ten" not a choice.
        free = [BLANK if w == "please" else w for w in words]
        phone = _claimed(free, [find_phone(free, self._region)])
        _claimed(free, how_far_along(free))  # "I'm pregnant, 22 weeks": never a date
        _claimed(free, school_years(free))  # "he's in Year 5": never a year, a day or a time
        _claimed(free, how_long_lasted(free))  # "it is shaking for one month": never a date or a time
        length_one = the_one_of_length(free)  # "the half-hour one": no time of one o'clock
        if length_one is not None and self._services.find(free[length_one.start : length_one.end]) is not None:
            length_one = None  # "the 30 minutes one" where a service's own name says "30 minutes": that name reads it
        if length_one is not None:
            claim(free, length_one)
        in_a_row(free)  # "the 11th, one after the other": no "11th one"
        around_the_school_run(free)  # "Monday, after the school run, say ten": no bound, no school eye test
        kept = kept_as_it_is(free)  # "cancel this Saturday's, but keep the one the week after"
        heard_phone = phone[0].value if phone else None
        # "he's at agility first thing": another event's time, claimed so that it is no "first" choice either
        earliest = [f for f in _claimed(free, find_earliest(free)) if not another_events_part(words, f.start)]
        today = local_today(now, self._zone)
        said_holidays = self._holidays.find(free, today)
        named_days = {i for f in said_holidays for i in range(f.start, f.end)}
        refers, said_relative = find_references(free, named_days)  # before the dates: "back a week" is no date
        _claimed(free, said_relative)
        latest = _claimed(free, find_latest(free))
        wait = find_wait(free)  # "in half an hour": today, from then on (claimed below only if it is the when)
        starts = _clause_starts(utterance, words, self._country)
        holidays = _claimed(free, _busy_days(free, not_greetings(free, said_holidays)))
        if holidays:  # "oh right, Memorial Day. Tuesday, June 1st then": only taken in
            others = find_days(list(free), today)
            holidays = _for_the_occasion(words, free, _taken_in(free, holidays, others), others)
        said_days = sorted(
            [
                *holidays,
                *_claimed(free, _busy_days(free, find_days(free, today), starts)),
            ],
            key=lambda f: f.start,
        )
        said_days = weekday_after_a_day(words, free, said_days)  # "after the Avurudu, on the Thursday"
        said_days = weekday_of_a_day_said(words, said_days)  # "two weeks from today, the Friday?"
        said_days = weekday_of_the_same_week(words, free, said_days)  # "Wednesday ... to the Friday that same week"
        said_days = the_weekday_after(words, free, said_days, starts)  # "this Saturday to the Saturday after, the 12th"
        said_days = the_week_of(words, free, said_days, today)  # "the week of the 12th, on the Wednesday"
        said_days = after_a_date(words, free, said_days)  # "anything after the 14th?": from the 15th
        said_days = weekdays_past(words, said_days, starts)  # "I did the test here on Saturday"
        days = the_one_after(words, free, self._numeric.settle(weekday_in_counted_week(said_days), today))
        days = not_this_one(free, days, today)
        days = refused_after(words, free, _closed_said(words, _moved_from(words, days)))  # "Tuesday I can't"
        days = echoed_as_nothing(utterance, words, days)  # "nothing on Friday? Och. Saturday then"
        days = months_past(words, days)  # "I had my hearing aids fitted in March"
        days = time_off_after_a_day(words, days)  # "on Monday the 5th? I'm off for the Fourth"
        days = _not_of_this_call(words, days)  # "sorry to call on a Sunday"
        days, now_ends = _today_said(free, days, today)
        days = _said_of_itself(days)  # "Sunday tomorrow, so ... Monday"
        # "it's saturday night": now, no wish; "I rolled my ankle on Thursday night": then, no wish
        part_of_day = find_part_of_day(words, skip=now_ends | parts_of_days_past(words, said_days, starts))
        bounds = _claimed(free, find_bounds(free, part_of_day))
        edges = frozenset(e for f in days if f.value.counts for e in (f.start, f.end))
        # "first thing Wednesday, like half seven?": the morning's half seven
        hour_part = part_of_day or (PartOfDay.MORNING if at_opening(words, earliest) else None)
        nudged = refers.nudge in _NUDGES  # "later, 11?"
        times = _claimed(free, find_times(free, hour_part, edges, nudged=nudged, said=words))
        times = of_days_ruled_out(times, days)
        picked_time = pick_time(times)
        moved_to = moved_to_time(words, times[0], self._opening.settle) if times and not refers.shift_minutes else None
        had_times: list[Found[TimeReading]] = []
        if moved_to is not None and all(moved_to.start < f.start < moved_to.end for f in times[1:]):
            claim(free, moved_to)  # "move the 2 o'clock one to 4": the 2 PM one, two hours on
            refers, picked_time = replace(refers, shift_minutes=moved_to.value), times[0].value
        elif had_times := times_had(words, times):  # "move the 11 o'clock to Saturday at 9": the 11 o'clock is had
            picked_time = pick_time([f for f in times if f not in had_times])
        reading = self._opening.settle(picked_time) if picked_time is not None else None
        picked_days = pick_days(days)
        if refers.beside is not None and _a_holiday_alone(picked_days, holidays):  # "Thanksgiving. The Friday after"
            assert picked_days is not None and picked_days.day is not None
            picked_days, refers = DayReading(refers.beside.of(picked_days.day)), replace(refers, beside=None)
        staff = _with_whom(words, _every_named(free, self._staff.find))  # "with Tasha, not Lena"
        said_of_service = list(free)  # "a trim with the barber": the title also says which service
        staff = staff or _named(free, self._titles.find(free))  # issue 13: "the hygienist"
        _acted_on(free, self._services.find, said_of_service)  # "the bath and his nails, cancel just the nails"
        _from_another(free, self._services.find, said_of_service)  # "my script from the eye test"
        service = _named(free, _with_qualifier(free, _not_kept(free, self._services.find, said_of_service)))
        if service and staff and self._misheard_for_another(service[0], staff[0].value, said_of_service):
            service = []  # "my dog's breath ... can Dr. Wanjiru look": no "dog bath", which she does not do
        if service and done_by_someone(words, service[0].start, {f.end for f in staff}):
            service = []  # "it was Cian did my assessment": who, not what to book
        sharper: tuple[ServiceId, ...] = ()
        if service:  # "a physical for football": which physical? "the check-ups for older pets": the senior one
            name = said_of_service[service[0].start : service[0].end]
            named_too = self._services.find(free) is not None  # "an eye test and a diabetic screening": both
            acted_on = [BLANK if i in kept else w for i, w in enumerate(words)]  # not "the manicure Thursday's fine"
            sharper = self._service_words.sharpened_name(service[0].value, name, acted_on, others_named=named_too)
            service = [Found(sharper[0], service[0].start, service[0].end)] if len(sharper) == 1 else []
        if service and service[0].end - service[0].start == 1 and not staff:  # "my old laptop, the hard drive's died"
            needed = self._service_words.outdone(service[0].value, words)
            service = [Found(needed, service[0].start, service[0].end)] if needed is not None else service
        services = more_services(free, self._services, service[0]) if service else ()  # issue 13
        if len(services) == 1:  # "aroma oil massage, ninety minutes": how long it lasts
            _claimed(free, length_said(free, self._lengths[services[0]]))
        if len(services) > 1:
            one_after_another(free)  # "a follow-up and then a massage right after"
        services = self._lasting_as_said(services, length_one, words)  # "an English essay ... the half hour"
        candidates: tuple[ServiceId, ...] = sharper if len(sharper) > 1 else ()
        if not services and not candidates:  # "a quick check-in with him, the half-hour one": of that length
            services, candidates = self._of_length(length_one, staff[0].value if staff else None, words)
        child = says_a_child_s_age(words)  # "she's eight"
        if len(services) == 1 and (says_for_whom(free) or child) and not _only_mine(words):  # "my son's check-up"
            plain = services
            name = said_of_service[service[0].start : service[0].end] if service else []
            services, candidates = self._for_whom(services, said_of_service, child=child, name=name)
            if len(services) == 1 and services != plain and _also_for_the_caller(words):
                services = (*plain, *services)  # "a check-up for me and one for my daughter": both
        if services and any(f.value.counts for f in days):  # "a check-up, the cleaning's next month"
            days = _of_another_service(words, days, services, self._services.find)
            picked_days = pick_days(days)
        choice = _claimed(free, [find_choice(free)])
        had = {i for start, end in things_had(words) for i in range(start, end)}  # "I've got the school drop-off"
        choice = [c for c in choice if c.start not in had]  # "I've got footy training first": no first offer
        first_things = things_to_do_first(words)
        choice = [c for c in choice if c.start not in first_things]  # "I gotta drop my kid off first"
        day_said = picked_days is not None or part_of_day is not None
        if choice and _latest_of_a_day(words, choice[0], day_said):  # "tomorrow evening, the latest one"
            latest, choice = [Found(True, choice[0].start, choice[0].end)], []
        clock = [Found(self._opening.settle(f.value).at, f.start, f.end) for f in times if f.value.counts]
        either = offers_either(free, choice, clock)  # issue 14: "the first one or the third one"
        choice_words = {i for f in choice for i in range(f.start, f.end)}
        unclaimed = [BLANK if i in choice_words or i in had else w for i, w in enumerate(said_of_service)]
        if not service and not candidates and not self._facts.names_a_faq(normalised):  # "do you do teeth whitening?"
            candidates = self._service_words.find(unclaimed)  # issue 13: "a check for the kids"
            if candidates and child:  # "my lad's seven ... in for a cut": the kids' cut
                kids = self._service_words.find_for_whom(words) or self._service_words.best_for_whom(words)
                narrowed = tuple(c for c in kids if c in candidates)
                # "the wee one's needing his hair cut, he's six": the one service named fits an adult; the kids' one
                narrowed = narrowed or (kids if len(candidates) == 1 else ())
                candidates = narrowed if len(narrowed) == 1 else candidates
            if not candidates and child:  # "my daughter's fifteen ... I'd like to get her in": the one for her
                candidates = self._service_words.only_one_for_whom(words)
            if len(candidates) > 1 and staff:  # "a cut with Morag": of the cuts, those she does
                candidates = tuple(c for c in candidates if staff[0].value in self._done_by[c]) or candidates
        if not services and (visit := visit_said(words)) is not None:
            kind = self._visits.services(visit)  # "book my daughter in", "I'm a new patient"
            narrowed = tuple(c for c in candidates if c in kind)  # "my first time, I need to see a physio"
            candidates = (narrowed if len(narrowed) == 1 else candidates) if candidates else kind
            services = candidates if len(candidates) == 1 else ()
        done = {i for start, end in things_done(words) for i in range(start, end)}  # "I did the test here"
        if services and _JOINED.intersection(words):  # "a cut and a blowout": the other service is never dropped
            told = word_of_mouth(words)  # "a friend said I should start with the intro": no duet
            beside = [BLANK if i in done or i in told else w for i, w in enumerate(free)]
            other = tuple(s for s in self._service_words.besides(services[0], beside) if s not in services)
            services, candidates = (*services, *other) if len(other) == 1 else services, other if len(other) > 1 else ()
        if len(services) > 1 and service and services[0] == service[0].value and had_before(words, service[0].start):
            services = services[1:]  # "I had my hearing aids fitted in March and they need a tweak": the tweak
        if len(services) > 1 and done:  # "I haven't tried the reformer before and ... the intro"
            tried = self._services.find([w if i in done else BLANK for i, w in enumerate(words)])
            services = tuple(s for s in services if tried is None or s != tried.value)

        if wait is not None and picked_days is None and picked_time is None:
            picked_days, bounds = _after_the_wait(now, self._zone, wait.value, bounds)
            claim(free, wait)  # with a day or a time said, the wait is left over and asked about
            reading = _on_the_quarter(now, self._zone, wait.value) if picked_days is not None else None
        if reading is not None and not reading.approximate and refers.nudge in _ONE_OF_TWO:
            refers = replace(refers, nudge=None)  # "no, the later one, three-thirty": the time says which
        result = Interpretation(
            intent=Intent.UNKNOWN,
            text=utterance,
            service_id=services[0] if services else (candidates[0] if len(candidates) == 1 else None),
            day=picked_days.day if picked_days else None,
            last_day=picked_days.last if picked_days else None,
            part_of_day=loosely(part_of_day, reading.at if reading else None),
            at=reading.at if reading else None,
            approximate=reading.approximate if reading else False,
            bounds=pick_bounds(bounds),
            earliest=bool(earliest)
            and not (reading is not None and at_opening(words, earliest)),  # "first thing, half seven"
            ordinal=choice[0].value if choice else None,
            staff_id=staff[0].value if staff else None,
            phone=heard_phone,
            unsure=(
                *without_the_days_month(
                    leftover_meaning(
                        free,
                        dated=picked_days is not None,
                        timed=_clock_alone(reading, part_of_day),
                        clocked=reading is not None and not reading.approximate,  # "8 in the morning? before my shift"
                    ),
                    picked_days.day if picked_days else None,
                ),
                *_ambiguous(words, days, part_of_day, today, starts),
                *(("day",) if this_or_next_differ(words, today) else ()),  # "this or next Friday"
            ),
            refers=refers,
            more_services=services[1:],
            service_choices=candidates if len(candidates) > 1 else (),  # with a service: the other one of these
            latest=bool(latest),
            weekday_only=picked_days is not None and picked_days.bare_weekday and not _has_range(days),
            other_days=_other_days(days, picked_days),
            other_times=tuple(self._opening.settle(f.value).at for f in had_times),
            either=either,
        )
        ruled_out = any(not f.value.counts for found in (days, bounds, times) for f in found)
        has_details = result.has_details or "day" in result.unsure  # "12/01" names a day, but which one is asked
        # the service's own words name no task: "a piercing jewellery change Saturday" is no move
        beside = [BLANK if service and service[0].start <= i < service[0].end else w for i, w in enumerate(words)]
        intent = classify(
            beside, has_details=has_details, has_service=result.service_id is not None, ruled_out=ruled_out
        )
        if intent is Intent.UNKNOWN and heard_phone is not None and heard_phone.number is not None:
            intent = Intent.INFORM  # "two one two five five five ..." answers "what number can we text?"
        named = bool(service or staff or choice or phone or said_relative or latest or candidates)
        off_topic = intent is Intent.INFORM and is_off_topic(beside)
        if off_topic or (intent is Intent.INFORM and not named and is_chatter(words, free)):
            intent = Intent.UNKNOWN
        if intent in (Intent.AFFIRM, Intent.DENY) and not named and is_unrelated_question_or_chatter(words, free):
            intent = Intent.UNKNOWN  # "where exactly are you located" must never confirm a booking
        asked = self._facts.read(normalised, free, utterance, today, replace(result, intent=intent))
        if asked is not None:
            return asked
        if off_topic and named:
            intent = Intent.INFORM  # "I'll pay myself. A cleaning on Thursday": a word of paying, but no question
        if intent is Intent.UNKNOWN:  # an invalid number is kept, so the agent can say what was wrong with it
            return Interpretation(Intent.UNKNOWN, text=utterance, phone=heard_phone)
        if intent not in (Intent.RESCHEDULE, Intent.CANT_COME):  # moving: the day said is the appointment's own
            result = replace(result, unsure=(*result.unsure, *_weeks_from_what(words, refers, days, choice)))
        return replace(result, intent=intent, refers_back=refers_back(free, words, named_service=bool(service)))


def _clock_alone(reading: TimeReading | None, part_of_day: PartOfDay | None) -> bool:
    """An exact clock time no part of the day said beside it pulls ("at 1500, after the morning rush"): what else is
    said of the time is why ("at 3, after the morning rush" is read as 3 AM, and stays asked about)."""
    return reading is not None and not reading.approximate and loosely(part_of_day, reading.at) is None
