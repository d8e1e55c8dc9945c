"""The endpoints GraphCalendarGateway calls, answered from the in-memory calendars."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote, urlencode

from tests.integration.fake_graph.odata import expanded_properties, property_filter
from tests.integration.fake_graph.store import (
    GraphFailure,
    Json,
    Mailboxes,
    StoredEvent,
    graph_time,
    new_event_id,
    parse_graph_time,
    parse_query_time,
)

MAX_SCHEDULE_SPAN = timedelta(days=42)
DEFAULT_PAGE = 10  # Graph's default page size for calendarView and event lists
MAX_PAGE = 1000
_VIEW_DIGIT = {"free": "0", "tentative": "1", "busy": "2", "oof": "3", "workingElsewhere": "4"}


@dataclass(frozen=True)
class Request:
    method: str
    segments: list[str]
    query: dict[str, str]
    body: Any
    base_url: str


@dataclass(frozen=True)
class Answer:
    status: int
    body: Json | None = None
    headers: dict[str, str] = field(default_factory=dict)


def answer(mailboxes: Mailboxes, request: Request) -> Answer:
    """Route one request; GraphFailure becomes Graph's error envelope."""
    try:
        return _route(mailboxes, request)
    except GraphFailure as failure:
        return Answer(failure.status, {"error": {"code": failure.code, "message": failure.message}})


def _route(mailboxes: Mailboxes, r: Request) -> Answer:
    match r.method, r.segments:
        case "POST", ["users", mailbox, "calendar", "getSchedule"]:
            return _get_schedule(mailboxes, mailbox, r)
        case "GET", ["users", mailbox, "calendarView"]:
            return _calendar_view(mailboxes, mailbox, r)
        case "GET", ["users", mailbox, "events"]:
            return _list_events(mailboxes, mailbox, r)
        case "POST", ["users", mailbox, "events"]:
            return _create(mailboxes, mailbox, r.body)
        case "GET", ["users", mailbox, "events", event_id]:
            return Answer(200, mailboxes.event(mailbox, event_id).as_json(select=_select(r)))
        case "PATCH", ["users", mailbox, "events", event_id]:
            return _update(mailboxes, mailbox, event_id, r.body)
        case "DELETE", ["users", mailbox, "events", event_id]:
            mailboxes.remove(mailbox, event_id)
            return Answer(204)
    raise GraphFailure(400, "BadRequest", f"the fake does not serve {r.method} /{'/'.join(r.segments)}")


def _field(body: Any, name: str) -> Any:
    """Graph reads request bodies case-insensitively; so does the fake."""
    if not isinstance(body, dict):
        raise GraphFailure(400, "BadRequest", "a JSON object body is required")
    for key, value in body.items():
        if key.lower() == name.lower():
            return value
    return None


def _get_schedule(mailboxes: Mailboxes, mailbox: str, r: Request) -> Answer:
    mailboxes.calendar(mailbox)  # the caller's mailbox must exist
    start, end = parse_graph_time(_field(r.body, "StartTime")), parse_graph_time(_field(r.body, "EndTime"))
    if end - start >= MAX_SCHEDULE_SPAN:
        raise GraphFailure(400, "ErrorInvalidParameter", "the time window must be shorter than 42 days")
    interval = int(_field(r.body, "AvailabilityViewInterval") or 30)
    schedules = _field(r.body, "Schedules")
    if not isinstance(schedules, list) or not schedules:
        raise GraphFailure(400, "ErrorInvalidParameter", "Schedules is required")
    return Answer(200, {"value": [_schedule(mailboxes, str(s), start, end, interval) for s in schedules]})


def _schedule(mailboxes: Mailboxes, who: str, start: datetime, end: datetime, interval: int) -> Json:
    if not mailboxes.known(who):
        return {
            "scheduleId": who,
            "availabilityView": "",
            "scheduleItems": [],
            "error": {"message": f"mailbox {who} not found", "responseCode": "ErrorMailRecipientNotFound"},
        }
    events = [e for e in mailboxes.sorted_events(who) if e.overlaps(start, end) and not e.is_cancelled]
    view = []
    step = timedelta(minutes=interval)
    moment = start
    while moment < end:
        here = [e.show_as for e in events if e.overlaps(moment, moment + step)]
        view.append(max((_VIEW_DIGIT.get(s, "2") for s in here), default="0"))
        moment += step
    items = [
        {
            "status": e.show_as,
            "subject": e.subject,
            "isPrivate": False,
            "start": graph_time(e.start),
            "end": graph_time(e.end),
        }
        for e in events
    ]
    return {"scheduleId": who, "availabilityView": "".join(view), "scheduleItems": items}


def _page(items: list[Json], r: Request, path: str) -> Json:
    top = min(int(r.query.get("$top", DEFAULT_PAGE)), MAX_PAGE)
    skip = int(r.query.get("$skip", 0))
    page: Json = {"value": items[skip : skip + top]}
    if skip + top < len(items):
        query = {**r.query, "$skip": str(skip + top)}
        page["@odata.nextLink"] = f"{r.base_url}{path}?{urlencode(query, quote_via=quote, safe='$,')}"
    return page


def _select(r: Request) -> frozenset[str] | None:
    chosen = r.query.get("$select")
    return frozenset(chosen.split(",")) if chosen else None


def _calendar_view(mailboxes: Mailboxes, mailbox: str, r: Request) -> Answer:
    if "startDateTime" not in r.query or "endDateTime" not in r.query:
        raise GraphFailure(400, "ErrorInvalidParameter", "startDateTime and endDateTime are required")
    start, end = parse_query_time(r.query["startDateTime"]), parse_query_time(r.query["endDateTime"])
    events = [e.as_json(select=_select(r)) for e in mailboxes.sorted_events(mailbox) if e.overlaps(start, end)]
    return Answer(200, _page(events, r, f"/users/{quote(mailbox, safe='')}/calendarView"))


def _list_events(mailboxes: Mailboxes, mailbox: str, r: Request) -> Answer:
    events = mailboxes.sorted_events(mailbox)
    if "$filter" in r.query:
        wanted_id, wanted_value = property_filter(r.query["$filter"])
        events = [
            e
            for e in events
            if any(k.lower() == wanted_id.lower() and v == wanted_value for k, v in e.properties.items())
        ]
    expand = expanded_properties(r.query["$expand"]) if "$expand" in r.query else None
    items = [e.as_json(expand=expand, select=_select(r)) for e in events]
    return Answer(200, _page(items, r, f"/users/{quote(mailbox, safe='')}/events"))


def _properties(body: Any) -> dict[str, str]:
    found = _field(body, "singleValueExtendedProperties") or []
    if not isinstance(found, list) or not all(isinstance(p, dict) and "id" in p and "value" in p for p in found):
        raise GraphFailure(400, "BadRequest", "singleValueExtendedProperties must be a list of {id, value}")
    return {str(p["id"]): str(p["value"]) for p in found}


def _create(mailboxes: Mailboxes, mailbox: str, body: Any) -> Answer:
    event = StoredEvent(
        id=new_event_id(),
        start=parse_graph_time(_field(body, "start")),
        end=parse_graph_time(_field(body, "end")),
        subject=str(_field(body, "subject") or ""),
        body=_field(body, "body") or {"contentType": "text", "content": ""},
        show_as=str(_field(body, "showAs") or "busy"),
        transaction_id=_field(body, "transactionId"),
        properties=_properties(body),
    )
    if event.end <= event.start:
        raise GraphFailure(400, "ErrorInvalidRequest", "the end must be after the start")
    return Answer(201, mailboxes.add(mailbox, event).as_json())


def _update(mailboxes: Mailboxes, mailbox: str, event_id: str, body: Any) -> Answer:
    event = mailboxes.event(mailbox, event_id)
    if (start := _field(body, "start")) is not None:
        event.start = parse_graph_time(start)
    if (end := _field(body, "end")) is not None:
        event.end = parse_graph_time(end)
    if (subject := _field(body, "subject")) is not None:
        event.subject = str(subject)
    if (content := _field(body, "body")) is not None:
        event.body = content
    if (show_as := _field(body, "showAs")) is not None:
        event.show_as = str(show_as)
    event.properties.update(_properties(body))
    return Answer(200, event.as_json())
