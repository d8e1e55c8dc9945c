"""A bookable time with one staff member for one service."""

from __future__ import annotations

from dataclasses import dataclass

from slotline.domain.catalogue import Service
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.time_window import TimeWindow


@dataclass(frozen=True, slots=True, order=True)
class Slot:
    window: TimeWindow
    staff_id: StaffId
    service_id: ServiceId

    def occupied(self, service: Service) -> TimeWindow:
        """The time the staff member is taken, buffers included."""
        return self.window.widened(service.buffer_before, service.buffer_after)
