from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from domain.phone import PhoneNumber


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    DEAD = "dead"  # failed permanently or ran out of attempts


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


class Outbox(Protocol):
    """Messages written with the booking change that caused them; a dispatcher sends them at least once."""

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

    async def all(self) -> list[OutboxMessage]: ...

    async def enqueue(self, messages: Sequence[OutboxMessage]) -> None:
        """Add messages that belong to no booking change (e.g. a call-back promise); a known dedupe key is skipped."""
        ...
