"""The business as slotline sees it: services, staff and when they work."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from slotline.domain.errors import InvalidCatalogue, InvalidValue, StaffNotEligible, UnknownService, UnknownStaffMember
from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.local_time import LocalSpan
from slotline.domain.phone import PhoneNumber
from slotline.domain.policy import BookingPolicy
from slotline.domain.reminders import DEFAULT_REMINDERS, ReminderPolicy


def _no_blanks(texts: tuple[str, ...], what: str) -> None:
    if any(not text.strip() for text in texts):
        raise InvalidValue(f"{what}: a blank entry")


@dataclass(frozen=True, slots=True)
class InsuranceSchemes:
    """Insurers and public schemes the business takes, and those it names as not taken."""

    accepted: tuple[str, ...] = ()
    declined: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _no_blanks(self.accepted + self.declined, "insurance")
        both = sorted({a.casefold() for a in self.accepted} & {d.casefold() for d in self.declined})
        if both:
            raise InvalidValue(f"insurance: {', '.join(both)} is both accepted and declined")


@dataclass(frozen=True, slots=True)
class UrgentCare:
    """Phrases that mean a caller needs urgent care, and what to say before handing them over at once."""

    words: tuple[str, ...]
    say: str

    def __post_init__(self) -> None:
        if not self.words:
            raise InvalidValue("urgent care needs at least one word")
        _no_blanks(self.words, "urgent words")
        if not self.say.strip():
            raise InvalidValue("urgent care needs a sentence to say")


@dataclass(frozen=True, slots=True)
class FaqEntry:
    """A question the business answers: the words that identify it and the answer, as written."""

    ask: tuple[str, ...]
    answer: str

    def __post_init__(self) -> None:
        if not self.ask:
            raise InvalidValue("a question needs at least one word or phrase to recognise it")
        _no_blanks(self.ask, "question words")
        if not self.answer.strip():
            raise InvalidValue("a question needs an answer")


@dataclass(frozen=True, slots=True)
class BusinessFacts:
    """What a receptionist knows about the business, as the catalogue writes it; every answer comes from here.

    Opening days and hours are not facts: they follow from staff hours, breaks, closures and special hours."""

    address: str | None = None
    directions: str | None = None
    parking: str | None = None
    payment: tuple[str, ...] = ()
    insurance: InsuranceSchemes = InsuranceSchemes()
    urgent: UrgentCare | None = None
    faq: tuple[FaqEntry, ...] = ()

    def __post_init__(self) -> None:
        _no_blanks(self.payment, "payment")
        for name, text in (("address", self.address), ("directions", self.directions), ("parking", self.parking)):
            if text is not None and not text.strip():
                raise InvalidValue(f"{name} cannot be blank")


@dataclass(frozen=True, slots=True)
class Business:
    name: str
    timezone: ZoneInfo
    phone: PhoneNumber
    facts: BusinessFacts = BusinessFacts()

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InvalidValue("the business needs a name")


@dataclass(frozen=True, slots=True)
class Service:
    id: ServiceId
    name: str
    duration: timedelta
    staff: tuple[StaffId, ...]
    aliases: tuple[str, ...] = ()
    buffer_before: timedelta = timedelta(0)
    buffer_after: timedelta = timedelta(0)
    price: str | None = None  # spoken as written: "$95", "from £40", "$150 to $250"
    description: str | None = None

    def __post_init__(self) -> None:
        if self.duration <= timedelta(0):
            raise InvalidValue(f"service {self.id}: duration must be positive")
        if self.buffer_before < timedelta(0) or self.buffer_after < timedelta(0):
            raise InvalidValue(f"service {self.id}: buffers cannot be negative")
        if not self.staff:
            raise InvalidValue(f"service {self.id}: no staff member performs it")

    @property
    def spoken_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _no_overlaps(spans: tuple[LocalSpan, ...], what: str) -> None:
    ordered = sorted(spans, key=lambda s: s.start)
    for left, right in pairwise(ordered):
        if left.ends_at_midnight or right.start < left.end:
            raise InvalidValue(f"{what}: {left} overlaps {right}")


@dataclass(frozen=True, slots=True)
class WeeklyHours:
    """Working spans per weekday (0 = Monday) minus breaks that apply to every working day."""

    days: Mapping[int, tuple[LocalSpan, ...]]
    breaks: tuple[LocalSpan, ...] = ()
    _net: tuple[tuple[LocalSpan, ...], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for weekday, spans in self.days.items():
            if weekday not in range(7):
                raise InvalidValue(f"weekday {weekday} is not 0..6")
            _no_overlaps(spans, f"hours on weekday {weekday}")
        net = tuple(subtract_spans(self.days.get(d, ()), self.breaks) for d in range(7))
        object.__setattr__(self, "_net", net)

    def on(self, weekday: int) -> tuple[LocalSpan, ...]:
        """Working spans on a weekday, breaks already taken out."""
        return self._net[weekday]


def _minutes(at: time, is_end: bool) -> int:
    if is_end and at == time(0):
        return 24 * 60
    return at.hour * 60 + at.minute


def _span(start: int, end: int) -> LocalSpan:
    end_time = time(0) if end == 24 * 60 else time(end // 60, end % 60)
    return LocalSpan(time(start // 60, start % 60), end_time)


def subtract_spans(spans: tuple[LocalSpan, ...], cut: tuple[LocalSpan, ...]) -> tuple[LocalSpan, ...]:
    """The parts of `spans` not covered by `cut` (breaks, closures)."""
    pieces = [(_minutes(s.start, False), _minutes(s.end, True)) for s in spans]
    for c in cut:
        c0, c1 = _minutes(c.start, False), _minutes(c.end, True)
        pieces = [p for a, b in pieces for p in ((a, min(b, c0)), (max(a, c1), b)) if p[0] < p[1]]
    return tuple(_span(a, b) for a, b in sorted(pieces))


def intersect_spans(spans: tuple[LocalSpan, ...], limit: tuple[LocalSpan, ...]) -> tuple[LocalSpan, ...]:
    """The parts of `spans` that fall inside `limit` (special opening hours)."""
    out: list[tuple[int, int]] = []
    for s in spans:
        a, b = _minutes(s.start, False), _minutes(s.end, True)
        for lim in limit:
            lo, hi = max(a, _minutes(lim.start, False)), min(b, _minutes(lim.end, True))
            if lo < hi:
                out.append((lo, hi))
    return tuple(_span(a, b) for a, b in sorted(out))


# Titles a staff name may begin with; the receptionist then says the title with the surname.
_HONORIFICS = frozenset(("dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sister", "nurse"))


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: StaffId
    name: str
    hours: WeeklyHours
    calendar: str | None = None
    # A date listed here replaces the weekly hours on that date; an empty tuple is a day off.
    date_overrides: Mapping[date, tuple[LocalSpan, ...]] = field(default_factory=dict)
    title: str | None = None  # the role callers name: "the hygienist"

    @property
    def first_name(self) -> str:
        return self.name.split()[0]

    @property
    def spoken_name(self) -> str:
        """How a receptionist names them: "Dr. Whitfield" for "Dr. Marcus Whitfield", "Sam" for "Sam Lee"."""
        words = self.name.split()
        if len(words) > 1 and words[0].rstrip(".").casefold() in _HONORIFICS:
            return f"{words[0]} {words[-1]}"
        return words[0]

    def spans_on(self, day: date) -> tuple[LocalSpan, ...]:
        if day in self.date_overrides:
            return self.date_overrides[day]
        return self.hours.on(day.weekday())


@dataclass(frozen=True, slots=True)
class Closure:
    day: date
    reason: str


@dataclass(frozen=True, slots=True)
class SpecialHours:
    """On this date the business is open only within these spans (staff hours are clipped to them)."""

    day: date
    spans: tuple[LocalSpan, ...]
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Catalogue:
    business: Business
    policy: BookingPolicy
    services: tuple[Service, ...]
    staff: tuple[StaffMember, ...]
    closures: tuple[Closure, ...] = ()
    special_hours: tuple[SpecialHours, ...] = ()
    reminders: ReminderPolicy = DEFAULT_REMINDERS
    _closed: frozenset[date] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_closed", frozenset(c.day for c in self.closures))
        staff_ids: list[str] = [s.id for s in self.staff]
        service_ids: list[str] = [s.id for s in self.services]
        for ids, what in ((staff_ids, "staff"), (service_ids, "service")):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise InvalidCatalogue(f"duplicate {what} id: {', '.join(dupes)}")
        for service in self.services:
            unknown = [s for s in service.staff if s not in staff_ids]
            if unknown:
                raise InvalidCatalogue(f"service {service.id} names unknown staff: {', '.join(unknown)}")
        if not self.services:
            raise InvalidCatalogue("the catalogue has no services")

    @property
    def zone(self) -> ZoneInfo:
        return self.business.timezone

    def service(self, service_id: str) -> Service:
        for service in self.services:
            if service.id == service_id:
                return service
        raise UnknownService(service_id)

    def staff_member(self, staff_id: str) -> StaffMember:
        for member in self.staff:
            if member.id == staff_id:
                return member
        raise UnknownStaffMember(staff_id)

    def eligible_staff(self, service: Service, only: StaffId | None = None) -> tuple[StaffMember, ...]:
        if only is not None:
            member = self.staff_member(only)
            if member.id not in service.staff:
                raise StaffNotEligible(member.id, service.id)
            return (member,)
        return tuple(m for m in self.staff if m.id in service.staff)

    def working_spans(self, member: StaffMember, day: date) -> tuple[LocalSpan, ...]:
        """When `member` can take appointments on `day`, after closures and special hours."""
        if day in self._closed:
            return ()
        spans = member.spans_on(day)
        for special in self.special_hours:
            if special.day == day:
                spans = intersect_spans(spans, special.spans)
        return spans
