"""The catalogue x Graph check: every staff member names the Microsoft 365 calendar their bookings go into.

Cheap to import (no msgraph), so the CLI makes the check at start-up, before any call or command runs.
"""

from __future__ import annotations

from slotline.domain.catalogue import Catalogue
from slotline.infrastructure.msgraph.settings import GraphConfigInvalid

__all__ = ["StaffWithoutCalendar", "ensure_staff_calendars"]


class StaffWithoutCalendar(GraphConfigInvalid):
    """The Graph calendar backend is chosen but these staff members have no `calendar:` in the catalogue."""

    def __init__(self, staff: list[str]) -> None:
        who = f"staff member {staff[0]} has" if len(staff) == 1 else f"staff members {', '.join(staff)} have"
        them = staff[0] if len(staff) == 1 else "each of them"
        super().__init__(
            f'calendar.backend "graph": {who} no calendar in the catalogue '
            f"(give {them} a Microsoft 365 mailbox as calendar:)"
        )
        self.staff = staff


def ensure_staff_calendars(catalogue: Catalogue) -> None:
    """Raise StaffWithoutCalendar naming every staff member without a calendar."""
    missing = [str(m.id) for m in catalogue.staff if not m.calendar]
    if missing:
        raise StaffWithoutCalendar(missing)
