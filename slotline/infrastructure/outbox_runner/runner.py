"""OutboxRunner: keeps the outbox moving while the server runs, one dispatch round per interval or per poke."""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

from slotline.application.outbox_dispatcher import DispatchReport

__all__ = ["DispatchesDue", "OutboxRunner"]

log = logging.getLogger(__name__)

_DRAIN_ROUNDS = 10  # full rounds run back to back before the runner waits an interval again


class DispatchesDue(Protocol):
    """What the runner drives: `application.outbox_dispatcher.OutboxDispatcher` is one."""

    async def dispatch_due(self, limit: int = ...) -> DispatchReport: ...


class OutboxRunner:
    """Calls `dispatch_due()` every `interval_seconds`, at once after `poke()`, and again at once after a full batch.

    A round that raises is logged and the loop goes on. `run_until(stop)` returns when `stop` is set, after the
    round in flight (if any) has finished: cutting a round short between a send and its `mark_sent` would only
    send that text again after a restart. `poke()` must be called from the event loop the runner runs on.
    """

    def __init__(self, dispatcher: DispatchesDue, interval_seconds: float, *, batch: int = 100) -> None:
        if interval_seconds <= 0 or batch < 1:
            raise ValueError("the outbox runner needs a positive interval and batch size")
        self._dispatcher = dispatcher
        self._interval = interval_seconds
        self._batch = batch
        self._poked = asyncio.Event()

    def poke(self) -> None:
        """Ask for a round now, e.g. right after a booking committed its confirmation text."""
        self._poked.set()

    async def run_until(self, stop: asyncio.Event) -> None:
        """Dispatch rounds until `stop` is set."""
        log.info("outbox runner started (every %.1fs, %d per round)", self._interval, self._batch)
        full_rounds = 0
        while not stop.is_set():
            self._poked.clear()
            full = await self._round()
            full_rounds = full_rounds + 1 if full else 0
            if full and full_rounds < _DRAIN_ROUNDS:
                await asyncio.sleep(0)  # let others run between back-to-back rounds
                continue
            full_rounds = 0
            await self._wait(stop)
        log.info("outbox runner stopped")

    async def _round(self) -> bool:
        """One dispatch round; True when it handled a whole batch, so more may be due."""
        try:
            report = await self._dispatcher.dispatch_due(limit=self._batch)
        except Exception:
            log.exception("outbox dispatch round failed; trying again in %.1fs", self._interval)
            return False
        handled = report.sent + report.retrying + report.dead + report.withdrawn
        level = logging.INFO if handled else logging.DEBUG
        log.log(
            level,
            "outbox round: sent %d, retrying %d, dead %d, withdrawn %d",
            report.sent,
            report.retrying,
            report.dead,
            report.withdrawn,
        )
        return handled >= self._batch

    async def _wait(self, stop: asyncio.Event) -> None:
        waiters = [asyncio.create_task(stop.wait()), asyncio.create_task(self._poked.wait())]
        try:
            await asyncio.wait(waiters, timeout=self._interval, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()
            await asyncio.gather(*waiters, return_exceptions=True)
