"""The fake's calendars: events per mailbox, held in memory, in the JSON shapes Graph answers with."""

from __future__ import annotations

import base64
import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

Json = dict[str, Any]
PropertyValues = dict[str, str]
"""Single-value extended properties of one event: property id -> value."""


class GraphFailure(Exception):
    """An error answer: HTTP status, Graph error code and message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message


def graph_time(moment: datetime) -> Json:
    """A dateTimeTimeZone in UTC, as Graph answers when no `Prefer: outlook.timezone` header was sent."""
    return {"dateTime": moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": "UTC"}


def parse_graph_time(value: object) -> datetime:
    """A dateTimeTimeZone object sent by a client (IANA zone names and UTC only)."""
    if not isinstance(value, dict) or not isinstance(value.get("dateTime"), str):
        raise GraphFailure(400, "ErrorInvalidRequest", f"not a dateTimeTimeZone: {value!r}")
    zone_name = value.get("timeZone") or "UTC"
    try:
        zone = UTC if zone_name == "UTC" else ZoneInfo(str(zone_name))
        local = datetime.fromisoformat(value["dateTime"])
    except (ValueError, KeyError) as exc:
        raise GraphFailure(400, "ErrorInvalidTimeZoneId", str(exc)) from exc
    if local.tzinfo is not None:
        raise GraphFailure(400, "ErrorInvalidRequest", "dateTime must not carry an offset")
    return local.replace(tzinfo=zone).astimezone(UTC)


def parse_query_time(value: str) -> datetime:
    """startDateTime / endDateTime query values: ISO 8601, UTC when no offset is given."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise GraphFailure(400, "ErrorInvalidParameter", f"bad date {value!r}") from exc
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@dataclass
class StoredEvent:
    id: str
    start: datetime
    end: datetime
    subject: str = ""
    body: Json = field(default_factory=lambda: {"contentType": "text", "content": ""})
    show_as: str = "busy"
    is_cancelled: bool = False
    transaction_id: str | None = None
    properties: PropertyValues = field(default_factory=dict)

    def overlaps(self, start: datetime, end: datetime) -> bool:
        return self.start < end and start < self.end

    def as_json(self, *, expand: frozenset[str] | None = None, select: frozenset[str] | None = None) -> Json:
        """The event as Graph returns it; extended properties only when expanded, like Graph."""
        data: Json = {
            "id": self.id,
            "subject": self.subject,
            "body": dict(self.body),
            "start": graph_time(self.start),
            "end": graph_time(self.end),
            "showAs": self.show_as,
            "isCancelled": self.is_cancelled,
            "transactionId": self.transaction_id,
        }
        if select is not None:
            data = {k: v for k, v in data.items() if k in select or k == "id"}
        if expand is not None:
            found = [{"id": k, "value": v} for k, v in self.properties.items() if k.lower() in expand]
            if found:  # Graph leaves the key out when no expanded property is set
                data["singleValueExtendedProperties"] = found
        return data


_counter = itertools.count(1)


def new_event_id() -> str:
    """Ids shaped like Graph's: long, URL-safe base64 with padding (so clients must encode the path)."""
    raw = b"fake-graph-event-" + next(_counter).to_bytes(8, "big")
    return "AAMkAD" + base64.urlsafe_b64encode(raw).decode()


class Mailboxes:
    """Calendars by mailbox (user id or UPN, case-insensitive). Callers hold the server's lock."""

    def __init__(self, names: list[str]) -> None:
        self._events: dict[str, dict[str, StoredEvent]] = {n.lower(): {} for n in names}

    def add_mailbox(self, name: str) -> None:
        self._events.setdefault(name.lower(), {})

    def calendar(self, mailbox: str) -> dict[str, StoredEvent]:
        try:
            return self._events[mailbox.lower()]
        except KeyError:
            raise GraphFailure(404, "ErrorInvalidUser", f"The requested user '{mailbox}' is invalid.") from None

    def known(self, mailbox: str) -> bool:
        return mailbox.lower() in self._events

    def event(self, mailbox: str, event_id: str) -> StoredEvent:
        try:
            return self.calendar(mailbox)[event_id]
        except KeyError:
            raise GraphFailure(404, "ErrorItemNotFound", "The specified object was not found in the store.") from None

    def add(self, mailbox: str, event: StoredEvent) -> StoredEvent:
        """Store `event`, or return the live event already holding its transactionId (Graph's retry dedupe)."""
        calendar = self.calendar(mailbox)
        if event.transaction_id is not None:
            for existing in calendar.values():
                if existing.transaction_id == event.transaction_id:
                    return existing
        calendar[event.id] = event
        return event

    def remove(self, mailbox: str, event_id: str) -> None:
        self.event(mailbox, event_id)
        del self.calendar(mailbox)[event_id]

    def sorted_events(self, mailbox: str) -> list[StoredEvent]:
        return sorted(self.calendar(mailbox).values(), key=lambda e: (e.start, e.end, e.id))
