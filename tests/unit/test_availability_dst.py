"""Daylight-saving changes in both directions in three zones: no slot at a time that does not exist,
no wall-clock time offered twice, durations in real elapsed time."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from slotline.domain.availability import find_slots
from slotline.domain.catalogue import Business, Catalogue, Service, StaffMember, WeeklyHours
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.local_time import LocalSpan, wall_to_instant
from slotline.domain.phone import PhoneNumber
from slotline.domain.policy import BookingPolicy
from slotline.domain.staff_load import StaffLoad

# (zone, day of the change, local wall times skipped or repeated, real hours in that day)
CHANGES = [
    ("America/New_York", date(2027, 3, 14), ["02:00", "02:30"], 23),
    ("America/New_York", date(2026, 11, 1), ["01:00", "01:30"], 25),
    ("Europe/London", date(2027, 3, 28), ["01:00", "01:30"], 23),
    ("Europe/London", date(2026, 10, 25), ["01:00", "01:30"], 25),
    ("Australia/Sydney", date(2026, 10, 4), ["02:00", "02:30"], 23),
    ("Australia/Sydney", date(2027, 4, 4), ["02:00", "02:30"], 25),
]


def all_day_catalogue(zone: ZoneInfo, minutes: int) -> Catalogue:
    always = WeeklyHours({d: (LocalSpan(time(0), time(0)),) for d in range(7)})
    return Catalogue(
        Business("Night Desk", zone, PhoneNumber("+442071234567")),
        BookingPolicy(slot_interval=timedelta(minutes=30), min_notice=timedelta(0)),
        (Service(ServiceId("s"), "Session", timedelta(minutes=minutes), (StaffId("n"),)),),
        (StaffMember(StaffId("n"), "Nina Night", always),),
    )


@pytest.mark.parametrize(("zone_name", "day", "walls", "real_hours"), CHANGES)
def test_dst_day(zone_name: str, day: date, walls: list[str], real_hours: int) -> None:
    zone = ZoneInfo(zone_name)
    catalogue = all_day_catalogue(zone, 60)
    now = datetime.combine(day - timedelta(days=3), time(0), tzinfo=zone)
    slots = list(find_slots(catalogue, catalogue.services[0], day, day, StaffLoad(), now))
    local = [s.window.start.astimezone(zone) for s in slots]
    wall_times = [t.strftime("%H:%M") for t in local]
    assert len(wall_times) == len(set(wall_times)), "a wall-clock time offered twice"
    assert all(s.window.duration == timedelta(hours=1) for s in slots)
    day_start = wall_to_instant(day, time(0), zone)
    day_end = wall_to_instant(day + timedelta(days=1), time(0), zone)
    assert (day_end - day_start) == timedelta(hours=real_hours)
    if real_hours == 23:
        # skipped wall times do not exist, so they are never offered
        assert not any(w in wall_times for w in walls)
        assert len(slots) == 2 * 23 - 1  # every half hour; the last start must leave an hour before midnight
    else:
        # repeated wall times are offered once, at their first occurrence
        for w in walls:
            first = [t for t in local if t.strftime("%H:%M") == w]
            assert len(first) == 1 and first[0].fold == 0
        assert len(slots) == 2 * 24 - 1
    # every slot round-trips to the same wall time: no slot at a non-existent local time
    for start in local:
        assert start.astimezone(UTC).astimezone(zone).strftime("%H:%M") == start.strftime("%H:%M")


@pytest.mark.parametrize(("zone_name", "day", "walls", "real_hours"), CHANGES)
def test_a_service_across_the_change_lasts_its_real_duration(
    zone_name: str, day: date, walls: list[str], real_hours: int
) -> None:
    zone = ZoneInfo(zone_name)
    catalogue = all_day_catalogue(zone, 90)
    now = datetime.combine(day - timedelta(days=1), time(0), tzinfo=zone)
    slots = list(find_slots(catalogue, catalogue.services[0], day, day, StaffLoad(), now))
    crossing = [
        s for s in slots if s.window.start.astimezone(zone).utcoffset() != s.window.end.astimezone(zone).utcoffset()
    ]
    assert crossing, "some slot should span the change"
    for slot in crossing:
        assert slot.window.end - slot.window.start == timedelta(minutes=90)
        wall_length = slot.window.end.astimezone(zone).replace(tzinfo=None) - slot.window.start.astimezone(
            zone
        ).replace(tzinfo=None)
        assert wall_length == timedelta(minutes=90 + (60 if real_hours == 23 else -60))


def test_opening_at_a_skipped_time_opens_when_the_clocks_jump() -> None:
    zone = ZoneInfo("America/New_York")
    assert wall_to_instant(date(2027, 3, 14), time(2, 30), zone) == datetime(2027, 3, 14, 3, 0, tzinfo=zone)
    # PEP 495: an ambiguous local time never equals an instant in another zone, so compare in UTC
    first = datetime(2026, 11, 1, 1, 30, tzinfo=zone, fold=0).astimezone(UTC)
    assert wall_to_instant(date(2026, 11, 1), time(1, 30), zone) == first
