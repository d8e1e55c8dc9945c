"""The rules a single slot must pass at the moment it is held or booked, each failing with its own fact."""

from __future__ import annotations

from datetime import datetime, timedelta

from slotline.domain.availability import find_slots
from slotline.domain.catalogue import Catalogue
from slotline.domain.errors import (
    DailyCapReached,
    OutsideBookingWindow,
    OutsideWorkingHours,
    SlotNoLongerAvailable,
    TooShortNotice,
)
from slotline.domain.slot import Slot
from slotline.domain.staff_load import StaffLoad


def ensure_notice(slot: Slot, now: datetime, catalogue: Catalogue) -> None:
    if slot.window.start - now < catalogue.policy.min_notice:
        raise TooShortNotice(slot, catalogue.policy.min_notice)


def ensure_within_horizon(slot: Slot, now: datetime, catalogue: Catalogue) -> None:
    last_day = now.astimezone(catalogue.zone).date() + timedelta(days=catalogue.policy.max_days_ahead)
    if slot.window.start.astimezone(catalogue.zone).date() > last_day:
        raise OutsideBookingWindow(slot, last_day)


def ensure_bookable(slot: Slot, catalogue: Catalogue, load: StaffLoad, now: datetime) -> None:
    """Raise the first rule `slot` breaks given current load; return quietly when it can be booked."""
    service = catalogue.service(slot.service_id)
    catalogue.eligible_staff(service, slot.staff_id)
    ensure_notice(slot, now, catalogue)
    ensure_within_horizon(slot, now, catalogue)
    day = slot.window.start.astimezone(catalogue.zone).date()
    if slot in find_slots(catalogue, service, day, day, load, now, slot.staff_id):
        return
    if slot in find_slots(catalogue, service, day, day, StaffLoad(), now, slot.staff_id):
        cap = catalogue.policy.daily_cap_per_staff
        if cap is not None and load.bookings_per_day.get((slot.staff_id, day), 0) >= cap:
            raise DailyCapReached(slot.staff_id, day, cap)
        raise SlotNoLongerAvailable(slot)
    raise OutsideWorkingHours(slot)
