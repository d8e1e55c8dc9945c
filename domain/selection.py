"""Slot selection: rank bookable slots against what the caller asked for and offer a few genuinely different ones."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from domain.preference import Preference
from domain.slot import Slot

APPROXIMATE_REACH = timedelta(minutes=90)


@dataclass(frozen=True, slots=True)
class Offer:
    slots: tuple[Slot, ...]
    on_preferred_day: bool
    """False when the caller named a day that had nothing and these are the nearest days that do."""
    exact_time: bool
    """True when the caller named an exact time and the first slot is at it."""

    @property
    def empty(self) -> bool:
        return not self.slots


def _minutes(moment: datetime, zone: tzinfo) -> int:
    local = moment.astimezone(zone)
    return local.hour * 60 + local.minute


def _rank(slot: Slot, pref: Preference, zone: tzinfo) -> tuple[int, int, int, int, datetime]:
    local = slot.window.start.astimezone(zone)
    staff_miss = int(pref.staff_id is not None and slot.staff_id != pref.staff_id)
    part_miss = int(pref.part_of_day is not None and not pref.part_of_day.includes(local.time()))
    distance = 0
    far = 0
    if pref.at is not None and not pref.earliest:
        distance = abs(_minutes(slot.window.start, zone) - (pref.at.hour * 60 + pref.at.minute))
        if pref.approximate:
            far = int(distance > APPROXIMATE_REACH.total_seconds() // 60)
    return staff_miss, part_miss, far, distance, slot.window.start


def _distinct(ranked: Iterable[Slot], count: int, spread: timedelta) -> tuple[Slot, ...]:
    chosen: list[Slot] = []
    for slot in ranked:
        if all(abs(slot.window.start - c.window.start) >= spread for c in chosen):
            chosen.append(slot)
            if len(chosen) == count:
                break
    return tuple(chosen)


def choose_offers(
    slots: Iterable[Slot],
    pref: Preference,
    zone: tzinfo,
    count: int,
    spread: timedelta = timedelta(hours=1),
) -> Offer:
    """Up to `count` slots, best first, each at least `spread` from the others.

    A named day that has nothing yields the best slot on each of the nearest days that do
    (nearer first; on a tie the earlier day first).
    """
    pool = list(slots)
    if pref.day is not None:
        by_day: dict[date, list[Slot]] = {}
        for slot in pool:
            by_day.setdefault(slot.window.start.astimezone(zone).date(), []).append(slot)
        wanted = by_day.get(pref.day)
        if not wanted:
            target = pref.day
            nearest = sorted(by_day, key=lambda d: (abs((d - target).days), d))[:count]
            best = [min(by_day[d], key=lambda s: _rank(s, pref, zone)) for d in nearest]
            return Offer(tuple(sorted(best)), on_preferred_day=False, exact_time=False)
        pool = wanted
    ranked = sorted(pool, key=lambda s: _rank(s, pref, zone))
    if ranked:  # offer only slots as good as the best on staff, part of day and nearness
        top = _rank(ranked[0], pref, zone)[:3]
        ranked = [s for s in ranked if _rank(s, pref, zone)[:3] == top]
    offers = _distinct(ranked, count, spread)
    exact = (
        bool(offers)
        and pref.at is not None
        and not pref.approximate
        and offers[0].window.start.astimezone(zone).time() == pref.at
    )
    return Offer(offers, on_preferred_day=pref.day is not None, exact_time=exact)
