"""Reminders benchmark: what reminders add to a booking's and a move's ledger write, and to the dispatcher's `due`.

Run: python -m benchmarks.reminders [--bookings 200] [--runs 3]

One process, one caller at a time (the cost of one write, not throughput): `--bookings` bookings through the ledger,
each with its confirmation text alone ("without") or with its confirmation and the reminders the sample business
schedules (one, 24 h before; "with"), then each booking moved once (the move deletes the unsent reminder and queues
the new one). Then, with every text sent, `due` at the booking time: nothing is due, but "with" has every booking's
reminder pending for later; the query a dispatcher runs every round. Runs with and without alternate, after one
warm-up run. SQLite: a fresh file per run. PostgreSQL: a fresh database on the test server
(SLOTLINE_TEST_POSTGRES_DSN, default 127.0.0.1:5432), dropped afterwards. Medians over all calls of the median run
(the run with the median booking time).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from slotline.application.ports import Outbox, SlotLedger
from slotline.application.texts import ConfirmationTexts
from slotline.application.use_cases.keys import text_for
from slotline.application.use_cases.reminders import reminders_for
from slotline.domain.appointment import Appointment, AppointmentStatus
from slotline.domain.ids import AppointmentId, ServiceId, StaffId
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.sqlite import SqliteDatabase, SqliteOutbox, SqliteSlotLedger
from slotline.testing.sample import CUSTOMER, NOW, sample_catalogue

CATALOGUE = sample_catalogue()
TEXTS = ConfirmationTexts(CATALOGUE)
FIRST = NOW + timedelta(days=2)


@dataclass(frozen=True, slots=True)
class Result:
    book_ms: float
    move_ms: float
    due_ms: float


def _slot(k: int, shift: timedelta = timedelta(0)) -> Slot:
    start = FIRST + timedelta(minutes=40 * k) + shift
    staff = StaffId(("sam", "alex", "jordan")[k % 3])
    return Slot(TimeWindow.starting(start, timedelta(minutes=30)), staff, ServiceId("haircut"))


async def _run(ledger: SlotLedger, outbox: Outbox, bookings: int, reminders: bool) -> Result:
    books, moves = [], []
    for k in range(bookings):
        slot = _slot(k)
        key = f"b{k}"
        booked = Appointment(
            AppointmentId(key), slot.service_id, slot.staff_id, slot.window, CUSTOMER, AppointmentStatus.CONFIRMED
        )
        began = time.perf_counter()
        texts = [text_for(key, "booked", CUSTOMER, TEXTS.booked(booked), NOW)]
        if reminders:
            texts += reminders_for(booked, CATALOGUE, TEXTS, key=key, now=NOW)
        occupied = TimeWindow.starting(slot.window.start, timedelta(minutes=40))
        await ledger.book(booked, occupied, key=key, now=NOW, hold_id=None, outbox=texts)
        books.append(time.perf_counter() - began)
    for k in range(bookings):
        slot = _slot(k, timedelta(days=30))
        key = f"m{k}"
        moved = (await ledger.get(f"b{k}")).moved_to(slot)
        began = time.perf_counter()
        texts = [text_for(key, "rescheduled", CUSTOMER, TEXTS.rescheduled(moved), NOW)]
        if reminders:
            texts += reminders_for(moved, CATALOGUE, TEXTS, key=key, now=NOW)
        occupied = TimeWindow.starting(slot.window.start, timedelta(minutes=40))
        await ledger.move(moved.id, slot, occupied, key=key, now=NOW, hold_id=None, outbox=texts)
        moves.append(time.perf_counter() - began)
    for m in await outbox.due(NOW, 10 * bookings):  # every text sent: what stays pending is scheduled reminders
        await outbox.claim(m.id, NOW, NOW + timedelta(minutes=2))
        await outbox.mark_sent(m.id, "provider", NOW)
    dues = []
    for _ in range(20):
        began = time.perf_counter()
        await outbox.due(NOW, 100)
        dues.append(time.perf_counter() - began)
    ms = 1000
    return Result(statistics.median(books) * ms, statistics.median(moves) * ms, statistics.median(dues) * ms)


def _sqlite(bookings: int, reminders: bool) -> Result:
    with tempfile.TemporaryDirectory() as folder:
        db = SqliteDatabase(Path(folder) / "bench.db")
        try:
            return asyncio.run(_run(SqliteSlotLedger(db, FixedClock(NOW)), SqliteOutbox(db), bookings, reminders))
        finally:
            db.close()


def _postgres(bookings: int, reminders: bool) -> Result:
    from slotline.infrastructure.postgres.adapters import PostgresDatabase, PostgresOutbox, PostgresSlotLedger
    from tests.postgres_helpers import create_database, drop_database, settings

    name, dsn = create_database("slotline_bench")
    try:
        db = PostgresDatabase(settings(dsn))
        db.migrate()
        try:
            return asyncio.run(_run(PostgresSlotLedger(db, FixedClock(NOW)), PostgresOutbox(db), bookings, reminders))
        finally:
            db.close()
    finally:
        drop_database(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bookings", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    stores: dict[str, Callable[[int, bool], Result]] = {"sqlite": _sqlite, "postgres": _postgres}
    print("| store | reminders | book p50 ms | move p50 ms | due p50 ms (nothing due; every reminder scheduled) |")
    print("|---|---|---|---|---|")
    for store, run in stores.items():
        run(20, True)  # warm up: imports, the first connection, the server's caches
        runs: dict[bool, list[Result]] = {False: [], True: []}
        for _ in range(args.runs):  # interleaved, so a change in the machine's load hits both alike
            for reminders in (False, True):
                runs[reminders].append(run(args.bookings, reminders))
        for reminders, results in runs.items():
            r = sorted(results, key=lambda r: r.book_ms)[len(results) // 2]
            label = "with" if reminders else "without"
            print(f"| {store} | {label} | {r.book_ms:.2f} | {r.move_ms:.2f} | {r.due_ms:.2f} |")


if __name__ == "__main__":
    main()
