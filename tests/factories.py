"""Test data built in code: the sample business (mirrors the bundled sample catalogue) and pinned clocks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from slotline.domain.catalogue import Business, Catalogue, Closure, Service, SpecialHours, StaffMember, WeeklyHours
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.local_time import LocalSpan
from slotline.domain.phone import PhoneNumber
from slotline.domain.policy import BookingPolicy
from slotline.domain.reminders import ReminderPolicy

NEW_YORK = ZoneInfo("America/New_York")
# Wednesday 25 November 2026, 09:00 in New York: the pinned "now" of most tests.
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=NEW_YORK)


def span(text: str) -> LocalSpan:
    start, end = text.split("-")
    h0, m0 = map(int, start.split(":"))
    h1, m1 = map(int, end.split(":"))
    return LocalSpan(time(h0, m0), time(h1 % 24, m1))


def hours(days: dict[int, list[str]], breaks: list[str] | None = None) -> WeeklyHours:
    return WeeklyHours(
        {d: tuple(span(s) for s in spans) for d, spans in days.items()},
        tuple(span(b) for b in breaks or []),
    )


def minutes(n: int) -> timedelta:
    return timedelta(minutes=n)


def sample_catalogue(policy: BookingPolicy | None = None, zone: ZoneInfo = NEW_YORK) -> Catalogue:
    """The Maple Street Clinic, exactly as infrastructure/yaml_catalogue/sample_catalogue.yaml describes it."""
    sam, alex, jordan = StaffId("sam"), StaffId("alex"), StaffId("jordan")
    return Catalogue(
        business=Business("Maple Street Clinic", zone, PhoneNumber("+12125550100")),
        policy=policy or BookingPolicy(),
        services=(
            Service(
                ServiceId("haircut"), "Haircut", minutes(30), (sam, alex), ("hair cut", "trim"), minutes(0), minutes(10)
            ),
            Service(
                ServiceId("consultation"),
                "Consultation",
                minutes(45),
                (sam, jordan),
                ("consult", "check up", "first visit"),
                minutes(5),
                minutes(5),
            ),
            Service(
                ServiceId("massage"),
                "Massage",
                minutes(60),
                (jordan,),
                ("massage therapy", "back massage"),
                minutes(0),
                minutes(15),
            ),
            Service(
                ServiceId("colour"),
                "Hair colouring",
                minutes(90),
                (alex,),
                ("colour", "color", "hair color", "dye"),
                minutes(5),
                minutes(15),
            ),
        ),
        staff=(
            StaffMember(
                sam,
                "Sam Rivera",
                hours(
                    {
                        0: ["09:00-17:00"],
                        1: ["09:00-17:00"],
                        2: ["09:00-17:00"],
                        3: ["09:00-17:00"],
                        4: ["09:00-17:00"],
                        5: ["09:00-13:00"],
                    },
                    ["12:00-13:00"],
                ),
                "sam@maple.example",
            ),
            StaffMember(
                alex,
                "Alex Chen",
                hours(
                    {
                        1: ["10:00-18:00"],
                        2: ["10:00-18:00"],
                        3: ["10:00-18:00"],
                        4: ["10:00-18:00"],
                        5: ["10:00-18:00"],
                    },
                    ["13:00-13:30"],
                ),
                "alex@maple.example",
            ),
            StaffMember(
                jordan,
                "Jordan Patel",
                hours(
                    {0: ["08:00-16:00"], 2: ["08:00-16:00"], 3: ["12:00-20:00"], 4: ["08:00-16:00"]}, ["12:00-12:30"]
                ),
                "jordan@maple.example",
            ),
        ),
        closures=(Closure(date(2026, 12, 25), "Christmas Day"), Closure(date(2027, 1, 1), "New Year's Day")),
        special_hours=(SpecialHours(date(2026, 12, 24), (span("09:00-13:00"),), "Christmas Eve"),),
    )


def without_reminders(catalogue: Catalogue) -> Catalogue:
    """The business with no reminders, for tests about one text alone."""
    return replace(catalogue, reminders=ReminderPolicy(before=()))


def in_country(catalogue: Catalogue, phone: str) -> Catalogue:
    """`catalogue` with the business's own number `phone`: the country whose words the caller's are read by."""
    return replace(catalogue, business=replace(catalogue.business, phone=PhoneNumber(phone)))


def with_closures(catalogue: Catalogue, *days: tuple[date, str]) -> Catalogue:
    """`catalogue` closed on these days too, each with its reason ("Eid al-Fitr")."""
    return replace(catalogue, closures=(*catalogue.closures, *(Closure(d, reason) for d, reason in days)))
