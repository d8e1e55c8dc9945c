"""When the business is open, derived from staff hours, breaks, closures and special hours (never written twice)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time

from slotline.domain.catalogue import Catalogue
from slotline.domain.local_time import LocalSpan

__all__ = ["open_on", "open_weekly"]


def _at(second: int) -> time:
    return time(0) if second >= 86400 else time(second // 3600, second % 3600 // 60)


def _union(spans: Iterable[LocalSpan]) -> tuple[LocalSpan, ...]:
    """The spans merged where they overlap or touch: someone is working in each, and no one between them."""
    merged: list[list[int]] = []
    for span in sorted(spans, key=lambda s: s.start_second):
        if merged and span.start_second <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span.end_second)
        else:
            merged.append([span.start_second, span.end_second])
    return tuple(LocalSpan(_at(a), _at(b)) for a, b in merged)


def open_on(catalogue: Catalogue, day: date) -> tuple[LocalSpan, ...]:
    """The hours anyone takes appointments on `day`, after closures and special hours; () when closed."""
    return _union(s for member in catalogue.staff for s in catalogue.working_spans(member, day))


def open_weekly(catalogue: Catalogue) -> tuple[tuple[LocalSpan, ...], ...]:
    """The usual hours per weekday (0 = Monday), from every staff member's weekly hours less their breaks."""
    return tuple(_union(s for member in catalogue.staff for s in member.hours.on(weekday)) for weekday in range(7))
