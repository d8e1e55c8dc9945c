"""Idempotency keys and ids derived from them, so a retried step finds the record its first try made."""

from __future__ import annotations

import uuid
from datetime import datetime

from slotline.application.ports.outbox import OutboxMessage
from slotline.domain.ids import AppointmentId
from slotline.domain.phone import PhoneNumber
from slotline.domain.slot import Slot

_NAMESPACE = uuid.UUID("6f1c3b0e-6d2a-4f7e-9a51-2f3c8e9d4b10")


def slot_key(call_id: str, slot: Slot) -> str:
    """One key per call and slot: a repeated yes or a retry can never book twice."""
    return f"{call_id}/{slot.staff_id}/{int(slot.window.start.timestamp())}"


def derived_id(key: str, purpose: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{purpose}:{key}"))


def text_id(key: str) -> str:
    """The id of the outbox message the booking change with this key queued."""
    return derived_id(key, "sms")


def text_for(key: str, kind: str, to: PhoneNumber, body: str, now: datetime) -> OutboxMessage:
    """The outbox message a booking change with this key queues: a retried change queues nothing new."""
    return OutboxMessage(id=text_id(key), to=to, body=body, dedupe_key=f"{key}/{kind}", created_at=now)


def appointment_id(key: str) -> AppointmentId:
    return AppointmentId(derived_id(key, "appointment"))
