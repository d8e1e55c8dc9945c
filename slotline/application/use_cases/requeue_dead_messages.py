"""RequeueDeadMessages: an operator's way back for texts that died of a fault since fixed (e.g. SNS credentials)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from slotline.application.ports.outbox import OutboxMessage, OutboxOperations

log = logging.getLogger(__name__)


class RequeueDeadMessages:
    """Give dead messages a fresh set of attempts; the next dispatcher round sends each of them once."""

    def __init__(self, outbox: OutboxOperations) -> None:
        self._outbox = outbox

    async def __call__(self, message_ids: Sequence[str]) -> list[OutboxMessage]:
        """Requeue exactly these messages, or none of them if one is unknown or not dead."""
        return self._logged(await self._outbox.requeue(message_ids))

    async def all_dead(self, since: datetime | None = None) -> list[OutboxMessage]:
        """Requeue every dead message, or those queued at or after `since`."""
        return self._logged(await self._outbox.requeue_dead(since=since))

    @staticmethod
    def _logged(requeued: list[OutboxMessage]) -> list[OutboxMessage]:
        for m in requeued:
            log.info("SMS %s to %s requeued by an operator (it died of: %s)", m.id, m.to.masked(), m.last_error)
        return requeued
