"""Availability engine benchmark: 50 staff x 90 days x 20,000 busy intervals, one service.

Run: python -m benchmarks.availability [--runs N] [--baseline-runs N]
Compares find_slots with the per-candidate baseline in tests/naive_availability.py in the same process.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from datetime import time as clock_time
from zoneinfo import ZoneInfo

from slotline.domain.availability import find_slots
from slotline.domain.catalogue import Business, Catalogue, Service, StaffMember, WeeklyHours
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.local_time import LocalSpan
from slotline.domain.phone import PhoneNumber
from slotline.domain.policy import BookingPolicy
from slotline.domain.staff_load import StaffLoad
from slotline.domain.time_window import TimeWindow
from tests.naive_availability import naive_slots

ZONE = ZoneInfo("America/New_York")
NOW = datetime(2027, 1, 4, 8, 0, tzinfo=ZONE)  # a Monday; the 90 days include the March DST change
STAFF, DAYS, BUSY = 50, 90, 20_000


def build(seed: int = 7) -> tuple[Catalogue, StaffLoad]:
    rng = random.Random(seed)
    hours = WeeklyHours(
        {d: (LocalSpan(clock_time(9), clock_time(17)),) for d in range(6)},
        (LocalSpan(clock_time(12), clock_time(13)),),
    )
    staff = tuple(StaffMember(StaffId(f"s{i:02d}"), f"Staff {i}", hours) for i in range(STAFF))
    service = Service(
        ServiceId("cut"), "Cut", timedelta(minutes=30), tuple(m.id for m in staff), buffer_after=timedelta(minutes=10)
    )
    catalogue = Catalogue(
        Business("Bench", ZONE, PhoneNumber("+12125550100")),
        BookingPolicy(max_days_ahead=DAYS),
        (service,),
        staff,
    )
    busy: dict[StaffId, list[TimeWindow]] = {m.id: [] for m in staff}
    for _ in range(BUSY):
        member = rng.choice(staff)
        day = NOW.date() + timedelta(days=rng.randrange(DAYS))
        start = datetime.combine(day, clock_time(8), tzinfo=ZONE) + timedelta(minutes=15 * rng.randrange(40))
        busy[member.id].append(TimeWindow.starting(start, timedelta(minutes=rng.choice([15, 30, 45, 60, 90, 120]))))
    return catalogue, StaffLoad(busy)


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def describe(name: str, ms: list[float]) -> str:
    q = statistics.quantiles(ms, n=4) if len(ms) >= 4 else [min(ms), statistics.median(ms), max(ms)]
    return (
        f"| {name} | {len(ms)} | {statistics.median(ms):.1f} | {min(ms):.1f} | {max(ms):.1f} | {q[0]:.1f}-{q[2]:.1f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--baseline-runs", type=int, default=3)
    args = parser.parse_args()
    catalogue, load = build()
    service = catalogue.services[0]
    first, last = NOW.date(), NOW.date() + timedelta(days=DAYS - 1)

    t0 = time.perf_counter()
    cold = find_slots(catalogue, service, first, last, load, NOW)
    cold_ms = (time.perf_counter() - t0) * 1000
    engine = timed(lambda: len(find_slots(catalogue, service, first, last, load, NOW)), args.runs)
    materialise = timed(lambda: list(find_slots(catalogue, service, first, last, load, NOW)), max(5, args.runs // 3))
    baseline_result: list[object] = []
    baseline = timed(
        lambda: baseline_result.append(naive_slots(catalogue, service, first, last, load, NOW)), args.baseline_runs
    )
    assert list(cold) == baseline_result[0], "engine and baseline disagree"

    print(f"{STAFF} staff x {DAYS} days x {BUSY} busy intervals -> {len(cold)} slots; first run {cold_ms:.1f} ms")
    print("| what | runs | median ms | min | max | IQR |")
    print("|---|---|---|---|---|---|")
    print(describe("find_slots (slot ranges, counted)", engine))
    print(describe("find_slots + build every Slot object", materialise))
    print(describe("per-candidate baseline", baseline))
    print(
        f"speed-up (median, ranges): {statistics.median(baseline) / statistics.median(engine):.0f}x; "
        f"(median, with Slot objects): {statistics.median(baseline) / statistics.median(materialise):.0f}x"
    )


if __name__ == "__main__":
    main()
