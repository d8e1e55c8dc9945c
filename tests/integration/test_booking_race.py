"""50 callers race for 5 slots through the real use cases and SQLite: exactly 5 bookings, no overlaps."""

from __future__ import annotations

import asyncio
import random
from datetime import date, datetime, time, timedelta
from pathlib import Path

from slotline.application.conversation import BookingServices
from slotline.application.use_cases.keys import slot_key
from slotline.domain.appointment import AppointmentStatus, Customer
from slotline.domain.errors import BookingError
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.entrypoints.container import build_container
from slotline.entrypoints.settings import load_settings
from tests.factories import NEW_YORK, NOW

MONDAY = date(2026, 11, 30)


def five_slots() -> list[Slot]:
    starts = [datetime.combine(MONDAY, time(hour), tzinfo=NEW_YORK) for hour in (9, 10, 11, 13, 14)]  # 12 is lunch
    return [Slot(TimeWindow.starting(s, timedelta(minutes=30)), StaffId("sam"), ServiceId("haircut")) for s in starts]


async def caller(services: BookingServices, n: int, slot: Slot) -> str | None:
    key = slot_key(f"call-{n}", slot)
    try:
        hold = await services.hold(slot, key=key)
        booked = await services.book(hold, Customer(PhoneNumber(f"+1212555{n:04d}")), key=key)
    except BookingError:
        return None
    return booked.id


async def test_fifty_callers_five_slots(tmp_path: Path) -> None:
    container = build_container(load_settings({"db": tmp_path / "race.db", "now": NOW}))
    services = container.booking()
    rng = random.Random(1234)
    slots = five_slots()
    results = await asyncio.gather(*(caller(services, n, rng.choice(slots)) for n in range(50)))
    winners = [r for r in results if r is not None]
    booked = [a for a in await container.ledger().all() if a.status is AppointmentStatus.CONFIRMED]
    assert len(winners) == len(booked) == len({a.slot for a in booked})
    assert {a.slot for a in booked} <= set(slots)
    for i, a in enumerate(booked):
        for b in booked[i + 1 :]:
            assert not a.window.overlaps(b.window)
    texts = await container.outbox().all()
    assert len([m for m in texts if not m.is_reminder]) == len(booked)
    assert sorted(m.reminder_for or "" for m in texts if m.is_reminder) == sorted(a.id for a in booked)  # losers: none


async def test_every_slot_taken_exactly_once_when_all_race_for_all(tmp_path: Path) -> None:
    container = build_container(load_settings({"db": tmp_path / "race.db", "now": NOW}))
    services = container.booking()
    slots = five_slots()
    results = await asyncio.gather(*(caller(services, n, slots[n % 5]) for n in range(50)))
    assert sum(r is not None for r in results) == 5
    booked = await container.ledger().all()
    assert sorted(a.window.start for a in booked) == [s.window.start for s in slots]
