"""An integrator's program: slotline with their CRM as the customer directory, type-checked with mypy --strict."""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from domain.errors import CrmUnavailable

from slotline import Customer, CustomerDirectory, FixedClock, PhoneNumber, Settings, Slotline


class CrmCustomers:
    """Customers from the clinic's CRM (a dict here); satisfies slotline's CustomerDirectory port."""

    def __init__(self, people: dict[str, str | None]) -> None:
        self._people = people

    async def find(self, phone: PhoneNumber) -> Customer | None:
        if phone.e164 == "+19999999999":
            raise CrmUnavailable("the CRM is down")
        if phone.e164 not in self._people:
            return None
        return Customer(phone, self._people[phone.e164])

    async def save(self, customer: Customer) -> None:
        known = self._people.get(customer.phone.e164)
        self._people[customer.phone.e164] = customer.name if customer.name is not None else known


async def main(db: Path) -> None:
    customers: CustomerDirectory = CrmCustomers({"+12125550123": "Dana Scully"})
    now = datetime(2026, 11, 25, 9, 0, tzinfo=ZoneInfo("America/New_York"))
    async with Slotline(Settings(db=db), clock=FixedClock(now), customers=customers) as agent:
        call = agent.conversation(caller="+1 212 555 0123")
        for line in (await call.start()).lines:
            print(f"agent: {line}")
        for said in ("i would like a haircut next tuesday afternoon with sam", "the second one", "yes", "no thanks"):
            print(f"caller: {said}")
            for line in (await call.hear(said)).lines:
                print(f"agent: {line}")
    print(f"[{call.end}]")


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
