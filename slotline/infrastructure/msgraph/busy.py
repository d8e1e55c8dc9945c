"""Busy time of several staff calendars: getSchedule (the default) or calendarView, chosen by request count.

Measured on the fake Graph server with 8 events a day in every calendar (requests per `busy` call, and wall
time on loopback; `python -m tests.integration.fake_graph.measure_busy`, tests/integration/test_graph_busy.py):

    staff x days   getSchedule        calendarView $top=100   calendarView $top=10 (Graph's default)
    3 x 1          1 request, 35 ms   3 requests, 85 ms       3 requests, 82 ms
    5 x 7          1 request, 38 ms   5 requests, 925 ms      30 requests, 1001 ms
    10 x 14        1 request, 148 ms  20 requests, 3639 ms    120 requests, 4068 ms

getSchedule answers for up to 20 calendars and a window under 42 days in one POST; calendarView needs one
GET per calendar plus one per further page. Fewer requests means fewer chances to be throttled (Graph
throttles per mailbox and per app) and one round trip for the caller to wait on, not one per page. The wall
times add a client-side cost: msgraph-sdk spends about 3 ms of CPU parsing each Event (Entity's deserializer
runs some 2,400 import statements per object), while getSchedule's items are small non-Entity objects. So
getSchedule is the default; calendarView stays available (`busy_source = "calendar_view"`) for tenants where
getSchedule cannot be used, and runs the calendars side by side.
Both read only each event's status and times, and both return whole events, not clipped to the window.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Protocol

from slotline.application.errors import CalendarUnavailable
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.msgraph.mapping import counts_as_busy, window_of
from slotline.infrastructure.msgraph.paging import every_event
from slotline.infrastructure.msgraph.retry import Deadline, call
from slotline.infrastructure.msgraph.sdk import (
    CalendarViewRequestBuilder,
    DateTimeTimeZone,
    GetSchedulePostRequestBody,
    GraphServiceClient,
    RequestConfiguration,
    ScheduleInformation,
)
from slotline.infrastructure.msgraph.tasks import all_of

__all__ = ["MAX_SCHEDULE_SPAN", "SCHEDULES_PER_REQUEST", "BusyReader", "CalendarViewBusy", "ScheduleBusy"]

MAX_SCHEDULE_SPAN = timedelta(days=41)
"""getSchedule windows must be shorter than 42 days; longer windows are asked in pieces."""
SCHEDULES_PER_REQUEST = 20
"""Calendars per getSchedule call: a conservative batch, more staff means more calls."""
_VIEW_INTERVAL = 1440  # minutes per availabilityView digit: slotline reads scheduleItems, so keep the view short

BusyByCalendar = dict[str, list[TimeWindow]]
"""Busy windows keyed by calendar (as asked), earliest first."""


class BusyReader(Protocol):
    async def read(
        self, client: GraphServiceClient, calendars: Sequence[str], window: TimeWindow, deadline: Deadline
    ) -> BusyByCalendar: ...


def _utc(at: datetime) -> DateTimeTimeZone:
    return DateTimeTimeZone(date_time=at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S"), time_zone="UTC")


def _pieces(window: TimeWindow, longest: timedelta) -> list[TimeWindow]:
    pieces, start = [], window.start
    while start < window.end:
        end = min(start + longest, window.end)
        pieces.append(TimeWindow(start, end))
        start = end
    return pieces


def _sorted(found: set[TimeWindow]) -> list[TimeWindow]:
    return sorted(found, key=lambda w: (w.start, w.end))


class ScheduleBusy:
    """POST /users/{mailbox}/calendar/getSchedule for up to 20 calendars and 41 days at a time."""

    def __init__(self, mailbox: str | None = None) -> None:
        self._mailbox = mailbox

    async def read(
        self, client: GraphServiceClient, calendars: Sequence[str], window: TimeWindow, deadline: Deadline
    ) -> BusyByCalendar:
        mailbox = self._mailbox or calendars[0]
        batches = [
            list(calendars[i : i + SCHEDULES_PER_REQUEST]) for i in range(0, len(calendars), SCHEDULES_PER_REQUEST)
        ]
        asks = [(batch, piece) for piece in _pieces(window, MAX_SCHEDULE_SPAN) for batch in batches]
        answers = await all_of(self._ask(client, mailbox, batch, piece, deadline) for batch, piece in asks)
        found: dict[str, set[TimeWindow]] = {c.casefold(): set() for c in calendars}
        for answer in answers:
            for calendar, windows in answer.items():
                found[calendar].update(windows)
        return {c: _sorted(found[c.casefold()]) for c in calendars}

    async def _ask(
        self, client: GraphServiceClient, mailbox: str, batch: list[str], piece: TimeWindow, deadline: Deadline
    ) -> dict[str, list[TimeWindow]]:
        body = GetSchedulePostRequestBody(
            schedules=batch,
            start_time=_utc(piece.start),
            end_time=_utc(piece.end),
            availability_view_interval=_VIEW_INTERVAL,
        )
        endpoint = client.users.by_user_id(mailbox).calendar.get_schedule
        response = await call(lambda: endpoint.post(body), what="read busy time (getSchedule)", deadline=deadline)
        by_id = {(s.schedule_id or "").casefold(): s for s in (response.value if response else None) or []}
        return {c.casefold(): _busy_items(c, by_id.get(c.casefold())) for c in batch}


def _busy_items(calendar: str, schedule: ScheduleInformation | None) -> list[TimeWindow]:
    """A calendar Graph could not read is an error: reporting it free could double-book its owner."""
    if schedule is None:
        raise CalendarUnavailable(f"getSchedule did not answer for {calendar}")
    if schedule.error is not None:
        code = schedule.error.response_code or "error"
        raise CalendarUnavailable(f"getSchedule could not read {calendar}: {code}")
    return [window_of(i.start, i.end) for i in schedule.schedule_items or [] if counts_as_busy(i.status)]


class CalendarViewBusy:
    """GET /users/{calendar}/calendarView per calendar, following @odata.nextLink; calendars side by side."""

    def __init__(self, page_size: int = 100) -> None:
        self._page_size = page_size

    async def read(
        self, client: GraphServiceClient, calendars: Sequence[str], window: TimeWindow, deadline: Deadline
    ) -> BusyByCalendar:
        found = await all_of(self._one(client, c, window, deadline) for c in calendars)
        return dict(zip(calendars, found, strict=True))

    async def _one(
        self, client: GraphServiceClient, calendar: str, window: TimeWindow, deadline: Deadline
    ) -> list[TimeWindow]:
        query = CalendarViewRequestBuilder.CalendarViewRequestBuilderGetQueryParameters(
            start_date_time=window.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            end_date_time=window.end.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            select=["showAs", "start", "end", "isCancelled"],
            top=self._page_size,
        )
        builder = client.users.by_user_id(calendar).calendar_view
        events = await every_event(
            lambda: builder.get(RequestConfiguration(query_parameters=query)),
            lambda link: builder.with_url(link).get(),
            what=f"read busy time of {calendar} (calendarView)",
            deadline=deadline,
        )
        busy = {window_of(e.start, e.end) for e in events if not e.is_cancelled and counts_as_busy(e.show_as)}
        return _sorted(busy)
