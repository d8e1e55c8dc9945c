"""PostgresCustomerDirectory: callers the business has seen, by phone number."""

from __future__ import annotations

from slotline.application.ports.clock import Clock
from slotline.domain.appointment import Customer
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.postgres.database import PostgresDatabase

__all__ = ["PostgresCustomerDirectory"]

_UPSERT = (
    "INSERT INTO customers (phone, name, created_at, updated_at) VALUES (%s, %s, %s, %s)"
    " ON CONFLICT (phone) DO UPDATE SET name = COALESCE(excluded.name, customers.name),"
    " updated_at = excluded.updated_at"
)


class PostgresCustomerDirectory:
    """CustomerDirectory on the `customers` table. Saving without a name keeps the name already known."""

    def __init__(self, db: PostgresDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    async def find(self, phone: PhoneNumber) -> Customer | None:
        """The customer with this number, if any."""
        query = "SELECT phone, name FROM customers WHERE phone = %s"
        row = await self._db.read(lambda c: c.execute(query, (phone.e164,)).fetchone())
        return None if row is None else Customer(PhoneNumber(row["phone"]), row["name"])

    async def save(self, customer: Customer) -> None:
        """Insert or update by phone number."""
        at = self._clock.now()
        params = (customer.phone.e164, customer.name, at, at)
        await self._db.write(lambda c: c.execute(_UPSERT, params))
