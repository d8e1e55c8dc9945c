"""How a spoken day resolves to a date, given today in the business time zone. Pure date arithmetic."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

__all__ = [
    "WeekdayMode",
    "resolve_day_of_month",
    "resolve_month_day",
    "resolve_week_days",
    "resolve_weekday",
    "valid_date",
]


class WeekdayMode(StrEnum):
    BARE = "bare"  # "tuesday", "on tuesday", "coming tuesday": the next one after today, never today
    THIS = "this"  # "this tuesday", "tuesday this week": this week's (Mon-Sun) if not past, else the next one
    NEXT = "next"  # "next tuesday", "tuesday next week": the one in the following Monday-to-Sunday week


def resolve_weekday(today: date, weekday: int, mode: WeekdayMode) -> date:
    """The date a weekday (0 = Monday) names when said on `today`."""
    if mode is WeekdayMode.NEXT:
        following_monday = today + timedelta(days=7 - today.weekday())
        return following_monday + timedelta(days=weekday)
    if mode is WeekdayMode.THIS and weekday >= today.weekday():
        return today + timedelta(days=weekday - today.weekday())
    return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)


def valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_day_of_month(today: date, day: int) -> date | None:
    """The next date with this day of the month, today included ("the 31st" skips months without one)."""
    if not 1 <= day <= 31:
        return None
    year, month = today.year, today.month
    for _ in range(12):
        found = valid_date(year, month, day)
        if found is not None and found >= today:
            return found
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def resolve_month_day(today: date, month: int, day: int, year: int | None = None) -> date | None:
    """Month and day: this year unless already past, then next year; an invalid date is None."""
    if year is not None:
        return valid_date(year, month, day)
    found = valid_date(today.year, month, day)
    if found is not None and found >= today:
        return found
    return valid_date(today.year + 1, month, day)


def resolve_week_days(
    today: date, weeks_ahead: int, first: int, last: int, *, after_today: bool = False
) -> tuple[date, date] | None:
    """Weekdays `first` to `last` (0 = Monday) of a Monday-to-Sunday week, `weeks_ahead` after this one, without
    the days already past (nor today, with `after_today`); None when none are left."""
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=weeks_ahead)
    start = max(monday + timedelta(days=first), today + timedelta(days=int(after_today)))
    end = monday + timedelta(days=last)
    return (start, end) if start <= end else None
