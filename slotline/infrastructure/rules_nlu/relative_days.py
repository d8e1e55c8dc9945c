"""Days counted from another day, British, American and German: "a week on tuesday", "tuesday week", "thursday in
eight days", "a fortnight tomorrow", "the tuesday after next", "three fridays from now", "in two weeks' time", "ten
days from today", "next month on the 3rd", "the first monday of january".

Every reader returns the words it read, so no word of the phrase is left over to be read again as a plain
weekday. A phrase with two sensible readings ("the tuesday after next" said early in the week) names no day and is
`ambiguous`: the agent asks which day was meant.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from slotline.infrastructure.common.calendar_rules import (
    WeekdayMode,
    resolve_day_of_month,
    resolve_weekday,
    valid_date,
)
from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.numbers import cardinal_at, ordinal_at
from slotline.infrastructure.rules_nlu.vocabulary import MONTHS, WEEKDAYS, weekday_named
from slotline.infrastructure.rules_nlu.words import Found, word_at, wordset

__all__ = ["relative_day_at", "weekday_in_counted_week"]

_SPANS = {"week": 7, "weeks": 7, "fortnight": 14, "fortnights": 14, "day": 1, "days": 1}
_PLAIN_DAYS = {"today": 0, "tomorrow": 1, "tmrw": 1, "now": 0}
_FROM = frozenset({"from", "after"})  # "a week from today", "two weeks after tuesday"
_AGO = frozenset({"time", "hence"})  # "in two weeks' time", "in 3 days hence"
_MAX_COUNT = 60
_WINDOW_LEADS = frozenset({"next", "coming", "following"})  # "the next two weeks", "the coming fortnight"
_LASTED = frozenset({"for", "past", "last", "over"})  # "for two days", "the past week": how long something lasted
_HAS_BEEN = frozenset({"been", "had", "was", "were", "lasted", "going"})  # "she's been off her food for two days"
_LASTED_REACH = 6


def _lasted(words: Sequence[str], i: int) -> bool:
    """The span at `i` is how long something has gone on ("she's been off her food for two days"), not a date ("a
    check-up for a week on monday")."""
    return word_at(words, i - 1) in _LASTED and bool(_HAS_BEEN.intersection(words[max(0, i - _LASTED_REACH) : i]))


def _found(
    day: date | None, start: int, end: int, *, ambiguous: bool = False, whole_weeks: bool = False
) -> Found[DayReading]:
    return Found(DayReading(day, ambiguous=ambiguous, whole_weeks=whole_weeks), start, end)


def _count_at(words: Sequence[str], i: int) -> Found[int] | None:
    """ "a", "one", "two", "3", "a couple (of)": how many of what follows."""
    if word_at(words, i) == "a" and word_at(words, i + 1) == "couple":  # "in a couple weeks": two
        return Found(2, i, i + 2 + (word_at(words, i + 2) == "of"))
    if word_at(words, i) in ("a", "an"):
        return Found(1, i, i + 1)
    count = cardinal_at(words, i)
    if (
        count is None
        or not 0 < count.value <= _MAX_COUNT
        or (word_at(words, i).isdigit() and len(word_at(words, i)) > 2)
    ):
        return None
    return count


def _span_at(words: Sequence[str], i: int) -> Found[int] | None:
    """ "a week", "two weeks", "a fortnight", "ten days": the length in days."""
    count = _count_at(words, i)
    if count is None:
        return None
    unit = word_at(words, count.end)
    possessive = word_at(words, count.end + 1) == "time"  # "in a week's time" is typed "weeks time" once normalised
    if unit not in _SPANS or ((count.value == 1) != (unit in ("week", "fortnight", "day")) and not possessive):
        return None
    return Found(count.value * _SPANS[unit], i, count.end + 1)


def _anchor_at(words: Sequence[str], i: int, today: date) -> Found[date] | None:
    """The day a span is counted from: "today", "tomorrow", "on tuesday", "from (this) friday", "now"."""
    j = i + 1 if word_at(words, i) in ("on", *_FROM) else i
    word = word_at(words, j)
    if word in _PLAIN_DAYS and (j > i or word != "now"):
        return Found(today + timedelta(days=_PLAIN_DAYS[word]), i, j + 1)
    if word in _PLAIN_DAYS:
        return None
    if j > i and word in ("this", "coming"):  # "a week from this saturday", "two weeks from this coming friday"
        j += 1 + (word == "this" and word_at(words, j + 1) == "coming")
    weekday = weekday_named(words, j)
    if weekday is not None:
        return Found(resolve_weekday(today, weekday, WeekdayMode.BARE), i, j + 1)
    return None


def _span_from(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    """ "a week on tuesday", "a week today", "a fortnight tomorrow", "two weeks from friday", "ten days from now"."""
    span = _span_at(words, i)
    if span is None or _lasted(words, i):
        return None  # "off her food for two days. tomorrow morning?": how long, not a week tomorrow
    if word_at(words, i - 1) in _WINDOW_LEADS:
        return None  # "in the next two weeks, thursday": a window to find a day in, not two weeks on thursday
    anchor = _anchor_at(words, span.end, today)
    if anchor is None:
        return None
    from_today = anchor.value == today and span.value % 7 == 0
    return _found(anchor.value + timedelta(days=span.value), i, anchor.end, whole_weeks=from_today)


def _in_span(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    """ "in two weeks' time", "in 3 days hence", "in a fortnight"; "in a week" alone is read by dates.py too."""
    if word_at(words, i) != "in":
        return None
    span = _span_at(words, i + 1)
    if span is None or word_at(words, span.end) in ("back", "ago"):
        return None  # "I came in two weeks back": the past
    end = span.end + (word_at(words, span.end) in _AGO)
    return _found(today + timedelta(days=span.value), i, end, whole_weeks=span.value % 7 == 0)


def _weekday_week(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    """ "tuesday week" (British): a week after the coming Tuesday; "wednesday fortnight": two weeks after it."""
    j = i + 1 if word_at(words, i) == "on" else i
    weekday = weekday_named(words, j)
    if weekday is None or word_at(words, j + 1) not in _WEEK_ON:
        return None
    if word_at(words, j + 2) in ("after", "from", "on", "today", "tomorrow"):
        return None  # "tuesday week after next" is not a form; leave it to be asked about
    later = timedelta(days=_WEEK_ON[words[j + 1]])
    return _found(resolve_weekday(today, weekday, WeekdayMode.BARE) + later, i, j + 2)


_WEEK_ON = {"week": 7, "fortnight": 14}


_COUNTED_WEEKS = {8: 7, 14: 14}  # German "in acht Tagen", "in vierzehn Tagen": in a week, in two weeks


def _weekday_in_days(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    """ "thursday in eight days" (German "Donnerstag in acht Tagen"): a week after the coming Thursday, today
    included; "friday in fourteen days": two weeks after it. Read the English way (eight days from today) the phrase
    names that weekday only when it is tomorrow's, and then both readings are the same day."""
    j = i + 1 if word_at(words, i) == "on" else i
    weekday = weekday_named(words, j)
    if weekday is None or word_at(words, j + 1) != "in":
        return None
    count = cardinal_at(words, j + 2)
    if count is None or count.value not in _COUNTED_WEEKS or word_at(words, count.end) != "days":
        return None
    coming = today + timedelta(days=(weekday - today.weekday()) % 7)
    return _found(coming + timedelta(days=_COUNTED_WEEKS[count.value]), i, count.end + 1)


def _day_week(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    """ "today week", "this day week" (Irish, Scottish, northern English), "tomorrow week", "this day next week": a
    week after that day ("the same day next week" is a reference to what is on the table, read in references.py)."""
    if (word_at(words, i), word_at(words, i + 1)) == ("this", "day"):
        end = i + 2 + (word_at(words, i + 2) == "next")
        if word_at(words, end) == "week":
            return _found(today + timedelta(days=7), i, end + 1, whole_weeks=True)
    first = _PLAIN_DAYS.get(word_at(words, i))
    if first is None or word_at(words, i) == "now" or word_at(words, i + 1) not in _WEEK_ON:
        return None
    return _found(today + timedelta(days=first + _WEEK_ON[words[i + 1]]), i, i + 2, whole_weeks=first == 0)


def _after_next(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    """ "the tuesday after next", "tuesday after next": not the coming Tuesday but the one after it.

    Said the day before a Tuesday, callers differ: tomorrow is rarely called "next tuesday", so "the one after next"
    may be a week after tomorrow or two: no day, asked about.
    """
    j = i + 1 if word_at(words, i) in ("the", "on") else i
    j += word_at(words, j) == "the"
    weekday = weekday_named(words, j)
    if weekday is None or (word_at(words, j + 1), word_at(words, j + 2)) != ("after", "next"):
        return None
    coming = resolve_weekday(today, weekday, WeekdayMode.BARE)
    if coming == today + timedelta(days=1):  # either reading, settled only by a date said beside it ("the 23rd")
        either = (coming + timedelta(days=7), coming + timedelta(days=14))
        return Found(DayReading(None, ambiguous=True, either=either), i, j + 3)
    return _found(coming + timedelta(days=7), i, j + 3)


_NOT_AFTER_ALONE = wordset("next that this the a an")  # "the tuesday after next", "the saturday after the 3rd"
_LEADS = wordset("next this coming following last")


def _weekday_after(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    """ "my massage on saturday, could we do the saturday after": a week after the weekday said before it in the
    turn; "monday morning ... the thursday after": the first Thursday after that Monday. With no one weekday said
    before it, "the saturday after" is after something on the table: no day, asked about."""
    if word_at(words, i) != "the":
        return None
    weekday = weekday_named(words, i + 1)
    if weekday is None or word_at(words, i + 2) != "after" or word_at(words, i + 3) in _NOT_AFTER_ALONE:
        return None
    if cardinal_at(words, i + 3) is not None or ordinal_at(words, i + 3) is not None or word_at(words, i + 3) in MONTHS:
        return None
    said = {
        (named, _dated(words, k, named, today))
        for k in range(i)
        if (named := weekday_named(words, k)) is not None and word_at(words, k - 1) not in _LEADS
    }
    if len({named for named, _ in said}) != 1 or len(said) != 1:
        return _found(None, i, i + 3, ambiguous=True)
    named, dated = said.pop()
    anchor = dated or resolve_weekday(today, named, WeekdayMode.BARE)  # "monday ... the thursday after": that monday
    day = anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    return Found(DayReading(day, counted_from=anchor), i, i + 3)


def _dated(words: Sequence[str], k: int, weekday: int, today: date) -> date | None:
    """ "thursday the 25th", "thursday 25th": the date said with the weekday at `k`, when it falls on that weekday."""
    j = k + 1 + (word_at(words, k + 1) == "the")
    number = ordinal_at(words, j) or cardinal_at(words, j)
    if number is None:
        return None
    day = resolve_day_of_month(today, number.value)
    return day if day is not None and day.weekday() == weekday else None


def _plural_weekdays(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    """ "three tuesdays from now", "two fridays from today", "in two tuesdays": the Nth coming one."""
    j = i + 1 if word_at(words, i) == "in" else i
    count = _count_at(words, j)
    if count is None or word_at(words, count.end)[:-1] not in WEEKDAYS or not word_at(words, count.end).endswith("s"):
        return None
    weekday = WEEKDAYS[word_at(words, count.end)[:-1]]
    end = count.end + 1
    if j == i:
        if (word_at(words, end), word_at(words, end + 1)) not in (("from", "now"), ("from", "today")):
            return None
        end += 2
    first = resolve_weekday(today, weekday, WeekdayMode.BARE)
    return _found(first + timedelta(days=7 * (count.value - 1)), i, end)


def _same_day(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    """ "the same day as today": today's weekday, read like a bare weekday ("in three weeks, same day as today")."""
    j = i + (word_at(words, i) == "on")
    j += word_at(words, j) == "the"
    if tuple(words[j : j + 4]) != ("same", "day", "as", "today"):
        return None
    return Found(DayReading(today + timedelta(days=7), bare_weekday=True), i, j + 4)


def weekday_in_counted_week(found: list[Found[DayReading]]) -> list[Found[DayReading]]:
    """A bare weekday said with whole weeks from today is that weekday of the week they lead to: "in two weeks,
    on the friday", "three weeks from now on tuesday". The count itself is then no longer a day of its own."""
    counted = [f for f in found if f.value.counts and f.value.whole_weeks and f.value.day is not None]
    weekdays = [f for f in found if f.value.counts and f.value.bare_weekday and f.value.day is not None]
    if len(counted) != 1 or not weekdays:
        return found
    target = counted[0].value.day
    assert target is not None
    monday = target - timedelta(days=target.weekday())
    out: list[Found[DayReading]] = []
    for f in found:
        if f is counted[0]:
            continue
        if f in weekdays and f.value.day is not None:
            day = monday + timedelta(days=f.value.day.weekday())
            f = Found(DayReading(day, bare_weekday=False), f.start, f.end)
        out.append(f)
    return out


def _next_month(today: date) -> tuple[int, int]:
    return (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)


def _next_month_on(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    """ "next month on the 3rd", "next month, the third": that day of next month."""
    if (word_at(words, i), word_at(words, i + 1)) != ("next", "month"):
        return None
    j = i + 2 + (word_at(words, i + 2) == "on")
    j += word_at(words, j) == "the"
    number = ordinal_at(words, j)
    if number is None:
        return None
    year, month = _next_month(today)
    return _found(valid_date(year, month, number.value), i, number.end)


def _nth_weekday_of(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    """ "the first monday of january", "the last friday of next month", "the second tuesday in march"."""
    j = i + 1 if word_at(words, i) in ("the", "on") else i
    j += word_at(words, j) == "the"
    nth = ordinal_at(words, j)
    last = word_at(words, j) == "last"
    if nth is None and not last:
        return None
    k = j + 1 if last else nth.end if nth is not None else j
    weekday = weekday_named(words, k)
    linked = word_at(words, k + 1) in ("of", "in")
    if weekday is None:
        return None
    k += linked - 1  # where "of" would be: "the last friday this month" has none
    month_word = word_at(words, k + 2)
    if month_word in MONTHS and linked:
        month, end = MONTHS[month_word], k + 3
        year = today.year if month >= today.month else today.year + 1
    elif (month_word, word_at(words, k + 3)) in (("next", "month"), ("this", "month"), ("the", "month")):
        year, month = _next_month(today) if month_word == "next" else (today.year, today.month)
        end = k + 4
    elif tuple(words[k + 2 : k + 5]) == ("the", "new", "year") and linked:  # "the first saturday of the new year"
        year, month, end = today.year + 1, 1, k + 5
    elif (month_word, word_at(words, k + 3)) == ("next", "year") and linked:
        year, month, end = today.year + 1, 1, k + 4
    else:
        return None
    n = -1 if last else nth.value if nth is not None else 1
    day = _nth_weekday(year, month, weekday, n)
    if day is not None and day < today:  # "the first monday of december" said on the 20th
        day = _nth_weekday(year + 1, month, weekday, n) if month_word in MONTHS else None
    return _found(day, i, end)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    first = date(year, month, 1)
    days = [first + timedelta(days=k) for k in range(31) if (first + timedelta(days=k)).month == month]
    matching = [d for d in days if d.weekday() == weekday]
    if n == -1:
        return matching[-1]
    return matching[n - 1] if 1 <= n <= len(matching) else None


def _last_weekday_of_the_month_said(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    """ "at the end of the month, the last tuesday": the last Tuesday of this month, the month said just before;
    none when it is past."""
    j = i + (word_at(words, i) in ("the", "on"))
    j += word_at(words, j) == "the"
    weekday = weekday_named(words, j + 1)
    if word_at(words, j) != "last" or weekday is None:
        return None
    said = words[max(0, i - 6) : i]
    if "month" not in said or "next" in said:
        return None
    day = _nth_weekday(today.year, today.month, weekday, -1)
    return _found(day if day is not None and day >= today else None, i, j + 2)


_READERS: tuple[Callable[[Sequence[str], int, date], Found[DayReading] | None], ...] = (
    _span_from,
    _in_span,
    _same_day,
    _plural_weekdays,
    _after_next,
    _weekday_after,
    _weekday_week,
    _weekday_in_days,
    _day_week,
    _next_month_on,
    _nth_weekday_of,
    _last_weekday_of_the_month_said,
)


def relative_day_at(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    """A day counted from another day, starting at word `i`; read before the plain weekday readers."""
    return next((f for read in _READERS if (f := read(words, i, today)) is not None), None)
