"""`serve` keeps deleting call records past the retention while it runs, and a failing purge does not stop it."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest

from slotline.application.call_retention import CallRecordRetention
from slotline.domain.call_record import CallQuery, CallRecord
from slotline.testing.fakes import InMemoryCallRecords, SettableClock
from slotline.testing.sample import CUSTOMER, NOW


class _PurgeSignals(InMemoryCallRecords):
    """Records that tell the test each purge, and fail the first `failures` of them."""

    def __init__(self, failures: int = 0) -> None:
        super().__init__()
        self.purges: asyncio.Queue[datetime] = asyncio.Queue()
        self._failures = failures

    async def purge(self, before: datetime) -> int:
        await self.purges.put(before)
        if self._failures:
            self._failures -= 1
            raise ConnectionError("database is restarting")
        return await super().purge(before)


async def _begin(records: InMemoryCallRecords, call_id: str, started: datetime) -> None:
    await records.begin(CallRecord(call_id, started, CUSTOMER, "+12125550100"))


async def test_records_older_than_the_retention_go_on_each_round_and_newer_ones_stay() -> None:
    records, clock = _PurgeSignals(), SettableClock(NOW)
    await _begin(records, "old", NOW - timedelta(days=31))
    await _begin(records, "recent", NOW - timedelta(days=29))
    retention = CallRecordRetention(records, clock, timedelta(days=30), interval_seconds=0.001)
    stop = asyncio.Event()
    running = asyncio.create_task(retention.run_until(stop))
    assert await records.purges.get() == NOW - timedelta(days=30)
    clock.advance(timedelta(days=2))  # a server that has run for two days
    assert await records.purges.get() == NOW - timedelta(days=28)
    stop.set()
    await running
    assert [r.call_id for r in await records.list(CallQuery())] == []


async def test_a_failed_purge_is_tried_again_at_the_next_interval() -> None:
    records = _PurgeSignals(failures=1)
    await _begin(records, "old", NOW - timedelta(days=40))
    retention = CallRecordRetention(records, SettableClock(NOW), timedelta(days=30), interval_seconds=0.001)
    stop = asyncio.Event()
    running = asyncio.create_task(retention.run_until(stop))
    await records.purges.get()  # fails
    await records.purges.get()  # succeeds
    stop.set()
    await running
    assert await records.list(CallQuery()) == []


async def test_stopping_before_the_first_interval_purges_nothing() -> None:
    records = _PurgeSignals()
    retention = CallRecordRetention(records, SettableClock(NOW), timedelta(days=30), interval_seconds=3600)
    stop = asyncio.Event()
    stop.set()
    await retention.run_until(stop)
    assert records.purges.empty()


def test_a_retention_needs_a_positive_period_and_interval() -> None:
    with pytest.raises(ValueError, match="positive"):
        CallRecordRetention(InMemoryCallRecords(), SettableClock(NOW), timedelta(0), 60)
    with pytest.raises(ValueError, match="positive"):
        CallRecordRetention(InMemoryCallRecords(), SettableClock(NOW), timedelta(days=1), 0)
