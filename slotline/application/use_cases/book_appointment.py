from __future__ import annotations

from dataclasses import replace

from slotline.application.errors import HoldExpired, StorageUnavailable
from slotline.application.ports import CalendarGateway, Clock, SlotLedger
from slotline.application.texts import ConfirmationTexts
from slotline.application.use_cases.find_availability import FindAvailability
from slotline.application.use_cases.keys import appointment_id, text_for
from slotline.application.use_cases.reminders import reminders_for
from slotline.domain.appointment import Appointment, AppointmentStatus, Customer, Hold
from slotline.domain.catalogue import Catalogue
from slotline.domain.errors import SlotNoLongerAvailable


class BookAppointment:
    """Turn a held slot into a confirmed booking: re-check, write the staff calendar, then the ledger with its SMS.

    The calendar write carries the idempotency key (a retry never creates a second event); the ledger write,
    its confirmation text and its reminders (scheduled for the catalogue's times) are one transaction. If the ledger
    refuses, or cannot be written, the calendar event is removed again: a staff calendar never keeps an event the
    ledger does not know.
    """

    def __init__(
        self,
        catalogue: Catalogue,
        calendar: CalendarGateway,
        ledger: SlotLedger,
        availability: FindAvailability,
        texts: ConfirmationTexts,
        clock: Clock,
    ) -> None:
        self._catalogue = catalogue
        self._calendar = calendar
        self._ledger = ledger
        self._availability = availability
        self._texts = texts
        self._clock = clock

    async def __call__(self, hold: Hold, customer: Customer, *, key: str) -> Appointment:
        c = self._catalogue
        slot = hold.slot
        service = c.service(slot.service_id)
        member = c.staff_member(slot.staff_id)
        now = self._clock.now()
        if not hold.is_live(now):
            raise HoldExpired(hold.id)
        await self._availability.recheck(slot, ignore_hold=hold.id)
        appointment = Appointment(
            appointment_id(key),
            slot.service_id,
            slot.staff_id,
            slot.window,
            customer.phone,
            AppointmentStatus.CONFIRMED,
            customer.name,
        )
        event_id = await self._calendar.create(appointment, member, idempotency_key=key)
        message = text_for(key, "booked", customer.phone, self._texts.booked(appointment), now)
        try:
            return await self._ledger.book(
                replace(appointment, external_event_id=event_id),
                slot.occupied(service),
                key=key,
                now=now,
                hold_id=hold.id,
                outbox=[message, *reminders_for(appointment, c, self._texts, key=key, now=now)],
            )
        except (SlotNoLongerAvailable, HoldExpired, StorageUnavailable):
            await self._calendar.cancel(member, event_id)
            raise
