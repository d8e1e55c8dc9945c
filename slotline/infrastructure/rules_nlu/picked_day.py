"""What the days and times read come to once one is picked: a wait said alone ("in half an hour") is today, from
then on; "the latest one" with a day said is that day's latest; a holiday picked alone is the day "the Friday after"
counts from; the other days said are kept; and what is left to ask ("12/01", "tuesday next month", "tuesday but a
week later") is named in `unsure`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from slotline.domain.preference import PartOfDay, StartBounds
from slotline.domain.reference import Reference
from slotline.infrastructure.common.clock_rules import local_today
from slotline.infrastructure.rules_nlu.choices import LAST
from slotline.infrastructure.rules_nlu.day_conflicts import days_disagree, names_what_they_have
from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.lost_day import day_lost_before_part
from slotline.infrastructure.rules_nlu.past_mentions import reported_wait
from slotline.infrastructure.rules_nlu.time_bounds import BoundsReading
from slotline.infrastructure.rules_nlu.times import TimeReading
from slotline.infrastructure.rules_nlu.words import Found


def after_the_wait(
    now: datetime, zone: ZoneInfo, minutes: int, bounds: list[Found[BoundsReading]]
) -> tuple[DayReading | None, list[Found[BoundsReading]]]:
    """ "in half an hour": today, starting no sooner than then (nothing when then is tomorrow)."""
    then = (now if now.tzinfo is None else now.astimezone(zone)) + timedelta(minutes=minutes)
    if then.date() != local_today(now, zone):
        return None, bounds
    after = BoundsReading(StartBounds(not_before=then.time().replace(second=0, microsecond=0)))
    return DayReading(then.date()), [*bounds, Found(after, 0, 0)]


def on_the_quarter(now: datetime, zone: ZoneInfo, minutes: int) -> TimeReading | None:
    """ "in an hour" said at 3 PM: about 4 PM, a time a receptionist would offer as asked for (when then falls on a
    quarter hour; "in half an hour" at 3:07 stays "from 3:37 on")."""
    then = (now if now.tzinfo is None else now.astimezone(zone)) + timedelta(minutes=minutes)
    return TimeReading(then.time().replace(second=0, microsecond=0), True) if then.minute % 15 == 0 else None


def other_days(days: Sequence[Found[DayReading]], picked: DayReading | None) -> tuple[date, ...]:
    """The single days said besides the one picked, ruled out or not: "I can't make Wednesday, could I do Friday"
    keeps Wednesday."""
    said = (f.value.day for f in days if f.value.last is None and f.value.day is not None)
    return tuple(d for d in dict.fromkeys(said) if picked is None or d != picked.day)


def has_range(days: Sequence[Found[DayReading]]) -> bool:
    return any(f.value.last is not None for f in days if f.value.counts)


def ambiguous(
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


def a_holiday_alone(picked: DayReading | None, holidays: Sequence[Found[DayReading]]) -> bool:
    """The one day picked is a holiday said in the turn ("oh, duh, Thanksgiving. The Friday after then"): the day a
    "the Friday after" said beside it counts from, not the day on the table."""
    if picked is None or picked.day is None or picked.last is not None:
        return False
    return any(h.value.day == picked.day for h in holidays)


def latest_of_a_day(words: Sequence[str], choice: Found[int], day_said: bool) -> bool:
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


def weeks_from_what(
    words: Sequence[str], refers: Reference, days: list[Found[DayReading]], choice: list[Found[int]]
) -> list[str]:
    """ "tuesday but a week later", "the first one but a week later": a week on from a day said in the same breath
    is a day the caller may mean either way (that day, or a week after it), so it is asked, never guessed. The day
    of what they have ("push my massage on the 30th back a week") is the one moved from, not asked."""
    wished = [f for f in days if f.value.counts and not names_what_they_have(words, f)]
    return ["week"] if refers.weeks and (choice or wished) else []
