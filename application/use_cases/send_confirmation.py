from __future__ import annotations

import logging

from application.outbox_dispatcher import DispatchReport, OutboxDispatcher

log = logging.getLogger(__name__)


class SendConfirmation:
    """Send the texts a booking change queued, now, instead of waiting for the dispatcher's next round.

    The message was committed with the booking, so a failure here loses nothing: it stays pending.
    """

    def __init__(self, dispatcher: OutboxDispatcher) -> None:
        self._dispatcher = dispatcher

    async def __call__(self) -> DispatchReport:
        try:
            return await self._dispatcher.dispatch_due(limit=20)
        except Exception as exc:  # the dispatcher will retry; the caller's booking is already safe
            log.warning("sending confirmations now failed, the dispatcher will retry: %s", exc)
            return DispatchReport()
