"""The SlotLedger, Outbox and reminders contracts against the SQLite store, the PostgreSQL store and the in-memory one."""

from __future__ import annotations

from pathlib import Path

import pytest

from slotline.application.ports import Outbox
from slotline.infrastructure.postgres.adapters import PostgresDatabase, PostgresOutbox, PostgresSlotLedger
from slotline.infrastructure.sqlite import SqliteDatabase, SqliteOutbox, SqliteSlotLedger
from slotline.testing.contracts import LedgerRemindersContract, LedgerUnderTest, OutboxContract, SlotLedgerContract
from slotline.testing.fakes import InMemoryOutbox, InMemorySlotLedger, InMemoryStore, SettableClock
from slotline.testing.sample import NOW


class TestSqliteSlotLedger(SlotLedgerContract):
    @pytest.fixture
    def ledger(self, tmp_path: Path) -> LedgerUnderTest:
        db = SqliteDatabase(tmp_path / "slotline.db")
        return LedgerUnderTest(SqliteSlotLedger(db, clock=SettableClock(NOW)), SqliteOutbox(db))


class TestInMemorySlotLedger(SlotLedgerContract):
    @pytest.fixture
    def ledger(self) -> LedgerUnderTest:
        store = InMemoryStore()
        return LedgerUnderTest(InMemorySlotLedger(store), InMemoryOutbox(store))


class TestSqliteOutbox(OutboxContract):
    @pytest.fixture
    def outbox(self, tmp_path: Path) -> Outbox:
        return SqliteOutbox(SqliteDatabase(tmp_path / "slotline.db"))


class TestInMemoryOutbox(OutboxContract):
    @pytest.fixture
    def outbox(self) -> Outbox:
        return InMemoryOutbox()


class TestPostgresSlotLedger(SlotLedgerContract):
    @pytest.fixture
    def ledger(self, postgres: PostgresDatabase) -> LedgerUnderTest:
        return LedgerUnderTest(PostgresSlotLedger(postgres, clock=SettableClock(NOW)), PostgresOutbox(postgres))


class TestPostgresOutbox(OutboxContract):
    @pytest.fixture
    def outbox(self, postgres: PostgresDatabase) -> Outbox:
        return PostgresOutbox(postgres)


class TestSqliteReminders(LedgerRemindersContract):
    @pytest.fixture
    def ledger(self, tmp_path: Path) -> LedgerUnderTest:
        db = SqliteDatabase(tmp_path / "slotline.db")
        return LedgerUnderTest(SqliteSlotLedger(db, clock=SettableClock(NOW)), SqliteOutbox(db))


class TestInMemoryReminders(LedgerRemindersContract):
    @pytest.fixture
    def ledger(self) -> LedgerUnderTest:
        store = InMemoryStore()
        return LedgerUnderTest(InMemorySlotLedger(store), InMemoryOutbox(store))


class TestPostgresReminders(LedgerRemindersContract):
    @pytest.fixture
    def ledger(self, postgres: PostgresDatabase) -> LedgerUnderTest:
        return LedgerUnderTest(PostgresSlotLedger(postgres, clock=SettableClock(NOW)), PostgresOutbox(postgres))
