"""The 20 ms clock of one call: runs a step on an absolute schedule and records how late each tick ran."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from slotline.infrastructure.telcoflow.loopback.audio import FRAME_SECONDS
from slotline.infrastructure.telcoflow.loopback.stats import LoopbackStats

_MAX_BEHIND_SECONDS = 1.0  # further behind than this (a stalled loop), restart the schedule instead of bursting


async def run_ticker(
    step: Callable[[], Awaitable[bool]], stats: LoopbackStats, *, period: float = FRAME_SECONDS
) -> None:
    """Call `step` every `period` seconds until it returns False.

    Ticks are due at start + n x period, so a late tick does not push the later ones back: after a short stall the
    missed ticks run back to back (the line carries the same audio in the same time). Lateness is measured against the
    due time, after the wake-up and before the step runs.
    """
    loop = asyncio.get_running_loop()
    due = loop.time()
    while True:
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        stats.record_tick(loop.time() - due)
        if not await step():
            return
        due += period
        if loop.time() - due > _MAX_BEHIND_SECONDS:
            stats.resyncs += 1
            due = loop.time()
