"""The CustomerDirectory contract against the SQLite and PostgreSQL directories and the in-memory fake."""

from __future__ import annotations

from pathlib import Path

import pytest

from slotline.application.ports import CustomerDirectory
from slotline.infrastructure.postgres.adapters import PostgresCustomerDirectory, PostgresDatabase
from slotline.infrastructure.sqlite import SqliteCustomerDirectory, SqliteDatabase
from slotline.testing.contracts import CustomerDirectoryContract
from slotline.testing.fakes import InMemoryCustomerDirectory, SettableClock
from slotline.testing.sample import NOW


class TestSqliteCustomerDirectory(CustomerDirectoryContract):
    @pytest.fixture
    def customers(self, tmp_path: Path) -> CustomerDirectory:
        return SqliteCustomerDirectory(SqliteDatabase(tmp_path / "slotline.db"), clock=SettableClock(NOW))


class TestInMemoryCustomerDirectory(CustomerDirectoryContract):
    @pytest.fixture
    def customers(self) -> CustomerDirectory:
        return InMemoryCustomerDirectory()


class TestPostgresCustomerDirectory(CustomerDirectoryContract):
    @pytest.fixture
    def customers(self, postgres: PostgresDatabase) -> CustomerDirectory:
        return PostgresCustomerDirectory(postgres, clock=SettableClock(NOW))
