"""Ports wrapped so every call to their backend is timed, its failures counted in CallMetrics, and traced.

A failure is a backend error (`BackendUnavailable`, `SmsSendFailed`), an unexpected exception, or a call cut off
(cancelled: a caller's wait budget ran out); a booking answer such as `SlotNoLongerAvailable` is not.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Mapping, Sequence
from datetime import datetime
from typing import TypeVar

from slotline.application.errors import BackendUnavailable, SmsSendFailed
from slotline.application.ports import (
    Backend,
    CalendarGateway,
    CallMetrics,
    CallTracer,
    NoCallTracer,
    OutboxMessage,
    SlotLedger,
    SmsSender,
)
from slotline.domain.appointment import Appointment, Hold
from slotline.domain.catalogue import StaffMember
from slotline.domain.errors import SlotlineError
from slotline.domain.ids import StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow

__all__ = ["Meter", "MeteredCalendarGateway", "MeteredSlotLedger", "MeteredSmsSender"]

T = TypeVar("T")


class Meter:
    """Times calls to one backend into CallMetrics, each in a span of the CallTracer named `<backend>.<operation>`."""

    def __init__(self, metrics: CallMetrics, backend: Backend, tracer: CallTracer | None = None) -> None:
        self._metrics = metrics
        self._backend = backend
        self._tracer = tracer or NoCallTracer()

    async def __call__(self, operation: str, work: Awaitable[T]) -> T:
        """Await `work`, telling the metrics how long it took and whether it failed."""
        with self._tracer.span(f"{self._backend.value}.{operation}", backend=self._backend.value) as span:
            started = time.perf_counter()
            failed = True
            try:
                result = await work
                failed = False
                return result
            except SlotlineError as exc:
                failed = isinstance(exc, BackendUnavailable | SmsSendFailed)
                raise
            finally:
                self._metrics.backend_called(self._backend, time.perf_counter() - started, failed=failed)
                if failed:
                    span.set_attribute("slotline.backend.failed", True)


class MeteredCalendarGateway:
    """A CalendarGateway whose every call is timed as the "calendar" backend."""

    def __init__(self, inner: CalendarGateway, metrics: CallMetrics, tracer: CallTracer | None = None) -> None:
        self._inner = inner
        self._meter = Meter(metrics, Backend.CALENDAR, tracer)

    async def busy(self, staff: Sequence[StaffMember], window: TimeWindow) -> Mapping[StaffId, list[TimeWindow]]:
        return await self._meter("busy", self._inner.busy(staff, window))

    async def create(self, appointment: Appointment, staff: StaffMember, *, idempotency_key: str) -> str:
        work = self._inner.create(appointment, staff, idempotency_key=idempotency_key)
        return await self._meter("create", work)

    async def move(self, appointment: Appointment, staff: StaffMember, event_id: str) -> str:
        return await self._meter("move", self._inner.move(appointment, staff, event_id))

    async def cancel(self, staff: StaffMember, event_id: str) -> None:
        await self._meter("cancel", self._inner.cancel(staff, event_id))

    async def upcoming(self, phone: PhoneNumber, now: datetime) -> list[Appointment]:
        return await self._meter("upcoming", self._inner.upcoming(phone, now))


class MeteredSmsSender:
    """An SmsSender whose every send is timed as the "sms" backend."""

    def __init__(self, inner: SmsSender, metrics: CallMetrics, tracer: CallTracer | None = None) -> None:
        self._inner = inner
        self._meter = Meter(metrics, Backend.SMS, tracer)

    async def send(self, to: PhoneNumber, body: str, *, dedupe_key: str) -> str:
        return await self._meter("send", self._inner.send(to, body, dedupe_key=dedupe_key))


class MeteredSlotLedger:
    """A SlotLedger whose every call is timed as the "storage" backend."""

    def __init__(self, inner: SlotLedger, metrics: CallMetrics, tracer: CallTracer | None = None) -> None:
        self._inner = inner
        self._meter = Meter(metrics, Backend.STORAGE, tracer)

    async def hold(
        self,
        slot: Slot,
        occupied: TimeWindow,
        *,
        key: str,
        now: datetime,
        expires_at: datetime,
        replacing: str | None = None,
    ) -> Hold:
        work = self._inner.hold(slot, occupied, key=key, now=now, expires_at=expires_at, replacing=replacing)
        return await self._meter("hold", work)

    async def release(self, hold_id: str) -> None:
        await self._meter("release", self._inner.release(hold_id))

    async def live_holds(self, staff: Sequence[StaffId], window: TimeWindow, now: datetime) -> list[Hold]:
        return await self._meter("live_holds", self._inner.live_holds(staff, window, now))

    async def appointments(self, staff: Sequence[StaffId], window: TimeWindow) -> list[Appointment]:
        return await self._meter("appointments", self._inner.appointments(staff, window))

    async def book(
        self,
        appointment: Appointment,
        occupied: TimeWindow,
        *,
        key: str,
        now: datetime,
        hold_id: str | None,
        outbox: Sequence[OutboxMessage],
    ) -> Appointment:
        work = self._inner.book(appointment, occupied, key=key, now=now, hold_id=hold_id, outbox=outbox)
        return await self._meter("book", work)

    async def move(
        self,
        appointment_id: str,
        slot: Slot,
        occupied: TimeWindow,
        *,
        key: str,
        now: datetime,
        hold_id: str | None,
        outbox: Sequence[OutboxMessage],
    ) -> Appointment:
        work = self._inner.move(appointment_id, slot, occupied, key=key, now=now, hold_id=hold_id, outbox=outbox)
        return await self._meter("move", work)

    async def cancel(self, appointment_id: str, *, key: str, outbox: Sequence[OutboxMessage]) -> Appointment:
        return await self._meter("cancel", self._inner.cancel(appointment_id, key=key, outbox=outbox))

    async def get(self, appointment_id: str) -> Appointment:
        return await self._meter("get", self._inner.get(appointment_id))

    async def set_external_id(self, appointment_id: str, event_id: str) -> None:
        await self._meter("set_external_id", self._inner.set_external_id(appointment_id, event_id))

    async def for_customer(self, phone: PhoneNumber) -> list[Appointment]:
        return await self._meter("for_customer", self._inner.for_customer(phone))

    async def all(self) -> list[Appointment]:
        return await self._meter("all", self._inner.all())
