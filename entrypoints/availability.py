"""Free slots for the CLI, straight from the domain until the FindAvailability use case takes over."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from domain.availability import SlotSet, find_slots
from domain.catalogue import Catalogue, Service
from domain.ids import StaffId
from domain.staff_load import StaffLoad

__all__ = ["bookable_slots"]


def bookable_slots(
    catalogue: Catalogue, service: Service, first: date, days: int, now: datetime, staff_id: str | None = None
) -> SlotSet:
    """Slots on `days` local days from `first`, limited by hours and policy only: no calendar busy time yet."""
    last = first + timedelta(days=days - 1)
    staff = StaffId(staff_id) if staff_id is not None else None
    return find_slots(catalogue, service, first, last, StaffLoad(), now, staff)
