"""Requests and wall time per `busy` call, getSchedule against calendarView, on the fake Graph server.

    .venv/bin/python -m tests.integration.fake_graph.measure_busy

The table it prints is the one quoted in infrastructure/msgraph/busy.py. Wall times are loopback times on
the machine at hand (no network): they show the client-side cost of each request and each parsed event.
"""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta

from slotline.domain.catalogue import Catalogue
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.msgraph.settings import BusySource
from tests.factories import NEW_YORK
from tests.integration.fake_graph.server import FakeGraph
from tests.integration.graph_helpers import gateway_for, staffed_catalogue

EVENTS_PER_DAY = 8
CASES = [(3, 1), (5, 7), (10, 14)]
WAYS: list[tuple[BusySource, int]] = [("schedule", 100), ("calendar_view", 100), ("calendar_view", 10)]


def fill(fake: FakeGraph, catalogue: Catalogue, start: datetime, days: int) -> None:
    """EVENTS_PER_DAY 45-minute events a day, on the hour from 09:00, in every staff calendar."""
    for member in catalogue.staff:
        assert member.calendar
        for day in range(days):
            for n in range(EVENTS_PER_DAY):
                begins = start + timedelta(days=day, hours=9 + n)
                fake.add_event(member.calendar, begins, begins + timedelta(minutes=45))


async def measure(
    fake: FakeGraph, catalogue: Catalogue, window: TimeWindow, source: BusySource, page: int
) -> tuple[int, float]:
    """(requests, best wall seconds of three) for one busy call over every staff member."""
    gateway = gateway_for(fake, catalogue, busy_source=source, page_size=page, deadline_seconds=60.0)
    await gateway.warm_up()
    best = float("inf")
    for _ in range(3):
        fake.clear_requests()
        started = time.perf_counter()
        await gateway.busy(catalogue.staff, window)
        best = min(best, time.perf_counter() - started)
    await gateway.aclose()
    return len(fake.requests), best


def main() -> None:
    print("staff x days | " + " | ".join(f"{s} $top={p}" for s, p in WAYS))
    for staff, days in CASES:
        catalogue = staffed_catalogue(staff)
        start = datetime(2027, 1, 4, tzinfo=NEW_YORK)
        window = TimeWindow(start, start + timedelta(days=days))
        with FakeGraph.running([m.calendar for m in catalogue.staff if m.calendar]) as fake:
            fill(fake, catalogue, start, days)
            cells = [asyncio.run(measure(fake, catalogue, window, s, p)) for s, p in WAYS]
        print(f"{staff} x {days} | " + " | ".join(f"{n} requests, {t * 1000:.0f} ms" for n, t in cells))


if __name__ == "__main__":
    main()
