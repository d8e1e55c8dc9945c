"""A sender's memory of the texts it already sent, so a repeated dedupe key is answered without sending again."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

__all__ = ["SentTexts"]


class SentTexts:
    """The provider's id for each of the last `keep` dedupe keys sent, and one lock per key being sent.

    The memory is per process and bounded: after a restart, or from two processes at once, a text may go out
    twice (the outbox is at-least-once); this only stops one process sending the same text twice.
    """

    def __init__(self, keep: int = 1024) -> None:
        self._keep = keep
        self._sent: OrderedDict[str, str] = OrderedDict()  # newest last
        self._sending: dict[str, tuple[asyncio.Lock, int]] = {}  # dedupe key -> its lock and how many hold or await it

    def earlier(self, dedupe_key: str) -> str | None:
        """The provider's id for `dedupe_key` if this process already sent it."""
        return self._sent.get(dedupe_key)

    def remember(self, dedupe_key: str, provider_id: str) -> None:
        """Record a sent text, forgetting the oldest beyond `keep`."""
        self._sent[dedupe_key] = provider_id
        self._sent.move_to_end(dedupe_key)
        while len(self._sent) > self._keep:
            self._sent.popitem(last=False)

    @asynccontextmanager
    async def exclusive(self, dedupe_key: str) -> AsyncIterator[None]:
        """Hold the key's lock: a second send of the same key waits for the first to finish."""
        lock, users = self._sending.get(dedupe_key, (asyncio.Lock(), 0))
        self._sending[dedupe_key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._sending[dedupe_key]
            if users == 1:
                del self._sending[dedupe_key]
            else:
                self._sending[dedupe_key] = (lock, users - 1)
