"""The console's pages, each a GET: calls, one call, upcoming bookings, texts. Nothing here writes."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from slotline.application.ports import OutboxStatus
from slotline.application.ports.call_records import CallRecordNotFound
from slotline.domain.call_record import CallQuery, CallResult
from slotline.domain.time_window import TimeWindow
from slotline.entrypoints.console.page import render, sources_of
from slotline.entrypoints.console.shown import duration, masked_number, masked_text, wall_clock
from slotline.entrypoints.console.views import (
    booking_row,
    booking_text,
    call_row,
    entry_rows,
    outcome_label,
    text_row,
)

__all__ = ["RECENT_DAYS", "SENT_SHOWN", "UPCOMING_DAYS", "bookings", "call", "calls", "texts"]

RECENT_DAYS = 7
"""The calls page without a day shows today and the days before it, this many in all."""
UPCOMING_DAYS = 14
"""The bookings page shows this many days ahead."""
SENT_SHOWN = 50
"""The texts page shows the newest sent texts, this many."""
_CALLS_SHOWN = 500


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=zone)


def _day_filter(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise HTTPException(400, f"day {text!r} is not a date in YYYY-MM-DD form") from None


def _outcome_filter(text: str | None) -> CallResult | None:
    if not text:
        return None
    try:
        return CallResult(text)
    except ValueError:
        choices = ", ".join(o.value for o in CallResult)
        raise HTTPException(400, f"outcome {text!r} is none of: {choices}") from None


async def calls(request: Request) -> Response:
    """Today's and recent calls, or one day's, newest first; `?day=YYYY-MM-DD` and `?outcome=...` narrow them."""
    sources = sources_of(request)
    zone = sources.catalogue.zone
    today = sources.clock.now().astimezone(zone).date()
    day = _day_filter(request.query_params.get("day"))
    outcome = _outcome_filter(request.query_params.get("outcome"))
    if day is None:
        query = CallQuery(since=_midnight(today - timedelta(days=RECENT_DAYS - 1), zone), outcome=outcome)
    else:
        query = CallQuery(since=_midnight(day, zone), before=_midnight(day + timedelta(days=1), zone), outcome=outcome)
    records = await sources.calls.list(CallQuery(query.since, query.before, query.outcome, limit=_CALLS_SHOWN))
    by_day: dict[str, list[object]] = defaultdict(list)
    for record in records:
        row = await call_row(record, sources.ledger, sources.catalogue)
        by_day[row.day].append(row)
    days = [today - timedelta(days=n) for n in range(RECENT_DAYS)]
    names = {0: "Today", 1: "Yesterday"}
    return render(
        request,
        "calls.html",
        {
            "page": "calls",
            "groups": list(by_day.items()),
            "shown": len(records),
            "day": None if day is None else day.isoformat(),
            "day_label": None if day is None else day.strftime("%A %d %B %Y"),
            "outcome": None if outcome is None else outcome.value,
            "days": [(names.get(n, d.strftime("%a %d %b")), d.isoformat()) for n, d in enumerate(days)],
            "outcomes": [o.value for o in CallResult],
        },
    )


async def call(request: Request) -> Response:
    """One call: who, when, how it ended, its state path and its transcript with each turn's timeline."""
    sources = sources_of(request)
    call_id = request.path_params["call_id"]
    try:
        record = await sources.calls.get(call_id)
    except CallRecordNotFound:
        raise HTTPException(404, f"no call {call_id!r} on the record (never recorded, or purged)") from None
    zone = sources.catalogue.zone
    return render(
        request,
        "call.html",
        {
            "page": "calls",
            "call_id": record.call_id,
            "caller": masked_number(record.caller),
            "business_number": masked_number(record.business),
            "started": wall_clock(record.started_at, zone, "%A %d %B %Y %H:%M:%S"),
            "answered": "" if record.answered_at is None else wall_clock(record.answered_at, zone, "%H:%M:%S"),
            "ended": "" if record.ended_at is None else wall_clock(record.ended_at, zone, "%H:%M:%S"),
            "duration": duration(record.started_at, record.ended_at),
            "outcome": outcome_label(record),
            "outcome_key": "none" if record.outcome is None else record.outcome.name.lower(),
            "transfer_reason": masked_text(record.transfer_reason),
            "booking": await booking_text(sources.ledger, sources.catalogue, record.appointment_id),
            "state_path": [(state, wall_clock(at, zone, "%H:%M:%S")) for state, at in record.state_path],
            "transcripts": record.transcripts,
            "entries": entry_rows(record),
        },
    )


async def bookings(request: Request) -> Response:
    """What each staff member has coming up, soonest first."""
    sources = sources_of(request)
    catalogue = sources.catalogue
    now = sources.clock.now()
    staff = [member.id for member in catalogue.staff]
    found = await sources.ledger.appointments(staff, TimeWindow(now, now + timedelta(days=UPCOMING_DAYS)))
    upcoming = sorted((a for a in found if a.is_live and a.window.end > now), key=lambda a: a.window.start)
    per_staff = [
        (member.name, member.title, [booking_row(a, catalogue) for a in upcoming if a.staff_id == member.id])
        for member in catalogue.staff
    ]
    return render(request, "bookings.html", {"page": "bookings", "per_staff": per_staff, "days": UPCOMING_DAYS})


async def texts(request: Request) -> Response:
    """Texts waiting to go, dead (with why), and the newest sent."""
    sources = sources_of(request)
    messages = await sources.outbox.all()

    def rows(status: OutboxStatus, newest_first: bool) -> list[object]:
        chosen = [m for m in messages if m.status is status]
        chosen.sort(key=lambda m: m.created_at, reverse=newest_first)
        return [text_row(m, sources.catalogue) for m in chosen]

    sent = rows(OutboxStatus.SENT, newest_first=True)
    return render(
        request,
        "texts.html",
        {
            "page": "texts",
            "waiting": rows(OutboxStatus.PENDING, newest_first=False),
            "dead": rows(OutboxStatus.DEAD, newest_first=True),
            "sent": sent[:SENT_SHOWN],
            "sent_total": len(sent),
        },
    )
