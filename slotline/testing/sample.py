"""The sample business the contracts book into (Maple Street Clinic, New York), and the instant they call now."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from slotline.domain.catalogue import Business, Catalogue, Closure, Service, StaffMember, WeeklyHours
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.local_time import LocalSpan
from slotline.domain.phone import PhoneNumber
from slotline.domain.policy import BookingPolicy

__all__ = ["CUSTOMER", "NEW_YORK", "NOW", "OTHER_CUSTOMER", "sample_catalogue", "tomorrow_at"]

NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=NEW_YORK)
"""Wednesday 25 November 2026, 09:00 in New York."""
CUSTOMER = PhoneNumber("+12125550123")
OTHER_CUSTOMER = PhoneNumber("+12125550188")


def tomorrow_at(hour: int, minute: int = 0) -> datetime:
    """A wall-clock time in New York on the day after NOW (Thursday 26 November 2026)."""
    return datetime(2026, 11, 26, hour, minute, tzinfo=NEW_YORK)


def _weekdays(first: time, last: time, days: range) -> WeeklyHours:
    return WeeklyHours({d: (LocalSpan(first, last),) for d in days})


def _min(n: int) -> timedelta:
    return timedelta(minutes=n)


def sample_catalogue(policy: BookingPolicy | None = None) -> Catalogue:
    """Three staff members with Microsoft 365-style calendars and four services, two of them with buffers."""
    sam, alex, jordan = StaffId("sam"), StaffId("alex"), StaffId("jordan")
    return Catalogue(
        business=Business("Maple Street Clinic", NEW_YORK, PhoneNumber("+12125550100")),
        policy=policy or BookingPolicy(),
        services=(
            Service(ServiceId("haircut"), "Haircut", _min(30), (sam, alex), ("trim",), _min(0), _min(10)),
            Service(ServiceId("consultation"), "Consultation", _min(45), (sam, jordan), (), _min(5), _min(5)),
            Service(ServiceId("massage"), "Massage", _min(60), (jordan,), (), _min(0), _min(15)),
            Service(ServiceId("colour"), "Hair colouring", _min(90), (alex,), ("color",), _min(5), _min(15)),
        ),
        staff=(
            StaffMember(sam, "Sam Rivera", _weekdays(time(9), time(17), range(6)), "sam@maple.example"),
            StaffMember(alex, "Alex Chen", _weekdays(time(10), time(18), range(1, 6)), "alex@maple.example"),
            StaffMember(jordan, "Jordan Patel", _weekdays(time(8), time(16), range(5)), "jordan@maple.example"),
        ),
        closures=(Closure(date(2026, 12, 25), "Christmas Day"),),
    )
