"""Sends what the outbox holds, at least once, with backoff, a cap on attempts and a dead-letter status.

A reminder is checked against its appointment after it is claimed and before it is sent: withdrawn if the
appointment was moved or cancelled since, dead ("too late") if the appointment has begun."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Literal

from slotline.application.errors import SmsSendFailed
from slotline.application.ports import Clock, OutboxDispatchQueue, OutboxMessage, SmsSender
from slotline.domain.reminders import reminder_too_late

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    max_attempts: int = 8
    first_delay: timedelta = timedelta(seconds=30)
    factor: float = 2.0
    max_delay: timedelta = timedelta(hours=1)
    lease: timedelta = timedelta(minutes=2)
    """How long a claimed message is hidden from other dispatchers: longer than any one send can take."""

    def delay(self, attempts: int) -> timedelta:
        """Wait after the `attempts`-th failed attempt (1-based)."""
        return min(self.first_delay * (self.factor ** (attempts - 1)), self.max_delay)


@dataclass(frozen=True, slots=True)
class DispatchReport:
    sent: int = 0
    retrying: int = 0
    dead: int = 0
    withdrawn: int = 0
    """Reminders not sent because their appointment was moved or cancelled after they were claimed."""
    sent_ids: frozenset[str] = field(default=frozenset(), compare=False)
    """Which messages the provider accepted in this round (the counts alone are what reports compare by)."""


class OutboxDispatcher:
    def __init__(
        self, outbox: OutboxDispatchQueue, sms: SmsSender, clock: Clock, retry: RetryPolicy | None = None
    ) -> None:
        self._outbox = outbox
        self._sms = sms
        self._clock = clock
        self._retry = retry or RetryPolicy()
        self._one_at_a_time = asyncio.Lock()  # two rounds at once in one process would send a message twice

    async def dispatch_due(self, limit: int = 100) -> DispatchReport:
        async with self._one_at_a_time:
            return await self._round(limit)

    async def _round(self, limit: int) -> DispatchReport:
        sent = retrying = dead = withdrawn = 0
        sent_ids: set[str] = set()
        for message in await self._outbox.due(self._clock.now(), limit):
            now = self._clock.now()
            if message.attempts >= self._retry.max_attempts:  # earlier attempts never came back (a crash each time)
                # give_up re-checks the row: `message` may be stale, requeued by an operator and claimed since
                reason = "no answer after every attempt"
                if await self._outbox.give_up(message.id, reason, max_attempts=self._retry.max_attempts, now=now):
                    log.warning("SMS %s to %s is dead: %s", message.id, message.to.masked(), reason)
                    dead += 1
                continue
            if not await self._outbox.claim(message.id, now, now + self._retry.lease):
                continue  # another dispatcher has it
            if message.is_reminder:
                verdict = await self._reminder_verdict(message)
                if verdict == "withdrawn":
                    withdrawn += 1
                    continue
                if verdict == "dead":
                    dead += 1
                    continue
            try:
                provider_id = await self._sms.send(message.to, message.body, dedupe_key=message.dedupe_key)
            except SmsSendFailed as exc:
                attempts = message.attempts + 1
                now = self._clock.now()
                if exc.permanent or attempts >= self._retry.max_attempts:
                    await self._outbox.mark_failed(message.id, exc.reason, retry_at=None, now=now)
                    log.warning("SMS %s to %s is dead: %s", message.id, message.to.masked(), exc.reason)
                    dead += 1
                else:
                    retry_at = now + self._retry.delay(attempts)
                    await self._outbox.mark_failed(message.id, exc.reason, retry_at=retry_at, now=now)
                    retrying += 1
                continue
            await self._outbox.mark_sent(message.id, provider_id, self._clock.now())
            sent += 1
            sent_ids.add(message.id)
        return DispatchReport(sent, retrying, dead, withdrawn, frozenset(sent_ids))

    async def _reminder_verdict(self, message: OutboxMessage) -> Literal["send", "withdrawn", "dead"]:
        """Check a claimed reminder against its appointment as it is now, just before sending it."""
        appointment = await self._outbox.reminded_appointment(message.id)
        if appointment is None:
            log.info("reminder %s to %s withdrawn: its appointment changed", message.id, message.to.masked())
            return "withdrawn"
        now = self._clock.now()
        if reminder_too_late(appointment.window.start, now):
            reason = "too late: the appointment has begun"
            await self._outbox.mark_failed(message.id, reason, retry_at=None, now=now)
            log.warning("reminder %s to %s is dead: %s", message.id, message.to.masked(), reason)
            return "dead"
        return "send"
