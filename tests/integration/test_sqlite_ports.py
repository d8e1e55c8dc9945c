"""The embedded adapters satisfy their ports (checked by mypy) and export exactly their public names."""

from __future__ import annotations

from pathlib import Path

import slotline.infrastructure.local_sms
import slotline.infrastructure.sqlite
from slotline.application.ports import CalendarGateway, CustomerDirectory, Outbox, SlotLedger, SmsSender
from slotline.infrastructure.local_sms import LocalSmsSender
from slotline.infrastructure.sqlite import (
    SqliteCalendarGateway,
    SqliteCustomerDirectory,
    SqliteDatabase,
    SqliteOutbox,
    SqliteSlotLedger,
)


def test_each_adapter_is_its_port(tmp_path: Path) -> None:
    db = SqliteDatabase(tmp_path / "slotline.db")
    ledger: SlotLedger = SqliteSlotLedger(db)
    outbox: Outbox = SqliteOutbox(db)
    calendar: CalendarGateway = SqliteCalendarGateway(db)
    customers: CustomerDirectory = SqliteCustomerDirectory(db)
    sms: SmsSender = LocalSmsSender(db)

    assert all((ledger, outbox, calendar, customers, sms))
    assert list(tmp_path.iterdir()) == []  # building adapters touches no file


def test_the_packages_export_their_public_names() -> None:
    for package in (slotline.infrastructure.sqlite, slotline.infrastructure.local_sms):
        assert all(hasattr(package, name) for name in package.__all__)
    assert "SqliteSlotLedger" in slotline.infrastructure.sqlite.__all__
    assert "LocalSmsSender" in slotline.infrastructure.local_sms.__all__
