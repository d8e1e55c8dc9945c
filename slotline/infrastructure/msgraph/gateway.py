"""GraphCalendarGateway: the staff calendars in Microsoft 365, through msgraph-sdk. A drop-in for the SQLite one."""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import TypeVar

from slotline.application.errors import CalendarConflict, CalendarUnavailable, EventNotFound
from slotline.domain.appointment import Appointment
from slotline.domain.catalogue import Catalogue, StaffMember
from slotline.domain.ids import StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.msgraph.booking_tag import BOOKING_PROPERTY, PHONE_PROPERTY
from slotline.infrastructure.msgraph.busy import BusyReader, CalendarViewBusy, ScheduleBusy
from slotline.infrastructure.msgraph.client import GraphConnection, connect
from slotline.infrastructure.msgraph.event_ids import EventRef
from slotline.infrastructure.msgraph.mapping import appointment_from, event_for, transaction_id
from slotline.infrastructure.msgraph.paging import every_event
from slotline.infrastructure.msgraph.retry import Deadline, call, status_of
from slotline.infrastructure.msgraph.sdk import (
    APIError,
    Event,
    EventCollectionResponse,
    EventItemRequestBuilder,
    EventsRequestBuilder,
    GraphServiceClient,
    QueryParameters,
    RequestConfiguration,
)
from slotline.infrastructure.msgraph.settings import GraphSettings
from slotline.infrastructure.msgraph.staff_calendars import ensure_staff_calendars
from slotline.infrastructure.msgraph.tasks import all_of

__all__ = ["GraphCalendarGateway"]

log = logging.getLogger(__name__)

Q = TypeVar("Q")
_NO_QUERY = QueryParameters()
_NEXT_PAGE = EventsRequestBuilder.EventsRequestBuilderGetQueryParameters()  # a nextLink carries the query
_ONLY_ID = EventItemRequestBuilder.EventItemRequestBuilderGetQueryParameters(select=["id"])
_CALENDAR_ERRORS = (CalendarUnavailable, CalendarConflict)


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _options(query: Q) -> RequestConfiguration[Q]:
    """Every event request asks for immutable ids, which survive an event moving between folders."""
    options: RequestConfiguration[Q] = RequestConfiguration(query_parameters=query)
    options.headers.add("Prefer", 'IdType="ImmutableId"')
    return options


def _id_of(event: Event | None) -> str:
    if event is None or not event.id:
        raise CalendarUnavailable("Graph created an event but returned no id")
    return event.id


def _deleting(item: EventItemRequestBuilder) -> Callable[[], Awaitable[None]]:
    """DELETE where an event already gone counts as done (a retried DELETE may find it gone)."""

    async def delete() -> None:
        try:
            await item.delete(_options(_NO_QUERY))
        except APIError as exc:
            if status_of(exc) != 404:
                raise

    return delete


def _load_event_models() -> None:
    Event().get_field_deserializers()
    EventCollectionResponse().get_field_deserializers()


class GraphCalendarGateway:
    """CalendarGateway on Microsoft Graph with application permissions (Calendars.ReadWrite).

    - Event ids are "<calendar>|<Graph event id>" (see event_ids); bookings carry slotline's extended
      properties (see booking_tag); times go out as wall-clock time in the catalogue's zone.
    - Every operation finishes or fails within `config.deadline_seconds` (see retry); undoing a half-done
      write gets a deadline of its own.
    - Like the SQLite gateway it never refuses an overlap: slotline's ledger is the double-booking guard.
    - One msgraph client per event loop (a client is bound to the loop that first used it); `aclose()` it.
    """

    def __init__(
        self,
        config: GraphSettings,
        catalogue: Catalogue,
        *,
        connector: Callable[[GraphSettings], GraphConnection] = connect,
    ) -> None:
        ensure_staff_calendars(catalogue)
        self._config = config
        self._catalogue = catalogue
        self._connector = connector
        self._busy: BusyReader = (
            ScheduleBusy(config.schedule_mailbox)
            if config.busy_source == "schedule"
            else CalendarViewBusy(config.page_size)
        )
        self._connection: GraphConnection | None = None
        self._loop: weakref.ref[asyncio.AbstractEventLoop] | None = None
        self.warmed = False
        """True once `warm_up` has succeeded: the first caller waits for neither imports nor sign-in."""

    def __repr__(self) -> str:
        return f"GraphCalendarGateway({self._config!r})"

    async def busy(self, staff: Sequence[StaffMember], window: TimeWindow) -> dict[StaffId, list[TimeWindow]]:
        """Events not shown as free that meet `window`, per member, earliest first; every asked member has a key."""
        if not staff:
            return {}
        calendars = list({self._calendar(m).casefold(): self._calendar(m) for m in staff}.values())
        found = await self._busy.read(self._client(), calendars, window, self._deadline())
        by_calendar = {c.casefold(): w for c, w in found.items()}
        return {m.id: list(by_calendar[self._calendar(m).casefold()]) for m in staff}

    async def create(self, appointment: Appointment, staff: StaffMember, *, idempotency_key: str) -> str:
        """POST the event with a transactionId derived from the key, so a retried POST never makes a second one."""
        calendar = self._calendar(staff)
        key = transaction_id(idempotency_key)
        created = await self._post(appointment, calendar, key, what=f"book {staff.id}", deadline=self._deadline())
        return str(EventRef(calendar, created))

    async def move(self, appointment: Appointment, staff: StaffMember, event_id: str) -> str:
        """PATCH the times (and booking details) in place; to another staff member's calendar it is create + delete."""
        target = self._calendar(staff)
        ref = EventRef.parse(event_id, target)
        if not ref.same_calendar(target):
            return await self._move_across(appointment, staff, ref, event_id)
        item = self._event(ref)
        update = event_for(appointment, self._catalogue)

        async def patch() -> None:
            try:
                await item.patch(update, _options(_NO_QUERY))
            except APIError as exc:
                if status_of(exc) == 404:
                    raise EventNotFound(event_id) from exc
                raise

        await call(patch, what=f"move an event of {staff.id}", deadline=self._deadline())
        return str(ref)

    async def cancel(self, staff: StaffMember, event_id: str) -> None:
        """DELETE the event; one already gone is fine."""
        ref = EventRef.parse(event_id, self._calendar(staff))
        await call(_deleting(self._event(ref)), what=f"cancel an event of {staff.id}", deadline=self._deadline())

    async def upcoming(self, phone: PhoneNumber, now: datetime) -> list[Appointment]:
        """Events in every staff calendar tagged with this phone that start after `now`, soonest first."""
        deadline = self._deadline()
        calendars = list({c.casefold(): c for m in self._catalogue.staff if (c := m.calendar)}.values())
        found = await all_of(self._tagged(c, phone, deadline) for c in calendars)
        booked = [
            appointment
            for calendar, events in zip(calendars, found, strict=True)
            for event in events
            if not event.is_cancelled
            and (appointment := appointment_from(event, calendar, phone, self._catalogue)) is not None
            and appointment.window.start > now
        ]
        return sorted(booked, key=lambda a: (a.window.start, a.external_event_id or ""))

    async def warm_up(self) -> None:
        """Sign in, and load in a worker thread the models msgraph imports lazily on the first response holding
        an event (about 1,200 modules, 1-2 s of CPU), so the first caller waits for neither."""
        await asyncio.to_thread(_load_event_models)
        connection = self._connect()
        what = "sign in"
        await call(lambda: connection.credential.get_token(self._config.scope), what=what, deadline=self._deadline())
        self.warmed = True

    async def aclose(self) -> None:
        """Close the HTTP client and credential of the current event loop's connection."""
        connection, self._connection = self._connection, None
        if connection is not None and self._loop is not None and self._loop() is asyncio.get_running_loop():
            await connection.aclose()

    # --- helpers -----------------------------------------------------------------------------------

    def _connect(self) -> GraphConnection:
        loop = asyncio.get_running_loop()
        if self._connection is None or self._loop is None or self._loop() is not loop:
            try:
                self._connection = self._connector(self._config)
            except (ValueError, OSError) as exc:  # e.g. an unreadable certificate file or a wrong password
                raise CalendarUnavailable(f"cannot set up the Graph client: {type(exc).__name__}") from exc
            self._loop = weakref.ref(loop)
        return self._connection

    def _client(self) -> GraphServiceClient:
        return self._connect().client

    def _deadline(self) -> Deadline:
        return Deadline(self._config.deadline_seconds)

    def _calendar(self, staff: StaffMember) -> str:
        if not staff.calendar:
            raise CalendarUnavailable(f"{staff.id} has no Microsoft 365 calendar configured")
        return staff.calendar

    def _event(self, ref: EventRef) -> EventItemRequestBuilder:
        return self._client().users.by_user_id(ref.calendar).events.by_event_id(ref.graph_id)

    async def _post(
        self, appointment: Appointment, calendar: str, transaction: str, *, what: str, deadline: Deadline
    ) -> str:
        """Create the event and return its Graph id. If the POST failed after perhaps reaching Graph, remove
        whatever it made (found by its transactionId), so a failure means nothing was booked."""
        event = event_for(appointment, self._catalogue, transaction=transaction)
        events = self._client().users.by_user_id(calendar).events
        try:
            created = await call(lambda: events.post(event, _options(_NO_QUERY)), what=what, deadline=deadline)
        except CalendarUnavailable:
            await self._sweep(calendar, appointment.customer_phone, transaction)
            raise
        return _id_of(created)

    async def _sweep(self, calendar: str, phone: PhoneNumber, transaction: str) -> None:
        try:
            deadline = self._deadline()
            for event in await self._tagged(calendar, phone, deadline):
                if event.transaction_id == transaction and event.id:
                    ref = EventRef(calendar, event.id)
                    await call(_deleting(self._event(ref)), what="remove an unconfirmed event", deadline=deadline)
                    log.warning("graph: removed event %s whose creation was not confirmed", ref)
        except _CALENDAR_ERRORS as exc:
            log.error("graph: an unconfirmed event may remain in %s (transactionId %s): %s", calendar, transaction, exc)

    async def _move_across(self, appointment: Appointment, staff: StaffMember, old: EventRef, event_id: str) -> str:
        """Create in the new calendar, then delete the old event; if that fails, delete the new one again."""
        target = self._calendar(staff)
        deadline = self._deadline()
        exists = self._event(old)

        async def check() -> None:
            try:
                await exists.get(_options(_ONLY_ID))
            except APIError as exc:
                if status_of(exc) == 404:
                    raise EventNotFound(event_id) from exc
                raise

        await call(check, what=f"find the event to move to {staff.id}", deadline=deadline)
        moving = transaction_id(f"move|{old}|{target}|{appointment.window.start.isoformat()}")
        what = f"move a booking to {staff.id}"
        new = EventRef(target, await self._post(appointment, target, moving, what=what, deadline=deadline))
        try:
            await call(_deleting(exists), what="remove the old event of a moved booking", deadline=deadline)
        except _CALENDAR_ERRORS as exc:
            try:
                await call(_deleting(self._event(new)), what="undo a half-done move", deadline=self._deadline())
            except _CALENDAR_ERRORS as undo:
                log.error("graph: move of %s left two events; remove %s by hand (%s)", old, new, undo)
                raise CalendarUnavailable(
                    f"move half done: both {old} and {new} exist, remove {new} by hand ({exc.detail})"
                ) from exc
            raise CalendarUnavailable(f"move undone, the old event could not be removed ({exc.detail})") from exc
        return str(new)

    async def _tagged(self, calendar: str, phone: PhoneNumber, deadline: Deadline) -> list[Event]:
        """Every event in `calendar` whose PHONE_PROPERTY is `phone`, with slotline's properties expanded."""
        query = EventsRequestBuilder.EventsRequestBuilderGetQueryParameters(
            filter=(
                f"singleValueExtendedProperties/Any(ep: ep/id eq {_quoted(PHONE_PROPERTY)}"
                f" and ep/value eq {_quoted(phone.e164)})"
            ),
            expand=[
                f"singleValueExtendedProperties($filter=id eq {_quoted(PHONE_PROPERTY)}"
                f" or id eq {_quoted(BOOKING_PROPERTY)})"
            ],
            select=["subject", "start", "end", "isCancelled", "transactionId"],
            top=self._config.page_size,
        )
        events = self._client().users.by_user_id(calendar).events
        return await every_event(
            lambda: events.get(_options(query)),
            lambda link: events.with_url(link).get(_options(_NEXT_PAGE)),  # keeps ids immutable on every page
            what=f"find bookings in {calendar}",
            deadline=deadline,
        )
