"""SqliteCustomerDirectory: customers by phone number."""

from __future__ import annotations

from pathlib import Path

import pytest

from slotline.domain.appointment import Customer
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.sqlite import SqliteCustomerDirectory, SqliteDatabase
from tests.factories import NOW
from tests.integration.sqlite_helpers import OTHER_PHONE, PHONE


@pytest.fixture
def directory(tmp_path: Path) -> SqliteCustomerDirectory:
    return SqliteCustomerDirectory(SqliteDatabase(tmp_path / "slotline.db"), FixedClock(NOW))


async def test_an_unknown_number_finds_nobody(directory: SqliteCustomerDirectory) -> None:
    assert await directory.find(PHONE) is None


async def test_save_inserts_then_updates_by_phone(directory: SqliteCustomerDirectory) -> None:
    await directory.save(Customer(PHONE, "Jane"))
    await directory.save(Customer(PHONE, "Jane Doe"))
    await directory.save(Customer(OTHER_PHONE))

    assert await directory.find(PHONE) == Customer(PHONE, "Jane Doe")
    assert await directory.find(OTHER_PHONE) == Customer(OTHER_PHONE, None)


async def test_saving_without_a_name_keeps_the_known_name(directory: SqliteCustomerDirectory) -> None:
    await directory.save(Customer(PHONE, "Jane"))
    await directory.save(Customer(PHONE))

    assert await directory.find(PHONE) == Customer(PHONE, "Jane")
