"""Slot selection: rank bookable slots against what the caller asked for and offer a few genuinely different ones."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from slotline.domain.preference import Preference
from slotline.domain.slot import Slot

APPROXIMATE_REACH = timedelta(minutes=90)


@dataclass(frozen=True, slots=True)
class Offer:
    slots: tuple[Slot, ...]
    on_preferred_day: bool
    """False when the caller named a day (or days) that had nothing and these are the nearest days that do."""
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
    if pref.latest and pref.at is None:
        distance = 24 * 60 - _minutes(slot.window.start, zone)  # the last start of the day first
    return staff_miss, part_miss, far, distance, slot.window.start


def _distinct(ranked: Iterable[Slot], count: int, spread: timedelta) -> tuple[Slot, ...]:
    """Up to `count` slots at least `spread` apart; when that leaves fewer than `count` (a narrow window: "after
    four" in a day ending at five), the rest at least half of it apart ("4 PM or 4:30 PM", not "4 PM" alone)."""
    ranked = list(ranked)
    chosen: list[Slot] = []
    for gap in (spread, spread / 2):
        for slot in ranked:
            if len(chosen) < count and all(abs(slot.window.start - c.window.start) >= gap for c in chosen):
                chosen.append(slot)
        if len(chosen) == count:
            break
    return tuple(sorted(chosen, key=ranked.index))  # best first, as ranked ("4, 4:30 or 5" in time order)


def _one_a_day(ranked: Sequence[Slot], count: int, spread: timedelta, zone: tzinfo) -> tuple[Slot, ...]:
    """The best slot of each day first, so that a range of days ("next week") offers different days."""
    firsts: dict[date, Slot] = {}
    for slot in ranked:
        firsts.setdefault(slot.window.start.astimezone(zone).date(), slot)
    chosen = list(firsts.values())[:count]
    rest = [s for s in ranked if s not in chosen]
    return tuple(sorted(_distinct([*chosen, *rest], count, spread)))


def choose_offers(
    slots: Iterable[Slot],
    pref: Preference,
    zone: tzinfo,
    count: int,
    spread: timedelta = timedelta(hours=1),
) -> Offer:
    """Up to `count` slots, best first, each at least `spread` from the others.

    A slot outside the caller's time bounds ("after four") is never offered. Named days that have nothing
    within those bounds yield the best slot on each of the nearest days that do (nearer first; on a tie the
    earlier day first). A range of days ("next week") offers a different day in each slot where it can, in date
    order, and never counts as an exact time: the caller still has a day to choose.
    """
    pool = [s for s in slots if pref.bounds.admits(s.window.start.astimezone(zone).time())]
    if pref.day is not None:
        by_day: dict[date, list[Slot]] = {}
        for slot in pool:
            by_day.setdefault(slot.window.start.astimezone(zone).date(), []).append(slot)
        wanted = [s for d, day_slots in by_day.items() if pref.wants_day(d) for s in day_slots]
        if not wanted:
            nearest = sorted(by_day, key=lambda d: (pref.days_away(d), d))[:count]
            best = [min(by_day[d], key=lambda s: _rank(s, pref, zone)) for d in nearest]
            return Offer(tuple(sorted(best)), on_preferred_day=False, exact_time=False)
        pool = wanted
    ranked = sorted(pool, key=lambda s: _rank(s, pref, zone))
    if ranked:  # offer only slots as good as the best on staff, part of day and nearness
        top = _rank(ranked[0], pref, zone)[:3]
        ranked = [s for s in ranked if _rank(s, pref, zone)[:3] == top]
    several_days = pref.last_day is not None and not pref.earliest
    offers = _one_a_day(ranked, count, spread, zone) if several_days else _distinct(ranked, count, spread)
    if pref.latest:
        offers = tuple(sorted(offers))  # found latest first, said in the order of the day
    exact = (
        bool(offers)
        and not several_days
        and pref.at is not None
        and not pref.approximate
        and offers[0].window.start.astimezone(zone).time() == pref.at
    )
    return Offer(offers, on_preferred_day=pref.day is not None, exact_time=exact)
