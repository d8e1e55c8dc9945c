from __future__ import annotations

from slotline.application.errors import AppointmentNotFound, HoldExpired, StorageUnavailable
from slotline.application.ports import CalendarGateway, Clock, SlotLedger
from slotline.application.texts import ConfirmationTexts
from slotline.application.use_cases.adopt import adopt
from slotline.application.use_cases.find_availability import FindAvailability
from slotline.application.use_cases.keys import text_for
from slotline.application.use_cases.reminders import reminders_for
from slotline.domain.appointment import Appointment, Hold
from slotline.domain.catalogue import Catalogue
from slotline.domain.errors import SlotNoLongerAvailable


class RescheduleAppointment:
    """Move one booking in place to a held slot: no moment in which the old or the new time is free for others.

    Its reminders move with it: the old time's unsent ones are deleted and the new time's queued in one transaction."""

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

    async def __call__(self, appointment: Appointment, hold: Hold, *, key: str) -> Appointment:
        c = self._catalogue
        slot = hold.slot
        service = c.service(slot.service_id)
        now = self._clock.now()
        if not hold.is_live(now):
            raise HoldExpired(hold.id)
        try:
            await self._ledger.get(appointment.id)
        except AppointmentNotFound:
            await adopt(self._ledger, c, appointment, now)
        await self._availability.recheck(slot, moving=appointment, ignore_hold=hold.id)
        moved = appointment.moved_to(slot)
        old_member = c.staff_member(appointment.staff_id)
        new_member = c.staff_member(slot.staff_id)
        if appointment.external_event_id:
            event_id = await self._calendar.move(moved, new_member, appointment.external_event_id)
        else:
            event_id = await self._calendar.create(moved, new_member, idempotency_key=key)
        message = text_for(key, "rescheduled", appointment.customer_phone, self._texts.rescheduled(moved), now)
        outbox = [message, *reminders_for(moved, c, self._texts, key=key, now=now)]
        try:  # the ledger deletes the old time's unsent reminders in the same transaction
            stored = await self._ledger.move(
                appointment.id, slot, slot.occupied(service), key=key, now=now, hold_id=hold.id, outbox=outbox
            )
        except (SlotNoLongerAvailable, HoldExpired, StorageUnavailable):
            await self._calendar.move(appointment, old_member, event_id)
            raise
        if event_id != stored.external_event_id:
            await self._ledger.set_external_id(stored.id, event_id)
            stored = await self._ledger.get(stored.id)
        return stored
