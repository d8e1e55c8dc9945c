"""A deliberately straightforward availability oracle: try every aligned wall-clock candidate and check it
against every busy interval. Tests compare the engine with it; the benchmark uses it as the baseline."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from slotline.domain.catalogue import Catalogue, Service
from slotline.domain.ids import StaffId
from slotline.domain.local_time import wall_to_instant
from slotline.domain.slot import Slot
from slotline.domain.staff_load import StaffLoad
from slotline.domain.time_window import TimeWindow


def naive_slots(
    catalogue: Catalogue,
    service: Service,
    first: date,
    last: date,
    load: StaffLoad,
    now: datetime,
    staff_id: StaffId | None = None,
) -> list[Slot]:
    zone = catalogue.zone
    policy = catalogue.policy
    today = now.astimezone(zone).date()
    out: list[Slot] = []
    for member in catalogue.eligible_staff(service, staff_id):
        busy = list(load.busy.get(member.id, ()))
        day = max(first, today)
        while day <= min(last, today + timedelta(days=policy.max_days_ahead)):
            capped = policy.daily_cap_per_staff is not None and (
                load.bookings_per_day.get((member.id, day), 0) >= policy.daily_cap_per_staff
            )
            spans = [] if capped else catalogue.working_spans(member, day)
            windows = []
            for span in spans:
                end_day = day + timedelta(days=1) if span.ends_at_midnight else day
                windows.append(
                    TimeWindow(wall_to_instant(day, span.start, zone), wall_to_instant(end_day, span.end, zone))
                )
            minute = 0
            while minute < 24 * 60:
                wall = datetime.combine(day, time(minute // 60, minute % 60))
                minute += int(policy.slot_interval.total_seconds() // 60)
                local = wall.replace(tzinfo=zone)  # fold=0: the first occurrence of a repeated time
                if local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != wall:
                    continue  # skipped by a spring-forward
                slot = Slot(TimeWindow.starting(local, service.duration), member.id, service.id)
                occupied = slot.occupied(service)
                must_fit = occupied if policy.buffers_within_hours else slot.window
                if not any(w.contains(must_fit) for w in windows):
                    continue
                if slot.window.start < now + policy.min_notice:
                    continue
                if any(occupied.overlaps(b) for b in busy):
                    continue
                out.append(slot)
            day += timedelta(days=1)
    return sorted(out, key=lambda s: (s.window.start, service.staff.index(s.staff_id)))
