"""What already takes each staff member's time: the availability engine's view of calendars, bookings and holds."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from slotline.domain.appointment import Appointment, Hold
from slotline.domain.catalogue import Catalogue
from slotline.domain.ids import StaffId
from slotline.domain.time_window import TimeWindow


@dataclass(frozen=True, slots=True)
class StaffLoad:
    busy: Mapping[StaffId, Sequence[TimeWindow]] = field(default_factory=dict)
    """Busy time per staff member; slotline's own bookings and holds appear here with their buffers."""
    bookings_per_day: Mapping[tuple[StaffId, date], int] = field(default_factory=dict)
    """Live bookings and holds per staff member and local day, for the daily cap."""

    @classmethod
    def combine(
        cls,
        catalogue: Catalogue,
        now: datetime,
        calendar_busy: Mapping[StaffId, Sequence[TimeWindow]] | None = None,
        appointments: Iterable[Appointment] = (),
        holds: Iterable[Hold] = (),
    ) -> StaffLoad:
        """Merge calendar busy time with slotline's own appointments (plus buffers) and unexpired holds."""
        busy: dict[StaffId, list[TimeWindow]] = {k: list(v) for k, v in (calendar_busy or {}).items()}
        per_day: Counter[tuple[StaffId, date]] = Counter()
        zone = catalogue.zone
        for appointment in appointments:
            if not appointment.is_live:
                continue
            service = catalogue.service(appointment.service_id)
            busy.setdefault(appointment.staff_id, []).append(appointment.occupied(service))
            per_day[(appointment.staff_id, appointment.window.start.astimezone(zone).date())] += 1
        for hold in holds:
            if not hold.is_live(now):
                continue
            busy.setdefault(hold.slot.staff_id, []).append(hold.occupied)
            per_day[(hold.slot.staff_id, hold.slot.window.start.astimezone(zone).date())] += 1
        return cls(busy=busy, bookings_per_day=dict(per_day))
