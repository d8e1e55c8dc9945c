"""The calendar days slotline accepts from a user (flags, SLOTLINE_NOW, the config file): 1970-01-01 to 9000-12-31.

1970 because the database keeps instants as Unix seconds; 9000 leaves centuries between the last accepted day and
the end of Python's calendar (9999-12-31), so a `--days` span, a booking horizon or a time-zone shift never overflows.
"""

from __future__ import annotations

from datetime import date

__all__ = ["FIRST_DAY", "LAST_DAY", "outside_supported_range"]

FIRST_DAY = date(1970, 1, 1)
LAST_DAY = date(9000, 12, 31)


def outside_supported_range(day: date) -> str | None:
    """Why `day` cannot be used (one line), or None when it is within FIRST_DAY..LAST_DAY."""
    if FIRST_DAY <= day <= LAST_DAY:
        return None
    return f"{day.isoformat()} is outside the supported range {FIRST_DAY} to {LAST_DAY}"
