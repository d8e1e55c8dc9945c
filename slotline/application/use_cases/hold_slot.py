from __future__ import annotations

from slotline.application.ports import Clock, SlotLedger
from slotline.application.use_cases.find_availability import FindAvailability
from slotline.domain.appointment import Appointment, Hold
from slotline.domain.catalogue import Catalogue
from slotline.domain.slot import Slot


class HoldSlot:
    """Reserve a slot while the booking is read back, after checking it is still bookable."""

    def __init__(self, catalogue: Catalogue, ledger: SlotLedger, availability: FindAvailability, clock: Clock) -> None:
        self._catalogue = catalogue
        self._ledger = ledger
        self._availability = availability
        self._clock = clock

    async def __call__(self, slot: Slot, *, key: str, moving: Appointment | None = None) -> Hold:
        """Raises a BookingError (e.g. SlotNoLongerAvailable) when the slot cannot be had."""
        c = self._catalogue
        service = c.service(slot.service_id)
        await self._availability.recheck(slot, moving=moving)
        now = self._clock.now()
        return await self._ledger.hold(
            slot,
            slot.occupied(service),
            key=key,
            now=now,
            expires_at=now + c.policy.hold_ttl,
            replacing=moving.id if moving else None,
        )

    async def release(self, hold: Hold) -> None:
        await self._ledger.release(hold.id)
