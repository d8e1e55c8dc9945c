from __future__ import annotations

from slotline.application.errors import AppointmentNotFound
from slotline.application.ports import CalendarGateway, Clock, SlotLedger
from slotline.application.texts import ConfirmationTexts
from slotline.application.use_cases.adopt import adopt
from slotline.application.use_cases.keys import text_for
from slotline.domain.appointment import Appointment
from slotline.domain.catalogue import Catalogue


class CancelAppointment:
    """Cancel a booking: the staff calendar first (nothing changes if it is down), then the ledger with its SMS; the
    ledger withdraws its unsent reminders in the same transaction."""

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
        message = text_for(key, "cancelled", appointment.customer_phone, self._texts.cancelled(appointment), now)
        return await self._ledger.cancel(appointment.id, key=key, outbox=[message])
