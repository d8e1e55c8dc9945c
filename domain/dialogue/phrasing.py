"""How the agent says dates, times and lists: the way a person would, in the business time zone."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, tzinfo


def ordinal_suffix(n: int) -> str:
    if 11 <= n % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def say_date(day: date) -> str:
    """'Tuesday, December 1st'."""
    return f"{day:%A}, {day:%B} {day.day}{ordinal_suffix(day.day)}"


def say_time(moment: datetime, zone: tzinfo) -> str:
    """'3:30 PM', '10 AM', 'noon'."""
    local = moment.astimezone(zone)
    if local.hour == 12 and local.minute == 0:
        return "noon"
    hour = local.hour % 12 or 12
    suffix = "AM" if local.hour < 12 else "PM"
    return f"{hour} {suffix}" if local.minute == 0 else f"{hour}:{local.minute:02d} {suffix}"


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


def article(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun
