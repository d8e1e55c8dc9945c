from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from slotline.application.errors import BackendUnavailable
from slotline.application.ports import CalendarGateway, Clock, CustomerDirectory, SlotLedger
from slotline.application.waits import CallerWaits
from slotline.domain.appointment import Appointment, Customer
from slotline.domain.phone import PhoneNumber

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CallerProfile:
    customer: Customer | None
    upcoming: tuple[Appointment, ...]


class LookupCaller:
    """Who is calling, and their upcoming appointments (slotline's own and those staff put in calendars by hand).

    The caller waits for this before the greeting, so the calendar gets `waits.lookup_seconds`; a calendar that
    is down or slow leaves slotline's own bookings only.
    """

    def __init__(
        self,
        customers: CustomerDirectory,
        ledger: SlotLedger,
        calendar: CalendarGateway,
        clock: Clock,
        waits: CallerWaits | None = None,
    ) -> None:
        self._customers = customers
        self._ledger = ledger
        self._calendar = calendar
        self._clock = clock
        self._waits = waits or CallerWaits()

    async def __call__(self, phone: PhoneNumber | None) -> CallerProfile:
        if phone is None:
            return CallerProfile(None, ())
        now = self._clock.now()
        customer = await self._customers.find(phone)
        mine = [a for a in await self._ledger.for_customer(phone) if a.is_upcoming(now)]
        budget = self._waits.lookup_seconds
        try:
            async with asyncio.timeout(budget):
                external = await self._calendar.upcoming(phone, now)
        except TimeoutError:
            log.warning("calendar lookup for %s took over %g s, using own bookings only", phone.masked(), budget)
            external = []
        except BackendUnavailable as exc:
            log.warning("calendar lookup failed for %s, using slotline's own bookings only: %s", phone.masked(), exc)
            external = []
        known = {a.external_event_id for a in mine if a.external_event_id} | {a.id for a in mine}
        merged = mine + [a for a in external if a.external_event_id not in known and a.id not in known]
        merged.sort(key=lambda a: a.window.start)
        return CallerProfile(customer, tuple(merged))
