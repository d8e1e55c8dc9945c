"""The CalendarGateway contract against the SQLite and PostgreSQL calendars, Graph (on the fake Graph server) and the in-memory fake."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from uuid import uuid4

import pytest
from pydantic import SecretStr

from slotline.domain.catalogue import StaffMember
from slotline.domain.ids import ServiceId
from slotline.domain.phone import PhoneNumber
from slotline.domain.time_window import TimeWindow
from slotline.infrastructure.msgraph import GraphSettings
from slotline.infrastructure.msgraph.booking_tag import PHONE_PROPERTY
from slotline.infrastructure.msgraph.gateway import GraphCalendarGateway
from slotline.infrastructure.postgres.adapters import PostgresCalendarGateway, PostgresDatabase
from slotline.infrastructure.sqlite import SqliteCalendarGateway, SqliteDatabase
from slotline.infrastructure.sqlite.ledger_rows import span
from slotline.testing.contracts import CalendarContract, CalendarUnderTest
from slotline.testing.fakes import InMemoryCalendarGateway, SettableClock
from slotline.testing.sample import NOW
from tests.integration.fake_graph import FakeGraph

CATALOGUE = CalendarContract.catalogue


class TestSqliteCalendar(CalendarContract):
    @pytest.fixture
    def calendar(self, tmp_path: Path) -> CalendarUnderTest:
        db = SqliteDatabase(tmp_path / "slotline.db")
        gateway = SqliteCalendarGateway(db, clock=SettableClock(NOW))

        async def add_busy(staff: StaffMember, window: TimeWindow) -> str:
            return await gateway.add_busy(staff.id, window)

        async def add_hand_booking(
            staff: StaffMember, window: TimeWindow, phone: PhoneNumber, service: ServiceId
        ) -> str:
            event_id = uuid4().hex
            query = (
                "INSERT INTO calendar_events (id, staff_id, start, end, subject, customer_phone, appointment_id,"
                " service_id, slotline, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 0)"
            )
            params = (event_id, staff.id, *span(window), "Booked by hand", phone.e164, f"hand-{event_id}", service)
            await db.write(lambda c: c.execute(query, params))
            return event_id

        return CalendarUnderTest(gateway, add_busy, add_hand_booking)


class TestPostgresCalendar(CalendarContract):
    @pytest.fixture
    def calendar(self, postgres: PostgresDatabase) -> CalendarUnderTest:
        gateway = PostgresCalendarGateway(postgres, clock=SettableClock(NOW))

        async def add_busy(staff: StaffMember, window: TimeWindow) -> str:
            return await gateway.add_busy(staff.id, window)

        async def add_hand_booking(
            staff: StaffMember, window: TimeWindow, phone: PhoneNumber, service: ServiceId
        ) -> str:
            event_id = uuid4().hex
            query = (
                "INSERT INTO calendar_events (id, staff_id, starts_at, ends_at, subject, customer_phone,"
                " appointment_id, service_id, slotline, created_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, true, %s)"
            )
            params = (
                event_id,
                staff.id,
                window.start,
                window.end,
                "Booked by hand",
                phone.e164,
                f"hand-{event_id}",
                service,
                NOW,
            )
            await postgres.write(lambda c: c.execute(query, params))
            return event_id

        return CalendarUnderTest(gateway, add_busy, add_hand_booking)


@pytest.fixture
def fake_graph() -> Iterator[FakeGraph]:
    with FakeGraph.running([m.calendar for m in CATALOGUE.staff if m.calendar]) as fake:
        yield fake


class TestGraphCalendar(CalendarContract):
    @pytest.fixture
    async def calendar(self, fake_graph: FakeGraph) -> AsyncIterator[CalendarUnderTest]:
        config = GraphSettings(
            base_url=fake_graph.base_url,
            static_token=SecretStr(fake_graph.token),
            deadline_seconds=2.0,
            attempt_timeout_seconds=1.0,
        )
        gateway = GraphCalendarGateway(config, CATALOGUE)

        async def add_busy(staff: StaffMember, window: TimeWindow) -> str:
            assert staff.calendar
            return f"{staff.calendar}|{fake_graph.add_event(staff.calendar, window.start, window.end)}"

        async def add_hand_booking(
            staff: StaffMember, window: TimeWindow, phone: PhoneNumber, service: ServiceId
        ) -> str:
            assert staff.calendar
            subject = f"{CATALOGUE.service(service).name} (booked by phone)"
            properties = {PHONE_PROPERTY: phone.e164}
            event_id = fake_graph.add_event(
                staff.calendar, window.start, window.end, subject=subject, properties=properties
            )
            return f"{staff.calendar}|{event_id}"

        yield CalendarUnderTest(gateway, add_busy, add_hand_booking)
        await gateway.aclose()


class TestInMemoryCalendar(CalendarContract):
    @pytest.fixture
    def calendar(self) -> CalendarUnderTest:
        fake = InMemoryCalendarGateway()

        async def add_busy(staff: StaffMember, window: TimeWindow) -> str:
            return fake.add_busy(staff.id, window)

        async def add_hand_booking(
            staff: StaffMember, window: TimeWindow, phone: PhoneNumber, service: ServiceId
        ) -> str:
            return fake.add_hand_booking(staff.id, window, phone, service)

        return CalendarUnderTest(fake, add_busy, add_hand_booking)
