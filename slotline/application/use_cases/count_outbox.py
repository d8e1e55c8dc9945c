"""CountOutbox: how many texts wait to be sent and how many died, for operators' gauges."""

from __future__ import annotations

from slotline.application.metered import Meter
from slotline.application.ports import Backend, CallMetrics
from slotline.application.ports.outbox import OutboxOperations, OutboxStatus


class CountOutbox:
    """Reads the outbox's pending and dead texts and tells CallMetrics; also proves the storage answers."""

    def __init__(self, outbox: OutboxOperations, metrics: CallMetrics) -> None:
        self._outbox = outbox
        self._metrics = metrics
        self._meter = Meter(metrics, Backend.STORAGE)

    async def __call__(self) -> tuple[int, int]:
        """(pending, dead); raises StorageUnavailable when the store does not answer."""
        pending = await self._meter("count_pending", self._outbox.all(OutboxStatus.PENDING))
        dead = await self._meter("count_dead", self._outbox.all(OutboxStatus.DEAD))
        self._metrics.outbox_counted(len(pending), len(dead))
        return len(pending), len(dead)
