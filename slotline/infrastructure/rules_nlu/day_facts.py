"""Days said as facts, not wishes: a day the business is closed ("oh you're shut on Sundays, fair enough. Tuesday
then", "tomorrow's a public holiday"), a holiday only taken in ("oh right, Memorial Day. Tuesday, June 1st then") or
said as the occasion ("want him looking flash for Christmas"), today said of now ("I know it's Saturday night", "it's
pouring today"), and a day said to be another ("Sunday tomorrow, so ... Monday"). Beside another day said, they do
not count: the other day is the wish."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

from slotline.infrastructure.rules_nlu.after_a_day import after_at
from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.words import BLANK, Found, claim, word_at, wordset

_TAKING_IN = wordset(
    "oh ah ahh right of course yes yeah ok okay sure true fair enough silly me forgot i duh doh never thought the on "
    "about"  # "right on, I never thought of the Regatta. Thursday then"
    " jeez geez gosh golly goodness god lord heck shoot dang darn whoops oops crikey blimey"  # "oh right, jeez"
    " bugger blast bummer damn dammit drat rats"  # "oh bugger, Labour Day, course it is"
    " nah naw no"  # New Zealand: "oh yeah nah, I forgot about Matariki"
    " go way away"  # Irish: "go way, I forgot about St Brigid's"
)


_THEN = wordset("then so well in that case ok okay")


_PROPOSING = wordset("what how about can could we i do try maybe instead on for")  # "what about tuesday then"


_IT_IS = wordset("it's its it is that's thats was")  # "oh right, it's Thanksgiving"


_ITS_BREAK = wordset("weekend long holiday holidays break")  # "ah yeah, Labour weekend. Tuesday then?"


def taken_in(
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


def closed_said(words: Sequence[str], days: list[Found[DayReading]]) -> list[Found[DayReading]]:
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


def today_said(
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


def for_the_occasion(
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


def said_of_itself(days: list[Found[DayReading]]) -> list[Found[DayReading]]:
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
