"""How the agent says dates, times and lists: the way a person would, in the business time zone."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, tzinfo

from slotline.domain.local_time import LocalSpan
from slotline.domain.preference import StartBounds


def ordinal_suffix(n: int) -> str:
    if 11 <= n % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def say_date(day: date) -> str:
    """'Tuesday, December 1st'."""
    return f"{day:%A}, {day:%B} {day.day}{ordinal_suffix(day.day)}"


def say_days(first: date, last: date) -> str:
    """'between Monday, November 30th and Sunday, December 6th'."""
    return f"between {say_date(first)} and {say_date(last)}"


def say_clock(at: time) -> str:
    """'3:30 PM', '10 AM', 'noon', for a wall-clock time."""
    if at.hour == 12 and at.minute == 0:
        return "noon"
    hour = at.hour % 12 or 12
    suffix = "AM" if at.hour < 12 else "PM"
    return f"{hour} {suffix}" if at.minute == 0 else f"{hour}:{at.minute:02d} {suffix}"


def say_time(moment: datetime, zone: tzinfo) -> str:
    """'3:30 PM', '10 AM', 'noon'."""
    return say_clock(moment.astimezone(zone).time())


def say_bounds(bounds: StartBounds) -> str:
    """'after 4 PM', 'before 11 AM', 'at 3 PM or earlier', 'between 2 PM and 4 PM'; '' when there are none."""
    upper = bounds.before or bounds.not_after
    if bounds.not_before is not None and upper is not None:
        return f"between {say_clock(bounds.not_before)} and {say_clock(upper)}"
    if bounds.not_before is not None:
        return f"after {say_clock(bounds.not_before)}"
    if bounds.before is not None:
        return f"before {say_clock(bounds.before)}"
    if bounds.not_after is not None:
        return f"at {say_clock(bounds.not_after)} or earlier"
    return ""


def say_when(moment: datetime, zone: tzinfo) -> str:
    """'Tuesday, December 1st at 3:30 PM'."""
    return f"{say_date(moment.astimezone(zone).date())} at {say_time(moment, zone)}"


def say_list(items: Sequence[str], conjunction: str = "or") -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} {conjunction} {items[1]}"
    return ", ".join(items[:-1]) + f", {conjunction} {items[-1]}"


def say_digits(groups: Sequence[str]) -> str:
    """'2 1 2, 5 5 5, 0 1 2 3' or 'plus 4 4, 2 0, ...': a phone number digit by digit, paused between groups."""
    return ", ".join(" ".join("plus" if c == "+" else c for c in group) for group in groups)


def shared_last_word(names: Sequence[str]) -> str | None:
    """The last word every name ends with ("Women's haircut", "Kids' haircut": "haircut"), lower case; else None."""
    last = {name.split()[-1].lower() for name in names if name.split()}
    return next(iter(last)) if len(last) == 1 and len(names) > 1 else None


def article(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def say_spans(spans: Sequence[LocalSpan]) -> str:
    """'8 AM to 12:30 PM and 1:30 PM to 5 PM'."""
    parts = [f"{say_clock(s.start)} to {'midnight' if s.ends_at_midnight else say_clock(s.end)}" for s in spans]
    return say_list(parts, "and")
