"""Ports wrapped so every call to their backend is timed and its failures counted in CallMetrics.

A failure is a backend error (`BackendUnavailable`, `SmsSendFailed`), an unexpected exception, or a call cut off
(cancelled: a caller's wait budget ran out); a booking answer such as `SlotNoLongerAvailable` is not.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Mapping, Sequence
from datetime import datetime
from typing import TypeVar

from slotline.application.errors import BackendUnavailable, SmsSendFailed
from slotline.application.ports import Backend, CalendarGateway, CallMetrics, OutboxMessage, SlotLedger, SmsSender
from slotline.domain.appointment import Appointment, Hold
from slotline.domain.catalogue import StaffMember
from slotline.domain.errors import SlotlineError
from slotline.domain.ids import StaffId
from slotline.domain.phone import PhoneNumber
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow

__all__ = ["MeteredCalendarGateway", "MeteredSlotLedger", "MeteredSmsSender", "timed"]

T = TypeVar("T")


async def timed(metrics: CallMetrics, backend: Backend, work: Awaitable[T]) -> T:
    """Await `work`, telling `metrics` how long it took and whether it failed."""
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
        metrics.backend_called(backend, time.perf_counter() - started, failed=failed)


class MeteredCalendarGateway:
    """A CalendarGateway whose every call is timed as the "calendar" backend."""

    def __init__(self, inner: CalendarGateway, metrics: CallMetrics) -> None:
        self._inner = inner
        self._metrics = metrics

    async def busy(self, staff: Sequence[StaffMember], window: TimeWindow) -> Mapping[StaffId, list[TimeWindow]]:
        return await timed(self._metrics, Backend.CALENDAR, self._inner.busy(staff, window))

    async def create(self, appointment: Appointment, staff: StaffMember, *, idempotency_key: str) -> str:
        work = self._inner.create(appointment, staff, idempotency_key=idempotency_key)
        return await timed(self._metrics, Backend.CALENDAR, work)

    async def move(self, appointment: Appointment, staff: StaffMember, event_id: str) -> str:
        return await timed(self._metrics, Backend.CALENDAR, self._inner.move(appointment, staff, event_id))

    async def cancel(self, staff: StaffMember, event_id: str) -> None:
        await timed(self._metrics, Backend.CALENDAR, self._inner.cancel(staff, event_id))

    async def upcoming(self, phone: PhoneNumber, now: datetime) -> list[Appointment]:
        return await timed(self._metrics, Backend.CALENDAR, self._inner.upcoming(phone, now))


class MeteredSmsSender:
    """An SmsSender whose every send is timed as the "sms" backend."""

    def __init__(self, inner: SmsSender, metrics: CallMetrics) -> None:
        self._inner = inner
        self._metrics = metrics

    async def send(self, to: PhoneNumber, body: str, *, dedupe_key: str) -> str:
        return await timed(self._metrics, Backend.SMS, self._inner.send(to, body, dedupe_key=dedupe_key))


class MeteredSlotLedger:
    """A SlotLedger whose every call is timed as the "storage" backend."""

    def __init__(self, inner: SlotLedger, metrics: CallMetrics) -> None:
        self._inner = inner
        self._metrics = metrics

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
        return await timed(self._metrics, Backend.STORAGE, work)

    async def release(self, hold_id: str) -> None:
        await timed(self._metrics, Backend.STORAGE, self._inner.release(hold_id))

    async def live_holds(self, staff: Sequence[StaffId], window: TimeWindow, now: datetime) -> list[Hold]:
        return await timed(self._metrics, Backend.STORAGE, self._inner.live_holds(staff, window, now))

    async def appointments(self, staff: Sequence[StaffId], window: TimeWindow) -> list[Appointment]:
        return await timed(self._metrics, Backend.STORAGE, self._inner.appointments(staff, window))

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
        return await timed(self._metrics, Backend.STORAGE, work)

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
        return await timed(self._metrics, Backend.STORAGE, work)

    async def cancel(self, appointment_id: str, *, key: str, outbox: Sequence[OutboxMessage]) -> Appointment:
        return await timed(self._metrics, Backend.STORAGE, self._inner.cancel(appointment_id, key=key, outbox=outbox))

    async def get(self, appointment_id: str) -> Appointment:
        return await timed(self._metrics, Backend.STORAGE, self._inner.get(appointment_id))

    async def set_external_id(self, appointment_id: str, event_id: str) -> None:
        await timed(self._metrics, Backend.STORAGE, self._inner.set_external_id(appointment_id, event_id))

    async def for_customer(self, phone: PhoneNumber) -> list[Appointment]:
        return await timed(self._metrics, Backend.STORAGE, self._inner.for_customer(phone))

    async def all(self) -> list[Appointment]:
        return await timed(self._metrics, Backend.STORAGE, self._inner.all())
