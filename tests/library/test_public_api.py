"""The library as an integrator sees it: only names importable from `slotline` itself."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import slotline
from slotline import (
    CallEnd,
    Customer,
    CustomerDirectory,
    FixedClock,
    LedgerWithoutOutbox,
    PhoneNumber,
    Settings,
    Slotline,
    SmsSender,
)

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=ZoneInfo("America/New_York"))
CALLER = "+12125550123"


class CrmDirectory:
    """An integrator's own customer directory: their CRM, here a dict."""

    def __init__(self) -> None:
        self.people: dict[str, Customer] = {}

    async def find(self, phone: PhoneNumber) -> Customer | None:
        return self.people.get(phone.e164)

    async def save(self, customer: Customer) -> None:
        self.people[customer.phone.e164] = customer


class Texts:
    """An integrator's own SMS sender: records what would go out."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    async def send(self, to: PhoneNumber, body: str, *, dedupe_key: str) -> str:
        self.sent.append((to.e164, body))
        return f"crm-{len(self.sent)}"


def test_every_public_name_is_importable_from_slotline() -> None:
    assert sorted(slotline.__all__) == sorted(slotline._WHERE)
    for name in slotline.__all__:
        assert getattr(slotline, name) is not None, name
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = slotline.nothing_here  # type: ignore[attr-defined]


def test_importing_the_pure_core_loads_no_framework() -> None:
    code = (
        "import sys, slotline.domain; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'pydantic', 'dependency_injector'} "
        "or m.startswith('slotline.entrypoints')))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"


async def test_a_conversation_with_the_integrators_own_adapters(tmp_path: Path) -> None:
    crm = CrmDirectory()
    texts = Texts()
    customers: CustomerDirectory = crm
    sms: SmsSender = texts
    await crm.save(Customer(PhoneNumber(CALLER), "Dana Scully"))
    agent = Slotline(Settings(db=tmp_path / "x.db"), clock=FixedClock(NOW), customers=customers, sms=sms)

    async with agent:
        call = agent.conversation(caller="(212) 555-0123")
        said = [*(await call.start()).lines]
        for line in ("i would like a haircut next tuesday afternoon with sam", "the second one", "yes", "no thanks"):
            said += (await call.hear(line)).lines

    assert said[0].startswith("Hi Dana, thanks for calling Maple Street Clinic.")
    assert "You're booked: a haircut on Tuesday, December 1st at 2 PM with Sam." in said
    assert call.end is CallEnd.HUNG_UP
    ((to, body),) = texts.sent
    assert to == CALLER and "Tue Dec 1 at 2 PM" in body
    assert agent.catalogue.business.name == "Maple Street Clinic"


def test_ledger_and_outbox_are_replaced_together(tmp_path: Path) -> None:
    from slotline.infrastructure.sqlite import SqliteDatabase, SqliteSlotLedger

    ledger = SqliteSlotLedger(SqliteDatabase(tmp_path / "x.db"), FixedClock(NOW))
    with pytest.raises(LedgerWithoutOutbox, match="replace the ledger and the outbox together"):
        Slotline(Settings(db=tmp_path / "x.db"), ledger=ledger)


async def test_a_conversations_caller_is_caller_id_any_possible_number_and_its_extension_ignored(
    tmp_path: Path,
) -> None:
    crm = CrmDirectory()
    customers: CustomerDirectory = crm
    await crm.save(Customer(PhoneNumber("+447700900123"), "Ann Perkins"))  # a range the metadata leaves unallocated
    agent = Slotline(Settings(db=tmp_path / "x.db"), clock=FixedClock(NOW), customers=customers)

    async with agent:
        greeting = (await agent.conversation(caller="+44 7700 900123;ext=2").start()).lines[0]

    assert greeting.startswith("Hi Ann, thanks for calling Maple Street Clinic.")
