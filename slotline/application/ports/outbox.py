from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from slotline.domain.appointment import Appointment
from slotline.domain.errors import SlotlineError
from slotline.domain.phone import PhoneNumber


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    DEAD = "dead"  # failed permanently or ran out of attempts


class OutboxMessageNotFound(SlotlineError):
    def __init__(self, message_ids: Sequence[str]) -> None:
        super().__init__(f"no outbox message {', '.join(map(repr, message_ids))}; nothing was requeued")
        self.message_ids = tuple(message_ids)


class OutboxMessageNotDead(SlotlineError):
    """Only a dead message can be requeued: a pending one is still being tried, a sent one went out."""

    def __init__(self, statuses: Mapping[str, OutboxStatus]) -> None:
        which = ", ".join(f"{message_id} is {status.value}" for message_id, status in statuses.items())
        super().__init__(f"outbox message {which}, not dead; nothing was requeued")
        self.statuses = dict(statuses)


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    id: str
    to: PhoneNumber
    body: str
    dedupe_key: str
    created_at: datetime
    status: OutboxStatus = OutboxStatus.PENDING
    attempts: int = 0
    last_error: str | None = None
    next_attempt_at: datetime | None = None
    provider_id: str | None = None
    due_at: datetime | None = None
    """When a scheduled text (a reminder) is meant to go out; it is not due before. None: at once."""
    reminder_for: str | None = None
    """The appointment a reminder is for: a move or cancel of it deletes the reminder unless sent."""

    @property
    def is_reminder(self) -> bool:
        return self.reminder_for is not None


class OutboxProducer(Protocol):
    """What a producer needs: put messages in the outbox for a dispatcher to send."""

    async def enqueue(self, messages: Sequence[OutboxMessage]) -> None:
        """Add messages that belong to no booking change (e.g. a call-back promise); a known dedupe key is skipped."""
        ...


class OutboxDispatchQueue(Protocol):
    """What a dispatcher needs: the due messages, and a lease-protected record of each send attempt."""

    async def due(self, now: datetime, limit: int) -> list[OutboxMessage]:
        """Pending messages whose next attempt is due, oldest first."""
        ...

    async def claim(self, message_id: str, now: datetime, until: datetime) -> bool:
        """Take a due, pending message for one send attempt: the attempt is counted now, and no other dispatcher
        (in any process) gets the message before `until`. False when it is no longer pending and due."""
        ...

    async def mark_sent(self, message_id: str, provider_id: str, now: datetime) -> None:
        """Record that the claimed attempt succeeded."""
        ...

    async def mark_failed(self, message_id: str, error: str, *, retry_at: datetime | None, now: datetime) -> None:
        """Record that the claimed attempt failed; `retry_at` None makes the message dead."""
        ...

    async def give_up(self, message_id: str, error: str, *, max_attempts: int, now: datetime) -> bool:
        """Make a message dead whose attempts are used up and whose last lease has run out (every attempt died with
        its dispatcher). False, and nothing changed, when that no longer holds: it was requeued or claimed since
        the caller read it."""
        ...

    async def reminded_appointment(self, message_id: str) -> Appointment | None:
        """For a claimed reminder, just before it is sent: the appointment it is for, still live and unchanged since
        the reminder was queued. None when it was moved or cancelled since (or the reminder is gone); a reminder
        still there is then deleted (withdrawn), in one transaction that a concurrent move or cancel waits for."""
        ...


class OutboxOperations(Protocol):
    """What an operator needs: see every message, and give dead ones another set of attempts."""

    async def all(self, status: OutboxStatus | None = None) -> list[OutboxMessage]:
        """Every message (with this status, when given), oldest first."""
        ...

    async def requeue(self, message_ids: Sequence[str]) -> list[OutboxMessage]:
        """Put dead messages back: pending, due at once, attempts reset, `last_error` kept until a new attempt fails.
        All or nothing: OutboxMessageNotFound or OutboxMessageNotDead, and nothing changed, if any id is unknown or
        not dead. The requeued messages, oldest first."""
        ...

    async def requeue_dead(self, *, since: datetime | None = None) -> list[OutboxMessage]:
        """`requeue` every dead message (queued at or after `since`, when given); the requeued ones, oldest first."""
        ...


class Outbox(OutboxProducer, OutboxDispatchQueue, OutboxOperations, Protocol):
    """Messages written with the booking change that caused them; a dispatcher sends them at least once.

    The store plays all three roles; each consumer depends on the one it uses."""
