from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from slotline.application.ports import SlotLedger
from slotline.application.use_cases.keys import derived_id
from slotline.domain.appointment import Appointment, AppointmentStatus
from slotline.domain.catalogue import Catalogue


async def adopt(ledger: SlotLedger, catalogue: Catalogue, appointment: Appointment, now: datetime) -> Appointment:
    """Record in the ledger an appointment that so far exists only in a staff calendar (booked by hand)."""
    service = catalogue.service(appointment.service_id)
    key = derived_id(appointment.external_event_id or appointment.id, "adopt")
    confirmed = replace(appointment, status=AppointmentStatus.CONFIRMED)
    return await ledger.book(confirmed, appointment.occupied(service), key=key, now=now, hold_id=None, outbox=[])
