"""A near day read back with the words a caller would use for it, so that a misunderstood day is heard as one.

"Thursday, December 3rd" alone sounds right to a caller who asked for "a week on Thursday"; "this Thursday, the
3rd" does not. The anchor follows the interpreter's own meanings (docs/understanding.md): "this" is the current
Monday-to-Sunday week, "next" the following one, and "a week on <day>" the one after the coming <day>.
"""

from __future__ import annotations

from datetime import date, timedelta

from slotline.domain.dialogue.phrasing import ordinal_suffix, say_date

__all__ = ["say_day_near"]


def _nth(day: date, today: date) -> str:
    """ "the 26th" within this month, "December 1st" in another."""
    if day.month == today.month and day.year == today.year:
        return f"the {day.day}{ordinal_suffix(day.day)}"
    return f"{day:%B} {day.day}{ordinal_suffix(day.day)}"


def say_day_near(day: date, today: date | None) -> str:
    """How a read-back names `day`, with its preposition: "today, Wednesday the 25th", "tomorrow, Thursday the
    26th", "this Friday, the 27th", "next Tuesday, December 1st", "on Tuesday the 8th, a week on Tuesday", or
    "on Tuesday, December 15th" when no anchor helps (or today is not known)."""
    if today is None:
        return f"on {say_date(day)}"
    ahead = (day - today).days
    weekday = f"{day:%A}"
    weeks_apart = (day - (today - timedelta(days=today.weekday()))).days // 7
    nth = _nth(day, today)
    named = f"{weekday} {nth}" if nth.startswith("the ") else f"{weekday}, {nth}"
    if ahead == 0:
        return f"today, {named}"
    if ahead == 1:
        return f"tomorrow, {named}"
    if 2 <= ahead <= 6 and weeks_apart == 0:
        return f"this {weekday}, {nth}"
    if weeks_apart == 1:
        return f"next {weekday}, {nth}"
    if 8 <= ahead <= 13:
        return f"on {named}, a week on {weekday}"
    return f"on {say_date(day)}"
