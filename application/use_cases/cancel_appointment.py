from __future__ import annotations

from application.errors import AppointmentNotFound
from application.ports import CalendarGateway, Clock, OutboxMessage, SlotLedger
from application.texts import ConfirmationTexts
from application.use_cases.adopt import adopt
from application.use_cases.keys import derived_id
from domain.appointment import Appointment
from domain.catalogue import Catalogue


class CancelAppointment:
    """Cancel a booking: the staff calendar first (nothing changes if it is down), then the ledger with its SMS."""

    def __init__(
        self,
        catalogue: Catalogue,
        calendar: CalendarGateway,
        ledger: SlotLedger,
        texts: ConfirmationTexts,
        clock: Clock,
    ) -> None:
        self._catalogue = catalogue
        self._calendar = calendar
        self._ledger = ledger
        self._texts = texts
        self._clock = clock

    async def __call__(self, appointment: Appointment, *, key: str) -> Appointment:
        now = self._clock.now()
        try:
            await self._ledger.get(appointment.id)
        except AppointmentNotFound:
            await adopt(self._ledger, self._catalogue, appointment, now)
        member = self._catalogue.staff_member(appointment.staff_id)
        if appointment.external_event_id:
            await self._calendar.cancel(member, appointment.external_event_id)
        message = OutboxMessage(
            id=derived_id(key, "sms"),
            to=appointment.customer_phone,
            body=self._texts.cancelled(appointment),
            dedupe_key=f"{key}/cancelled",
            created_at=now,
        )
        return await self._ledger.cancel(appointment.id, key=key, outbox=[message])
