"""Availability as the caller sees it: calendar busy time + slotline's bookings and holds, through the engine."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from datetime import date, time, timedelta

from slotline.application.errors import CalendarUnavailable
from slotline.application.ports import CalendarGateway, Clock, SlotLedger
from slotline.application.waits import CallerWaits
from slotline.domain.appointment import Appointment
from slotline.domain.availability import SlotSet, bookable_days, find_slots
from slotline.domain.booking_rules import ensure_bookable
from slotline.domain.catalogue import Catalogue, Service, StaffMember
from slotline.domain.ids import StaffId
from slotline.domain.local_time import wall_to_instant
from slotline.domain.preference import Preference
from slotline.domain.selection import Offer, choose_offers
from slotline.domain.slot import Slot
from slotline.domain.staff_load import StaffLoad
from slotline.domain.time_window import TimeWindow

SEARCH_AROUND_DAY = timedelta(days=7)  # full preferred days (or a range of them) look this far either side
SEARCH_AHEAD = timedelta(days=14)  # without a preferred day


class FindAvailability:
    """Free slots and re-checks; a caller waits on each, so the calendar read gets `waits.read_seconds`."""

    def __init__(
        self,
        catalogue: Catalogue,
        calendar: CalendarGateway,
        ledger: SlotLedger,
        clock: Clock,
        waits: CallerWaits | None = None,
    ) -> None:
        self._catalogue = catalogue
        self._calendar = calendar
        self._ledger = ledger
        self._clock = clock
        self._waits = waits or CallerWaits()

    async def load(
        self,
        service: Service,
        first: date,
        last: date,
        *,
        staff_id: StaffId | None = None,
        moving: Appointment | None = None,
        ignore_hold: str | None = None,
    ) -> StaffLoad:
        """Everything that takes the eligible staff's time on those days. A moving appointment does not count."""
        c = self._catalogue
        now = self._clock.now()
        members = c.eligible_staff(service, staff_id)
        window = TimeWindow(
            wall_to_instant(first - timedelta(days=1), time(0), c.zone),
            wall_to_instant(last + timedelta(days=2), time(0), c.zone),
        )
        ids = [m.id for m in members]
        busy = dict(await self._busy(members, window))
        appointments = await self._ledger.appointments(ids, window)
        holds = await self._ledger.live_holds(ids, window, now)
        if moving is not None:
            appointments = [a for a in appointments if a.id != moving.id]
            own = busy.get(moving.staff_id, [])
            busy[moving.staff_id] = [w for w in own if w != moving.window]
        holds = [h for h in holds if h.id != ignore_hold]
        return StaffLoad.combine(c, now, busy, appointments, holds)

    async def _busy(self, members: Sequence[StaffMember], window: TimeWindow) -> Mapping[StaffId, list[TimeWindow]]:
        budget = self._waits.read_seconds
        try:
            async with asyncio.timeout(budget):
                return await self._calendar.busy(members, window)
        except TimeoutError as exc:
            raise CalendarUnavailable(f"no busy times within {budget:g} s") from exc

    async def recheck(self, slot: Slot, *, moving: Appointment | None = None, ignore_hold: str | None = None) -> None:
        """Raise the booking rule `slot` breaks against the calendars, bookings and holds as they are now.

        Called before a hold and again at commit; `moving` and `ignore_hold` are the caller's own.
        """
        c = self._catalogue
        day = slot.window.start.astimezone(c.zone).date()
        service = c.service(slot.service_id)
        load = await self.load(service, day, day, staff_id=slot.staff_id, moving=moving, ignore_hold=ignore_hold)
        ensure_bookable(slot, c, load, self._clock.now())

    async def slots(
        self,
        service: Service,
        first: date,
        last: date,
        *,
        staff_id: StaffId | None = None,
        moving: Appointment | None = None,
    ) -> SlotSet:
        now = self._clock.now()
        lo, hi = bookable_days(self._catalogue, now, first, last)
        if lo > hi:
            return find_slots(self._catalogue, service, first, last, StaffLoad(), now, staff_id)
        load = await self.load(service, lo, hi, staff_id=staff_id, moving=moving)
        return find_slots(self._catalogue, service, lo, hi, load, now, staff_id)

    async def offers(self, service: Service, preference: Preference, moving: Appointment | None = None) -> Offer:
        """Up to offers_per_turn slots for the caller's wishes (nearest days when the wished days are full)."""
        now = self._clock.now()
        today = now.astimezone(self._catalogue.zone).date()
        if preference.day is not None:
            last_wanted = preference.last_day or preference.day
            first, last = preference.day - SEARCH_AROUND_DAY, last_wanted + SEARCH_AROUND_DAY
        else:
            first, last = today, today + SEARCH_AHEAD
        slots = await self.slots(service, max(first, today), max(last, today), moving=moving)
        return choose_offers(slots, preference, self._catalogue.zone, self._catalogue.policy.offers_per_turn)
