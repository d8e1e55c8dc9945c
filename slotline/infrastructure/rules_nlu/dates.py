"""Day phrases: "tomorrow", "next tuesday", "the 23rd", "december twenty third", "12/23"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from slotline.infrastructure.common.calendar_rules import (
    WeekdayMode,
    resolve_day_of_month,
    resolve_month_day,
    resolve_weekday,
    valid_date,
)
from slotline.infrastructure.rules_nlu.addresses import STREET_WORDS
from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.month_spans import month_span_at
from slotline.infrastructure.rules_nlu.numbers import cardinal_at, ordinal_at
from slotline.infrastructure.rules_nlu.relative_days import relative_day_at
from slotline.infrastructure.rules_nlu.vocabulary import ABBREVIATION_LEADS, AMBIGUOUS_WEEKDAYS, MONTHS, WEEKDAYS
from slotline.infrastructure.rules_nlu.weeks import week_at
from slotline.infrastructure.rules_nlu.words import Found, negated_before, word_at

__all__ = ["MONTHS", "WEEKDAYS", "DayReading", "find_days", "pick_day", "pick_days"]

_NUMERIC_DATE = re.compile(r"(\d{1,4})/(\d{1,2})(?:/(\d{2,4}))?")
_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
# After an ordinal these mean a choice among offers ("the second one"), not a day of the month.
_CHOICE_NOUNS = frozenset({"one", "ones", "option", "choice", "slot", "time", "appointment", "available", "thing"})
_DAY_OF_MONTH_LEADS = frozenset({"on", "for", "by", "until", "till", "from"})
_TIME_AFTER = frozenset({"oclock", "am", "pm", "a.m", "p.m", "thirty", "fifteen", "forty", "fortyfive", "oh"})


def _minutes(word: str) -> bool:
    """ "30" in "the 10 30": two digits a time's minutes could be."""
    return len(word) == 2 and word.isdigit() and int(word) < 60


_RELATIVE = {"today": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "tmr": 1, "overmorrow": 2}
_COUNT_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}


def _found(
    day: date | None,
    start: int,
    end: int,
    *,
    exact: bool = False,
    last: date | None = None,
    bare_weekday: bool = False,
) -> Found[DayReading]:
    return Found(DayReading(day, exact, last=last, bare_weekday=bare_weekday), start, end)


def _relative(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    word = word_at(words, i)
    j = i + 1 if word == "the" else i
    if (word_at(words, j), word_at(words, j + 1), word_at(words, j + 2)) == ("day", "after", "tomorrow"):
        return _found(today + timedelta(days=2), i, j + 3)
    if (word, word_at(words, i + 1)) == ("next", "tomorrow"):  # West African English for the day after tomorrow
        return _found(today + timedelta(days=2), i, i + 2)
    if word in _RELATIVE:
        return _found(today + timedelta(days=_RELATIVE[word]), i, i + 1)
    if word == "this" and word_at(words, i + 1) in _PARTS_OF_DAY:
        return _found(today, i, i + 1)
    if word == "in":
        count = cardinal_at(words, i + 1)
        if count is None and word_at(words, i + 1) == "a":
            count = Found(1, i + 1, i + 2)
        if count is None or not 0 < count.value <= 60 or word_at(words, count.end) not in _COUNT_UNITS:
            return None
        if word_at(words, count.end + 1) in ("back", "ago"):
            return None  # "I came in two weeks back": the past
        days = count.value * _COUNT_UNITS[word_at(words, count.end)]
        return _found(today + timedelta(days=days), i, count.end + 1)
    return None


_BE = frozenset(("is", "are", "s", "was", "were", "im", "hes", "shes", "theyre", "am"))


def _weekday_mode(words: Sequence[str], i: int) -> tuple[WeekdayMode | None, int]:
    """The lead words before a weekday ("on", "this", "next week on", ...): the mode and where the weekday is."""
    j = i + 1 if word_at(words, i) in ("on", "the") else i
    lead = word_at(words, j)
    if lead == "this" and word_at(words, j + 1) == "coming":
        return WeekdayMode.BARE, j + 2
    if lead == "next" and word_at(words, j + 1) == "week":
        return WeekdayMode.NEXT, j + 3 if word_at(words, j + 2) == "on" else j + 2
    lead_modes = {"coming": WeekdayMode.BARE, "this": WeekdayMode.THIS, "next": WeekdayMode.NEXT}
    if lead == "coming" and word_at(words, j - 1) in _BE:
        return WeekdayMode.BARE, j  # "my mother-in-law is coming. Saturday": the verb, read from the weekday on
    if lead in lead_modes or lead == "following":
        return lead_modes.get(lead, WeekdayMode.NEXT), j + 1
    if lead in ("last", "past", "previous"):
        return None, j + 1
    return WeekdayMode.BARE, j


def _weekday(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    mode, j = _weekday_mode(words, i)
    name = word_at(words, j)
    if name not in WEEKDAYS or (name in AMBIGUOUS_WEEKDAYS and word_at(words, j - 1) not in ABBREVIATION_LEADS):
        return None
    end = j + 1
    suffix = (word_at(words, end), word_at(words, end + 1))
    ahead = word_at(words, end + 3) if word_at(words, end + 2) == "on" else word_at(words, end + 2)
    if mode is not None and suffix in (("next", "week"), ("this", "week")) and ahead not in WEEKDAYS:  # "not this
        # friday, next week friday": the week belongs to the weekday after it
        mode = WeekdayMode.NEXT if suffix[0] == "next" else WeekdayMode.THIS
        end += 2
    if mode is None:
        return _found(None, i, end)  # "last tuesday" is in the past: understood, but no day to book
    return _found(resolve_weekday(today, WEEKDAYS[name], mode), i, end, bare_weekday=mode is WeekdayMode.BARE)


def _year_at(words: Sequence[str], i: int) -> Found[int] | None:
    word = word_at(words, i)
    if len(word) == 4 and word.isdigit() and 2000 <= int(word) <= 2100:
        return Found(int(word), i, i + 1)
    if word == "twenty":  # "twenty twenty six"
        rest = cardinal_at(words, i + 1)
        if rest is not None and 10 <= rest.value <= 99 and not word_at(words, i + 1).isdigit():
            return Found(2000 + rest.value, i, rest.end)
    return None


def _with_year(words: Sequence[str], start: int, end: int, today: date, month: int, day: int) -> Found[DayReading]:
    year = _year_at(words, end)
    if year is not None:
        return _found(resolve_month_day(today, month, day, year.value), start, year.end, exact=True)
    return _found(resolve_month_day(today, month, day), start, end, exact=True)


def _numeric(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    parts = _NUMERIC_DATE.fullmatch(word_at(words, i))
    if parts is None:
        return None
    first, second, third = parts.group(1), int(parts.group(2)), parts.group(3)
    if len(first) == 4:  # 2026/12/23, from a typed ISO date
        if third is None:
            return None
        return _found(valid_date(int(first), second, int(third)), i, i + 1, exact=True)
    year = None if third is None else int(third) + (2000 if len(third) == 2 else 0)
    month_first, day_first = _month_day(today, int(first), second, year), _month_day(today, second, int(first), year)
    if month_first is not None and day_first is not None and month_first != day_first:
        # 12/01: 1 December (US) or 12 January (UK); numeric_dates.py settles it only when one reading is bookable
        return Found(DayReading(None, exact=True, ambiguous=True, either=(month_first, day_first)), i, i + 1)
    return _found(month_first or day_first, i, i + 1, exact=True)


def _month_day(today: date, month: int, day: int, year: int | None) -> date | None:
    if not 1 <= month <= 12:
        return None
    return resolve_month_day(today, month, day) if year is None else valid_date(year, month, day)


def _month_first(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    month = MONTHS.get(word_at(words, i))
    if month is None:
        return None
    j = i + 2 if word_at(words, i + 1) == "the" else i + 1
    number = ordinal_at(words, j) or cardinal_at(words, j)
    if number is None or not 1 <= number.value <= 31 or (word_at(words, j).isdigit() and len(word_at(words, j)) > 2):
        return None
    return _with_year(words, i, number.end, today, month, number.value)


def _month_by_number(words: Sequence[str], k: int) -> Found[int] | None:
    """ "of the 12th", "of the second": a month said as its ordinal number, after a day of the month."""
    if (word_at(words, k), word_at(words, k + 1)) != ("of", "the"):
        return None
    month = ordinal_at(words, k + 2)
    return month if month is not None and 1 <= month.value <= 12 else None


def _next_month_day(today: date, day: int) -> date | None:
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return valid_date(year, month, day)


def _day_first(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    j = i + 1 if word_at(words, i) in _DAY_OF_MONTH_LEADS else i
    led = j > i or word_at(words, i - 1) in WEEKDAYS  # "on the second", "tuesday the first"
    has_the = word_at(words, j) == "the"
    j += has_the
    number = ordinal_at(words, j)
    typed_cardinal = number is None and word_at(words, j).isdigit() and len(word_at(words, j)) <= 2
    if typed_cardinal:
        number = Found(int(word_at(words, j)), j, j + 1)
    if number is None:
        return None
    k = number.end
    said_day = (word_at(words, k), word_at(words, k + 1)) == ("day", "of")  # "the first day of next month"
    k += said_day
    after = word_at(words, k + 1) if word_at(words, k) == "of" else word_at(words, k)
    month_at = k + 1 if word_at(words, k) == "of" else k
    if after in MONTHS:
        return _with_year(words, i, month_at + 1, today, MONTHS[after], number.value)
    month_number = _month_by_number(words, k)
    if month_number is not None:  # "the 16th of the 12th": German and other European callers' 16 December
        return _with_year(words, i, month_number.end, today, month_number.value, number.value)
    tail = (word_at(words, k), word_at(words, k + 1), word_at(words, k + 2))
    if tail in (("of", "the", "month"), ("of", "this", "month")):
        return _found(resolve_day_of_month(today, number.value), i, k + 3, exact=True)
    if tail == ("of", "next", "month"):
        return _found(_next_month_day(today, number.value), i, k + 3, exact=True)
    if typed_cardinal and not (led and has_the):
        return None  # a bare "23" is not a day; "on the 23" is
    hour_one = word_at(words, k) == "one" and (word_at(words, k + 1) in _TIME_AFTER or _minutes(word_at(words, k + 1)))
    if word_at(words, k) in _CHOICE_NOUNS and not hour_one:
        return None  # "the second one" (not "the 24th, one o'clock")
    if word_at(words, k) in STREET_WORDS:
        return None  # "I'm on 5th Avenue": a street
    if said_day:
        return None  # "the first day of hari raya": of something, not of the month (that was read above)
    if typed_cardinal and (word_at(words, k) in _TIME_AFTER or _minutes(word_at(words, k))):
        return None  # "the 4 o'clock", "the 10 30": a time, not the 4th or the 10th ("the 4th, 11 am" is the 4th)
    said_small = number.value <= 5 and not word_at(words, j)[:1].isdigit()
    if said_small and not led:
        return None  # "the second" picks an offer; "on the second" is a day
    return _found(resolve_day_of_month(today, number.value), i, k, exact=True)


def _week(words: Sequence[str], i: int, today: date) -> Found[DayReading] | None:
    """ "next week", "later this week". "next week" followed by a weekday is left to `_weekday` ("next week on
    tuesday"); any other week followed by one is a range the weekday falls in ("the week after next, wednesday")."""
    found = week_at(words, i, today)
    if found is None:
        return None
    plain_next = tuple(words[found.start : found.end]) == ("next", "week")
    if plain_next and word_at(words, found.end + (word_at(words, found.end) == "on")) in WEEKDAYS:
        return None
    if found.value is None:
        return _found(None, i, found.end)  # "later this week" said on a Sunday: understood, but no day left
    first, last = found.value
    return _found(first, i, found.end, last=last if last > first else None)


_READERS = (relative_day_at, _relative, _weekday, _numeric, _month_first, _day_first, _week, month_span_at)


def find_days(words: Sequence[str], today: date) -> list[Found[DayReading]]:
    """Every day phrase, left to right, without overlaps; negated ones ("not tuesday") do not count."""
    out: list[Found[DayReading]] = []
    i = 0
    while i < len(words):
        found = next((f for read in _READERS if (f := read(words, i, today)) is not None), None)
        if found is None:
            i += 1
            continue
        if negated_before(words, found.start) or _negated_with(words, found, out):
            found = Found(replace(found.value, counts=False), found.start, found.end)
        out.append(found)
        i = found.end
    return _withdrawn(out)


def _negated_with(words: Sequence[str], found: Found[DayReading], before: list[Found[DayReading]]) -> bool:
    """ "I can't come tomorrow or Thursday", "not Monday nor Tuesday": a day joined by "or" to one ruled out."""
    joined = word_at(words, found.start - 1) in ("or", "nor") and found.start > 0
    return joined and bool(before) and before[-1].end == found.start - 1 and not before[-1].value.counts


def _withdrawn(found: list[Found[DayReading]]) -> list[Found[DayReading]]:
    """ "oh, Saturday? no, I can't do Saturday. what about Tuesday": a day said, then ruled out, then another day
    said, is given up, not both asked for and ruled out."""
    out = list(found)
    for k, ruled in enumerate(found):
        if ruled.value.counts or ruled.value.day is None:
            continue
        if not any(f.value.counts for f in found[k + 1 :]):
            continue  # nothing said instead: asked for and ruled out stays a question
        for j in range(k):
            if out[j].value.counts and out[j].value.day == ruled.value.day and out[j].value.last is None:
                out[j] = Found(replace(out[j].value, counts=False), out[j].start, out[j].end)
    return out


def pick_days(found: Sequence[Found[DayReading]]) -> DayReading | None:
    """The day or days meant: a calendar date beats the weekday it falls on ("tuesday the 23rd"), a day inside a
    range of days beats the range ("next week, say thursday": next week's Thursday); otherwise the last one said
    counts."""
    counted = [f.value for f in found if f.value.counts]
    anchors = {r.counted_from for r in counted if r.counted_from is not None}
    if anchors:  # "on thursday the 25th ... the thursday after": the day counted from is not the one meant
        counted = [r for r in counted if r.counted_from is not None or r.day not in anchors]
    ranges = [r for r in counted if r.last is not None]
    if ranges:
        counted = [r.within(ranges[-1]) for r in counted]
    singles = [r.day for r in counted if r.last is None and r.day is not None]
    kept = [r for r in counted if not any(r.covers(d) for d in singles)]
    if not kept:
        return None
    last = kept[-1]
    if last.exact or last.day is None:
        return last
    # "thursday, the 11th": the date said with the weekday it falls on; "the 12th, no, make that saturday": the
    # weekday said after a date it does not fall on corrects it
    dates = [r for r in kept if r.exact and r.day is not None and r.day.weekday() == last.day.weekday()]
    return dates[-1] if dates else last


def pick_day(found: Sequence[Found[DayReading]]) -> date | None:
    """The (first) day meant; see `pick_days`."""
    picked = pick_days(found)
    return picked.day if picked is not None else None
