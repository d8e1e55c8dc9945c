"""InMemoryOutbox: the Outbox over the same InMemoryStore the in-memory ledger queues booking texts into."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from slotline.application.ports.outbox import OutboxMessage, OutboxMessageNotDead, OutboxMessageNotFound, OutboxStatus
from slotline.domain.appointment import Appointment
from slotline.testing.fakes.store import InMemoryStore


def _due(message: OutboxMessage, now: datetime) -> bool:
    return message.status is OutboxStatus.PENDING and (
        message.next_attempt_at is None or message.next_attempt_at <= now
    )


class InMemoryOutbox:
    """Every Outbox method; marking an unknown or settled message does nothing, requeueing one is refused."""

    def __init__(self, store: InMemoryStore | None = None) -> None:
        self.store = store or InMemoryStore()

    async def due(self, now: datetime, limit: int) -> list[OutboxMessage]:
        """Pending messages whose next attempt is due, oldest first."""
        return [m for m in self.store.ordered_messages() if _due(m, now)][:limit]

    async def claim(self, message_id: str, now: datetime, until: datetime) -> bool:
        """Count an attempt and hide the message until `until`; False when it is not pending and due."""
        message = self.store.messages.get(message_id)
        if message is None or not _due(message, now):
            return False
        self.store.messages[message_id] = replace(message, attempts=message.attempts + 1, next_attempt_at=until)
        return True

    async def mark_sent(self, message_id: str, provider_id: str, now: datetime) -> None:
        message = self.store.messages.get(message_id)
        if message is not None and message.status is not OutboxStatus.SENT:
            self.store.messages[message_id] = replace(
                message, status=OutboxStatus.SENT, provider_id=provider_id, next_attempt_at=None
            )

    async def mark_failed(self, message_id: str, error: str, *, retry_at: datetime | None, now: datetime) -> None:
        """Record a failed attempt; `retry_at` None makes the message dead."""
        message = self.store.messages.get(message_id)
        if message is not None and message.status is OutboxStatus.PENDING:
            status = OutboxStatus.PENDING if retry_at is not None else OutboxStatus.DEAD
            self.store.messages[message_id] = replace(
                message, status=status, last_error=error, next_attempt_at=retry_at
            )

    async def give_up(self, message_id: str, error: str, *, max_attempts: int, now: datetime) -> bool:
        """Make the message dead only if it is pending with its attempts used up and no lease running."""
        message = self.store.messages.get(message_id)
        if message is None or not _due(message, now) or message.attempts < max_attempts:
            return False
        self.store.messages[message_id] = replace(
            message, status=OutboxStatus.DEAD, last_error=error, next_attempt_at=None
        )
        return True

    async def reminded_appointment(self, message_id: str) -> Appointment | None:
        """The live appointment a claimed reminder is for, or None (and the reminder withdrawn) if it changed."""
        message = self.store.messages.get(message_id)
        if message is None or message.reminder_for is None or message.status is not OutboxStatus.PENDING:
            return None
        stored = self.store.appointments.get(message.reminder_for)
        if stored is not None and stored.appointment.is_live:
            return stored.appointment
        del self.store.messages[message_id]
        return None

    async def requeue(self, message_ids: Sequence[str]) -> list[OutboxMessage]:
        """Dead messages back to pending, due at once, with fresh attempts; all or none."""
        wanted = list(dict.fromkeys(message_ids))
        messages = self.store.messages
        if unknown := [i for i in wanted if i not in messages]:
            raise OutboxMessageNotFound(unknown)
        if alive := {i: messages[i].status for i in wanted if messages[i].status is not OutboxStatus.DEAD}:
            raise OutboxMessageNotDead(alive)
        for i in wanted:
            messages[i] = replace(messages[i], status=OutboxStatus.PENDING, attempts=0, next_attempt_at=None)
        return [m for m in self.store.ordered_messages() if m.id in wanted]

    async def requeue_dead(self, *, since: datetime | None = None) -> list[OutboxMessage]:
        """Every dead message (queued at or after `since`) back to pending."""
        dead = [
            m.id
            for m in self.store.ordered_messages()
            if m.status is OutboxStatus.DEAD and (since is None or m.created_at >= since)
        ]
        return await self.requeue(dead)

    async def all(self, status: OutboxStatus | None = None) -> list[OutboxMessage]:
        """Every message (with `status`, when given), oldest first."""
        return [m for m in self.store.ordered_messages() if status is None or m.status is status]

    async def enqueue(self, messages: Sequence[OutboxMessage]) -> None:
        """Add messages outside a booking change; a dedupe key already queued is skipped."""
        self.store.check_messages(messages)
        self.store.add_messages(messages)
