"""The rows each page shows, built from domain objects: every phone number masked, every time in the business's zone.

Templates only lay these out; nothing here is HTML, and Jinja2 escapes every value it is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from slotline.application.errors import AppointmentNotFound
from slotline.application.ports import OutboxMessage, SlotLedger
from slotline.domain.appointment import Appointment
from slotline.domain.call_record import CallEntry, CallRecord, EntryKind
from slotline.domain.catalogue import Catalogue
from slotline.entrypoints.console.shown import duration, masked_number, masked_text, wall_clock
from slotline.entrypoints.console.timeline import Timeline, call_scale_ms, timeline

__all__ = [
    "BookingRow",
    "CallRow",
    "EntryRow",
    "TextRow",
    "booking_row",
    "call_row",
    "entry_rows",
    "outcome_label",
    "text_row",
]


@dataclass(frozen=True, slots=True)
class CallRow:
    call_id: str
    day: str
    time: str
    caller: str
    duration: str
    outcome: str
    outcome_key: str
    booking: str


@dataclass(frozen=True, slots=True)
class EntryRow:
    offset: str
    """Time since the call started (`+0:05`)."""
    kind: str
    text: str
    understood: str
    detail: str
    """A backend call's duration and error; a silence or barge-in's meaning."""
    failed: bool
    timeline: Timeline | None


@dataclass(frozen=True, slots=True)
class BookingRow:
    when: str
    service: str
    customer: str
    phone: str
    status: str
    appointment_id: str


@dataclass(frozen=True, slots=True)
class TextRow:
    message_id: str
    queued: str
    to: str
    body: str
    attempts: int
    last_error: str
    next_attempt: str


def outcome_label(record: CallRecord) -> str:
    if record.outcome is not None:
        return record.outcome.value
    return "cut off" if record.ended_at is not None else "no outcome (in progress or cut off)"


async def booking_text(ledger: SlotLedger, catalogue: Catalogue, appointment_id: str | None) -> str:
    """ "haircut with Sam, Thu 26 Nov 10:00" for the appointment a call touched; its id alone when it is gone."""
    if appointment_id is None:
        return ""
    try:
        appointment = await ledger.get(appointment_id)
    except AppointmentNotFound:
        return appointment_id
    return (
        f"{_service_name(catalogue, appointment)} with {_staff_name(catalogue, appointment)}, "
        + wall_clock(appointment.window.start, catalogue.zone)
        + ("" if appointment.is_live else " (cancelled)")
    )


async def call_row(record: CallRecord, ledger: SlotLedger, catalogue: Catalogue) -> CallRow:
    zone = catalogue.zone
    return CallRow(
        call_id=record.call_id,
        day=wall_clock(record.started_at, zone, "%A %d %B %Y"),
        time=wall_clock(record.started_at, zone, "%H:%M:%S"),
        caller=masked_number(record.caller),
        duration=duration(record.started_at, record.ended_at) or "-",
        outcome=outcome_label(record),
        outcome_key="none" if record.outcome is None else record.outcome.name.lower(),
        booking=await booking_text(ledger, catalogue, record.appointment_id),
    )


def entry_rows(record: CallRecord) -> list[EntryRow]:
    """The transcript, one row per entry, caller turns with their timeline on the call's one scale."""
    scale = call_scale_ms(e.timings for e in record.entries if e.kind is EntryKind.CALLER)
    return [_entry_row(e, record.started_at, scale, record.transcripts) for e in record.entries]


def _entry_row(entry: CallEntry, started: datetime, scale_ms: int, words_kept: bool) -> EntryRow:
    text = masked_text(entry.text)
    if not text and entry.kind in (EntryKind.CALLER, EntryKind.AGENT) and not words_kept:
        text = "(words not kept)"
    detail = ""
    if entry.kind is EntryKind.BACKEND:
        took = "" if entry.duration_ms is None else f"{entry.duration_ms} ms"
        detail = f"{took}, failed: {masked_text(entry.error)}" if entry.error else took
    elif entry.kind is EntryKind.SILENCE:
        detail = "the caller said nothing for the whole reply window"
    elif entry.kind is EntryKind.BARGE_IN:
        detail = "the caller talked over the agent"
    return EntryRow(
        offset="+" + duration(started, entry.at),
        kind=entry.kind.value,
        text=text,
        understood=masked_text(entry.understood),
        detail=detail,
        failed=entry.error is not None,
        timeline=None if entry.timings is None else timeline(entry.timings, scale_ms),
    )


def booking_row(appointment: Appointment, catalogue: Catalogue) -> BookingRow:
    return BookingRow(
        when=wall_clock(appointment.window.start, catalogue.zone)
        + "-"
        + wall_clock(appointment.window.end, catalogue.zone, "%H:%M"),
        service=_service_name(catalogue, appointment),
        customer=appointment.customer_name or "",
        phone=masked_number(appointment.customer_phone),
        status=appointment.status.value,
        appointment_id=appointment.id,
    )


def text_row(message: OutboxMessage, catalogue: Catalogue) -> TextRow:
    zone = catalogue.zone
    return TextRow(
        message_id=message.id,
        queued=wall_clock(message.created_at, zone),
        to=masked_number(message.to),
        body=masked_text(message.body),
        attempts=message.attempts,
        last_error=masked_text(message.last_error),
        next_attempt="" if message.next_attempt_at is None else wall_clock(message.next_attempt_at, zone),
    )


def _service_name(catalogue: Catalogue, appointment: Appointment) -> str:
    known = {s.id: s.name for s in catalogue.services}
    return known.get(appointment.service_id, appointment.service_id)


def _staff_name(catalogue: Catalogue, appointment: Appointment) -> str:
    known = {s.id: s.name for s in catalogue.staff}
    return known.get(appointment.staff_id, appointment.staff_id)
