"""CountOutbox: how many texts wait to be sent and how many died, for operators' gauges."""

from __future__ import annotations

from slotline.application.metered import Meter
from slotline.application.ports import Backend, CallMetrics, Clock
from slotline.application.ports.outbox import OutboxOperations, OutboxStatus


class CountOutbox:
    """Reads the outbox's pending and dead texts and tells CallMetrics; also proves the storage answers.

    A reminder scheduled for later is not waiting to be sent yet, so it is not counted as pending."""

    def __init__(self, outbox: OutboxOperations, metrics: CallMetrics, clock: Clock) -> None:
        self._outbox = outbox
        self._metrics = metrics
        self._clock = clock
        self._meter = Meter(metrics, Backend.STORAGE)

    async def __call__(self) -> tuple[int, int]:
        """(pending, dead); raises StorageUnavailable when the store does not answer."""
        queued = await self._meter("count_pending", self._outbox.all(OutboxStatus.PENDING))
        dead = await self._meter("count_dead", self._outbox.all(OutboxStatus.DEAD))
        now = self._clock.now()
        pending = sum(m.due_at is None or m.due_at <= now for m in queued)
        self._metrics.outbox_counted(pending, len(dead))
        return pending, len(dead)
