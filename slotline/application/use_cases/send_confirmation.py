from __future__ import annotations

import asyncio
import logging

from slotline.application.outbox_dispatcher import DispatchReport, OutboxDispatcher

log = logging.getLogger(__name__)


class SendConfirmation:
    """Send the texts a booking change queued, now, without keeping the caller waiting for the SMS provider.

    The message was committed with the booking, so nothing is lost if this round fails or the process stops:
    it stays pending for the dispatcher. The caller waits at most `grace_seconds` to hear whether it went.
    """

    def __init__(self, dispatcher: OutboxDispatcher, grace_seconds: float = 0.3) -> None:
        self._dispatcher = dispatcher
        self._grace = grace_seconds
        self._rounds: set[asyncio.Task[DispatchReport | None]] = set()

    async def __call__(self, message_id: str) -> bool:
        """Start sending; True once the provider accepted `message_id` within the grace, else False (still queued)."""
        task = asyncio.create_task(self._round())
        self._rounds.add(task)
        task.add_done_callback(self._rounds.discard)
        done, _ = await asyncio.wait({task}, timeout=self._grace)
        report = task.result() if done else None
        return report is not None and message_id in report.sent_ids

    async def drain(self, within: float) -> None:
        """Wait (at most `within` seconds) for rounds started here, e.g. before a short-lived process exits."""
        if self._rounds:
            await asyncio.wait(set(self._rounds), timeout=within)

    async def _round(self) -> DispatchReport | None:
        try:
            report = await self._dispatcher.dispatch_due(limit=20)
        except Exception as exc:  # the dispatcher will retry; the caller's booking is already safe
            log.warning("sending confirmations now failed, the dispatcher will retry: %s", exc)
            return None
        log.info("confirmations: sent %d, retrying %d, dead %d", report.sent, report.retrying, report.dead)
        return report
