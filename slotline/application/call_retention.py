"""Call records older than the retention are deleted while `serve` runs, not only when it starts."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from slotline.application.ports import CallRecords, Clock

__all__ = ["CallRecordRetention"]

log = logging.getLogger(__name__)


class CallRecordRetention:
    """Deletes the records of calls that started more than `keep` ago, once per `interval_seconds`.

    A purge that fails is logged and tried again at the next interval: retention is housekeeping, and a database
    that is down for a moment must not stop the server taking calls.
    """

    def __init__(self, records: CallRecords, clock: Clock, keep: timedelta, interval_seconds: float) -> None:
        if keep <= timedelta(0) or interval_seconds <= 0:
            raise ValueError("call-record retention needs a positive period and interval")
        self._records = records
        self._clock = clock
        self._keep = keep
        self._interval = interval_seconds

    async def purge_once(self) -> int:
        """Delete what is older than the retention now; how many calls went."""
        cutoff = self._clock.now() - self._keep
        purged = await self._records.purge(cutoff)
        if purged:
            log.info("call records: purged %d calls started before %s (records.retention_days)", purged, cutoff)
        return purged

    async def run_until(self, stop: asyncio.Event) -> None:
        """Purge every interval until `stop` is set (the first purge comes one interval after the start)."""
        while not await _stopped_within(stop, self._interval):
            try:
                await self.purge_once()
            except Exception:
                log.exception("call records: purge failed; trying again in %.0fs", self._interval)


async def _stopped_within(stop: asyncio.Event, seconds: float) -> bool:
    try:
        await asyncio.wait_for(stop.wait(), timeout=seconds)
    except TimeoutError:
        return False
    return True
