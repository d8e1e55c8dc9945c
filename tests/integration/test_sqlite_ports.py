"""The embedded adapters satisfy their ports (checked by mypy) and export exactly their public names."""

from __future__ import annotations

from pathlib import Path

import slotline.infrastructure.sqlite
from slotline.application.ports import CalendarGateway, CustomerDirectory, Outbox, SlotLedger, SmsSender
from slotline.infrastructure.clock import FixedClock
from slotline.infrastructure.sqlite import (
    SqliteCalendarGateway,
    SqliteCustomerDirectory,
    SqliteDatabase,
    SqliteOutbox,
    SqliteSlotLedger,
    SqliteSmsSender,
)
from tests.factories import NOW


def test_each_adapter_is_its_port(tmp_path: Path) -> None:
    db = SqliteDatabase(tmp_path / "slotline.db")
    ledger: SlotLedger = SqliteSlotLedger(db, FixedClock(NOW))
    outbox: Outbox = SqliteOutbox(db)
    calendar: CalendarGateway = SqliteCalendarGateway(db, FixedClock(NOW))
    customers: CustomerDirectory = SqliteCustomerDirectory(db, FixedClock(NOW))
    sms: SmsSender = SqliteSmsSender(db, FixedClock(NOW))

    assert all((ledger, outbox, calendar, customers, sms))
    assert list(tmp_path.iterdir()) == []  # building adapters touches no file


def test_the_packages_export_their_public_names() -> None:
    package = slotline.infrastructure.sqlite
    assert all(hasattr(package, name) for name in package.__all__)
    assert {"SqliteSlotLedger", "SqliteSmsSender", "SentSms"} <= set(package.__all__)
