"""Call records as `slotline calls` shows them: one line per call, a transcript with timings, and JSON.

Phone numbers are masked unless asked for in full (`unmask`), everywhere they are shown.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from slotline.domain.call_record import CallEntry, CallRecord, EntryKind, TurnTimings
from slotline.domain.phone import PhoneNumber

__all__ = ["entry_line", "record_json", "summary_line", "transcript_lines"]

Json = dict[str, object]


def _number(phone: PhoneNumber | None, unmask: bool) -> str:
    if phone is None:
        return "withheld"
    return phone.e164 if unmask else phone.masked()


def _business(number: str | None, unmask: bool) -> str | None:
    try:
        return None if number is None else _number(PhoneNumber(number), unmask)
    except ValueError:  # not E.164 as the platform gave it: shown as given only when asked
        return number if unmask else "(given)"


def duration(record: CallRecord) -> str:
    """ "2m 05s", or what a record without an end means."""
    if record.ended_at is None:
        return "no end" if record.outcome is None else "-"
    seconds = max(0, round((record.ended_at - record.started_at).total_seconds()))
    return f"{seconds // 60}m {seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


def _outcome(record: CallRecord) -> str:
    return "in progress or cut off" if record.outcome is None else record.outcome.value


def summary_line(record: CallRecord, zone: tzinfo, *, unmask: bool = False) -> str:
    """Time, caller, duration, outcome, booking, id: one call in `slotline calls list`."""
    local = record.started_at.astimezone(zone)
    booking = record.appointment_id or "-"
    return (
        f"{local:%a %Y-%m-%d %H:%M:%S}  {_number(record.caller, unmask):<16} {duration(record):>8}  "
        f"{_outcome(record):<22} {booking:<34} {record.call_id}"
    )


def _ms(value: int | None) -> str:
    return "?" if value is None else f"{value} ms"


def _timings(timings: TurnTimings) -> str:
    return (
        f"[end of speech -> recognised {_ms(timings.recognised_ms)} -> decided {_ms(timings.decided_ms)}"
        f" -> first audio {_ms(timings.first_audio_ms)}]"
    )


def _offset(entry: CallEntry, started: datetime) -> str:
    return f"{(entry.at - started).total_seconds():+8.2f}s"


def entry_line(entry: CallEntry, started: datetime) -> str:
    """One transcript line: seconds into the call, who or what, and the details."""
    words = "(words not kept)" if entry.text is None else repr(entry.text)
    match entry.kind:
        case EntryKind.CALLER:
            meaning = f"  => {entry.understood}" if entry.understood else ""
            timing = f"  {_timings(entry.timings)}" if entry.timings else ""
            detail = f"caller: {words}{meaning}{timing}"
        case EntryKind.AGENT:
            detail = f"agent:  {words if entry.text is None else entry.text}"
        case EntryKind.BACKEND:
            failed = f" FAILED: {entry.error}" if entry.error else ""
            detail = f"  . {entry.text} ({_ms(entry.duration_ms)}){failed}"
        case EntryKind.STATE:
            detail = f"  * call {entry.text}"
        case EntryKind.SILENCE:
            detail = "  . (caller silent)"
        case EntryKind.BARGE_IN:
            detail = "  . (caller talked over the agent)"
    return f"{_offset(entry, started)}  {detail}"


def transcript_lines(record: CallRecord, zone: tzinfo, *, unmask: bool = False) -> list[str]:
    """`slotline calls show`: the header, then every entry in order."""
    local = record.started_at.astimezone(zone)
    lines = [
        f"call {record.call_id}",
        f"  caller   {_number(record.caller, unmask)}"
        + (f"  (dialled {b})" if (b := _business(record.business, unmask)) else ""),
        f"  started  {local:%a %Y-%m-%d %H:%M:%S %Z}"
        + (f"  answered +{(record.answered_at - record.started_at).total_seconds():.2f}s" if record.answered_at else "")
        + f"  duration {duration(record)}",
        f"  outcome  {_outcome(record)}"
        + (f" ({record.transfer_reason})" if record.transfer_reason else "")
        + (f"  appointment {record.appointment_id}" if record.appointment_id else ""),
    ]
    if path := record.state_path:
        lines.append("  states   " + " -> ".join(state for state, _ in path))
    if not record.transcripts:
        lines.append("  (transcripts off: timings and outcomes only)")
    lines.append("")
    lines.extend(entry_line(e, record.started_at) for e in record.entries)
    return lines


def _instant(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _entry_json(entry: CallEntry) -> Json:
    return {
        "seq": entry.seq,
        "at": entry.at.isoformat(),
        "kind": entry.kind.value,
        "text": entry.text,
        "understood": entry.understood,
        "timings_ms": None
        if entry.timings is None
        else {
            "recognised": entry.timings.recognised_ms,
            "decided": entry.timings.decided_ms,
            "first_audio": entry.timings.first_audio_ms,
        },
        "duration_ms": entry.duration_ms,
        "error": entry.error,
    }


def record_json(record: CallRecord, *, unmask: bool = False, entries: bool = True) -> Json:
    """The record as JSON; `entries` False for listings."""
    shown: Json = {
        "id": record.call_id,
        "caller": _number(record.caller, unmask) if record.caller else None,
        "business": _business(record.business, unmask),
        "started_at": record.started_at.isoformat(),
        "answered_at": _instant(record.answered_at),
        "ended_at": _instant(record.ended_at),
        "outcome": None if record.outcome is None else record.outcome.value,
        "transfer_reason": record.transfer_reason,
        "appointment_id": record.appointment_id,
        "transcripts": record.transcripts,
    }
    if entries:
        shown["states"] = [state for state, _ in record.state_path]
        shown["entries"] = [_entry_json(e) for e in record.entries]
    return shown
