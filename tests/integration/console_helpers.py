"""The console over a real SQLite file: records seeded through the real adapters at a pinned time, and the app served
by a real uvicorn server on 127.0.0.1 (a free port) in a thread, for tests that speak HTTP to it."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import uvicorn
from starlette.applications import Starlette

from slotline.domain.call_record import CallEnding, CallEntry, CallRecord, CallResult, EntryKind, TurnTimings
from slotline.entrypoints.console import ConsoleSources, console_app
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.sqlite import SqliteCallRecords, SqliteDatabase, SqliteOutbox, SqliteSlotLedger
from tests.factories import NOW
from tests.integration.sqlite_helpers import CATALOGUE, OTHER_PHONE, PHONE, book, message, slot

__all__ = ["BOOKED_CALL", "SCRIPT", "console_sources", "running", "seed", "served"]

BOOKED_CALL = "call-booked"
SCRIPT = "<script>alert('x')</script>"
"""What a caller was heard to say in one seeded call: the page must show it as text, never run it."""


def _entry(
    seq: int,
    minutes: float,
    kind: EntryKind,
    text: str,
    *,
    understood: str | None = None,
    timings: TurnTimings | None = None,
    duration_ms: int | None = None,
    error: str | None = None,
) -> CallEntry:
    """Entry `seq` of the booked call, `minutes` after it started (two hours before NOW)."""
    at = NOW - timedelta(hours=2) + timedelta(minutes=minutes)
    return CallEntry(seq, at, kind, text, understood, timings, duration_ms, error)


async def _seed(db: SqliteDatabase) -> None:
    ledger, outbox, calls = SqliteSlotLedger(db, FixedClock(NOW)), SqliteOutbox(db), SqliteCallRecords(db)
    booked = await book(ledger, slot(10), "apt-1")  # Thursday 26 November, 10:00 with Sam; its text waits
    await book(ledger, slot(14, staff="alex"), "apt-2", phone=OTHER_PHONE)

    two_hours_ago = NOW - timedelta(hours=2)
    await calls.begin(CallRecord(BOOKED_CALL, two_hours_ago, PHONE, "+18005550100", answered_at=two_hours_ago))
    entries = [
        _entry(0, 0, EntryKind.STATE, "pending"),
        _entry(1, 0.02, EntryKind.STATE, "answered"),
        _entry(2, 0.05, EntryKind.AGENT, "Hello, Maple Street Clinic, how can I help?"),
        _entry(
            3,
            0.2,
            EntryKind.CALLER,
            "a haircut tomorrow at ten",
            understood="book service='haircut' day=2026-11-26",
            timings=TurnTimings(recognised_ms=180, decided_ms=420, first_audio_ms=610),
        ),
        _entry(4, 0.21, EntryKind.BACKEND, "ledger.hold", duration_ms=35),
        _entry(5, 0.25, EntryKind.AGENT, "Sam can do 10 AM tomorrow. Shall I book it?"),
        _entry(
            6,
            0.4,
            EntryKind.CALLER,
            "yes and my number is two one two five five five oh one two three",
            understood="yes phone=+12125550123",
            timings=TurnTimings(recognised_ms=220, decided_ms=900, first_audio_ms=1200),
        ),
        _entry(7, 0.45, EntryKind.BACKEND, "calendar.create", duration_ms=2100, error="calendar timed out"),
        _entry(8, 0.5, EntryKind.AGENT, "You're booked. Goodbye."),
        _entry(9, 1.25, EntryKind.STATE, "disconnected"),
    ]
    for entry in entries:
        await calls.append(BOOKED_CALL, entry)
    ending = CallEnding(two_hours_ago + timedelta(minutes=1, seconds=15), CallResult.BOOKED, appointment_id=booked.id)
    await calls.finish(BOOKED_CALL, ending)

    yesterday = NOW - timedelta(days=1, hours=-6)
    await calls.begin(CallRecord("call-transfer", yesterday, OTHER_PHONE))
    await calls.finish(
        "call-transfer",
        CallEnding(yesterday + timedelta(seconds=95), CallResult.TRANSFERRED, transfer_reason="asked for a person"),
    )
    await calls.begin(CallRecord("call-script", NOW - timedelta(minutes=10), None))
    await calls.append("call-script", CallEntry(0, NOW - timedelta(minutes=10), EntryKind.CALLER, SCRIPT))
    await calls.finish("call-script", CallEnding(NOW - timedelta(minutes=9), CallResult.CALLER_HUNG_UP))
    old = NOW - timedelta(days=10)
    await calls.begin(CallRecord("call-old", old, PHONE))
    await calls.finish("call-old", CallEnding(old + timedelta(seconds=30), CallResult.NO_CHANGE))

    sent, dead = message("sent-1", created_at=NOW - timedelta(hours=3)), message("dead-1", to=OTHER_PHONE)
    await outbox.enqueue([sent, dead])
    for m in (sent, dead):
        assert await outbox.claim(m.id, NOW, NOW + timedelta(minutes=2))
    await outbox.mark_sent(sent.id, "provider-1", NOW)
    await outbox.mark_failed(dead.id, f"provider refused {OTHER_PHONE.e164}", retry_at=None, now=NOW)


def seed(path: Path) -> SqliteDatabase:
    """A slotline file at `path` holding four calls, two bookings and three texts (waiting, sent, dead)."""
    db = SqliteDatabase(path)
    asyncio.run(_seed(db))
    return db


def console_sources(db: SqliteDatabase, now: datetime = NOW) -> ConsoleSources:
    return ConsoleSources(
        SqliteCallRecords(db), SqliteSlotLedger(db, FixedClock(now)), SqliteOutbox(db), CATALOGUE, FixedClock(now)
    )


@contextmanager
def running(app: Starlette) -> Iterator[str]:
    """`app` served on 127.0.0.1 until the block ends; yields its base URL."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the console server did not start"
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        listener.close()


def served(db: SqliteDatabase, *, token: str | None = None) -> AbstractContextManager[str]:
    """The console over `db` at NOW, served on 127.0.0.1."""
    return running(console_app(console_sources(db), token=token))
