"""Appointments to Graph events and back, and Graph's dateTimeTimeZone values to aware datetimes."""

from __future__ import annotations

import hashlib
import logging
import uuid
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slotline.application.errors import CalendarUnavailable
from slotline.domain.appointment import Appointment, AppointmentStatus
from slotline.domain.catalogue import Catalogue, Service, StaffMember
from slotline.domain.errors import InvalidTimeWindow, UnknownService
from slotline.domain.ids import AppointmentId, ServiceId, StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.msgraph.booking_tag import BOOKING_PROPERTY, PHONE_PROPERTY, BookingTag
from slotline.infrastructure.msgraph.event_ids import EventRef
from slotline.infrastructure.msgraph.sdk import (
    BodyType,
    DateTimeTimeZone,
    Event,
    FreeBusyStatus,
    ItemBody,
    SingleValueLegacyExtendedProperty,
)

__all__ = [
    "appointment_from",
    "counts_as_busy",
    "event_for",
    "from_graph_time",
    "to_graph_time",
    "transaction_id",
    "window_of",
]

log = logging.getLogger(__name__)

_TRANSACTION_NAMESPACE = uuid.UUID("3f7d2a91-5c64-4b0e-a8d3-1e9b6f04c275")
_UTC_NAMES = frozenset({"utc", "etc/utc", "z", "tzone://microsoft/utc", "coordinated universal time"})


def transaction_id(key: str) -> str:
    """Graph's transactionId for an idempotency key: a UUID derived from it (fixed length, reveals nothing)."""
    return str(uuid.uuid5(_TRANSACTION_NAMESPACE, key))


def _ambiguous(local: datetime) -> bool:
    """True in the hour a DST change repeats, where the wall time alone names two instants."""
    return local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset()


def to_graph_time(moment: datetime, zone: ZoneInfo) -> DateTimeTimeZone:
    """Wall-clock time in the business zone, so staff see their own times; UTC where wall time is ambiguous."""
    local = moment.astimezone(zone)
    if _ambiguous(local):
        return DateTimeTimeZone(date_time=moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S"), time_zone="UTC")
    return DateTimeTimeZone(date_time=local.strftime("%Y-%m-%dT%H:%M:%S"), time_zone=zone.key)


def from_graph_time(value: DateTimeTimeZone | None) -> datetime:
    """An aware UTC datetime; Graph answers in UTC unless asked otherwise, IANA names are read too."""
    if value is None or not value.date_time:
        raise CalendarUnavailable("Graph returned an event without a start or end")
    name = (value.time_zone or "UTC").strip()
    try:
        zone = UTC if name.casefold() in _UTC_NAMES else ZoneInfo(name)
        local = datetime.fromisoformat(value.date_time)
    except (ValueError, ZoneInfoNotFoundError) as exc:
        raise CalendarUnavailable(f"Graph returned a time slotline cannot read ({name})") from exc
    return (local if local.tzinfo else local.replace(tzinfo=zone)).astimezone(UTC)


def window_of(start: DateTimeTimeZone | None, end: DateTimeTimeZone | None) -> TimeWindow:
    try:
        return TimeWindow(from_graph_time(start), from_graph_time(end))
    except InvalidTimeWindow as exc:
        raise CalendarUnavailable("Graph returned an event that ends before it starts") from exc


def counts_as_busy(status: FreeBusyStatus | None) -> bool:
    """Only "free" leaves a staff member bookable. busy and oof obviously block; tentative blocks because
    staff may still accept it and a double booking costs more than a missed slot; workingElsewhere blocks
    because the appointment needs the staff member here; unknown (or a status Graph adds later) blocks
    because slotline cannot tell.
    """
    return status is not FreeBusyStatus.Free


def _service(catalogue: Catalogue, service_id: str) -> Service | None:
    try:
        return catalogue.service(service_id)
    except UnknownService:
        return None


def event_for(appointment: Appointment, catalogue: Catalogue, *, transaction: str | None = None) -> Event:
    """The event holding `appointment`: subject, text body, times in the business zone, the booking properties."""
    service = _service(catalogue, appointment.service_id)
    service_name = service.name if service else appointment.service_id
    who = appointment.customer_name or "a customer"
    properties = [
        SingleValueLegacyExtendedProperty(id=PHONE_PROPERTY, value=appointment.customer_phone.e164),
        SingleValueLegacyExtendedProperty(id=BOOKING_PROPERTY, value=BookingTag.of(appointment).encode()),
    ]
    body = (
        f"{service_name} for {who}.\nPhone: {appointment.customer_phone.e164}\n"
        f"Booked by slotline (appointment {appointment.id})."
    )
    return Event(
        subject=f"{service_name} with {who}",
        body=ItemBody(content_type=BodyType.Text, content=body),
        start=to_graph_time(appointment.window.start, catalogue.zone),
        end=to_graph_time(appointment.window.end, catalogue.zone),
        show_as=FreeBusyStatus.Busy,
        transaction_id=transaction,
        single_value_extended_properties=properties,
    )


def _inferred_service(subject: str, staff: StaffMember, catalogue: Catalogue) -> ServiceId | None:
    """A hand-made booking without BOOKING_PROPERTY: the service its subject starts with, or the staff
    member's only service."""
    theirs = [s for s in catalogue.services if staff.id in s.staff]
    folded = subject.casefold().strip()
    named = [(len(n), s.id) for s in theirs for n in s.spoken_names if folded.startswith(n.casefold())]
    if named:
        return max(named)[1]
    return theirs[0].id if len(theirs) == 1 else None


def _owner(tag: BookingTag, calendar: str, catalogue: Catalogue) -> StaffMember | None:
    """The staff member the event belongs to: the tagged one if that calendar is theirs, else the calendar's."""
    holders = [m for m in catalogue.staff if (m.calendar or "").casefold() == calendar.casefold()]
    tagged = [m for m in holders if m.id == tag.staff_id]
    return next(iter(tagged or holders), None)


def appointment_from(event: Event, calendar: str, phone: PhoneNumber, catalogue: Catalogue) -> Appointment | None:
    """The appointment an event in `calendar` holds for `phone`, or None when the service cannot be told."""
    if not event.id:
        return None
    ref = EventRef(calendar, event.id)
    props = {(p.id or "").casefold(): p.value for p in event.single_value_extended_properties or []}
    tag = BookingTag.decode(props.get(BOOKING_PROPERTY.casefold()))
    staff = _owner(tag, calendar, catalogue)
    if staff is None:
        return None
    service_id = tag.service_id if tag.service_id and _service(catalogue, tag.service_id) else None
    service_id = service_id or _inferred_service(event.subject or "", staff, catalogue)
    if service_id is None:
        log.warning("graph event %s for %s: cannot tell the service, skipped", ref, phone.masked())
        return None
    appointment_id = tag.appointment_id or "graph-" + hashlib.sha256(str(ref).encode()).hexdigest()[:20]
    return Appointment(
        id=AppointmentId(appointment_id),
        service_id=ServiceId(service_id),
        staff_id=StaffId(staff.id),
        window=window_of(event.start, event.end),
        customer_phone=phone,
        status=AppointmentStatus.CONFIRMED,
        customer_name=tag.customer_name,
        external_event_id=str(ref),
    )
