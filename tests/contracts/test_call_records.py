"""The CallRecords contract against the SQLite and PostgreSQL stores and the in-memory fake."""

from __future__ import annotations

from pathlib import Path

import pytest

from slotline.application.ports import CallRecords
from slotline.infrastructure.postgres.adapters import PostgresCallRecords, PostgresDatabase
from slotline.infrastructure.sqlite import SqliteCallRecords, SqliteDatabase
from slotline.testing.contracts import CallRecordsContract
from slotline.testing.fakes import InMemoryCallRecords


class TestSqliteCallRecords(CallRecordsContract):
    @pytest.fixture
    def records(self, tmp_path: Path) -> CallRecords:
        return SqliteCallRecords(SqliteDatabase(tmp_path / "slotline.db"))


class TestInMemoryCallRecords(CallRecordsContract):
    @pytest.fixture
    def records(self) -> CallRecords:
        return InMemoryCallRecords()


class TestPostgresCallRecords(CallRecordsContract):
    @pytest.fixture
    def records(self, postgres: PostgresDatabase) -> CallRecords:
        return PostgresCallRecords(postgres)
