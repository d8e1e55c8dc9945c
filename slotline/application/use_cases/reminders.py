"""The reminder texts a booking change queues, in the same transaction as the change, for the catalogue's times."""

from __future__ import annotations

from datetime import datetime

from slotline.application.ports.outbox import OutboxMessage
from slotline.application.texts import ConfirmationTexts
from slotline.application.use_cases.keys import derived_id
from slotline.domain.appointment import Appointment
from slotline.domain.catalogue import Catalogue
from slotline.domain.reminders import reminder_times

__all__ = ["reminders_for"]


def reminders_for(
    appointment: Appointment, catalogue: Catalogue, texts: ConfirmationTexts, *, key: str, now: datetime
) -> list[OutboxMessage]:
    """One scheduled text per reminder time of the appointment as booked or moved by the change with `key` at `now`:
    not due before its time; a retried change queues none again (same ids and dedupe keys)."""
    body = texts.reminder(appointment)
    messages = []
    for due in reminder_times(appointment.window.start, now, catalogue.reminders, catalogue.zone):
        at = int(due.timestamp())
        messages.append(
            OutboxMessage(
                id=derived_id(f"{key}/{at}", "reminder"),
                to=appointment.customer_phone,
                body=body,
                dedupe_key=f"{key}/reminder/{at}",
                created_at=now,
                next_attempt_at=due,
                due_at=due,
                reminder_for=appointment.id,
            )
        )
    return messages
