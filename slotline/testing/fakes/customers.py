"""InMemoryCustomerDirectory: callers by phone number, in a dict."""

from __future__ import annotations

from slotline.domain.appointment import Customer
from slotline.domain.phone import PhoneNumber


class InMemoryCustomerDirectory:
    """CustomerDirectory; saving without a name keeps the name already known, as the SQLite directory does."""

    def __init__(self, customers: list[Customer] | None = None) -> None:
        self._customers: dict[PhoneNumber, Customer] = {}
        for customer in customers or []:
            self._customers[customer.phone] = customer

    async def find(self, phone: PhoneNumber) -> Customer | None:
        return self._customers.get(phone)

    async def save(self, customer: Customer) -> None:
        """Insert or update by phone number."""
        known = self._customers.get(customer.phone)
        name = customer.name if customer.name is not None or known is None else known.name
        self._customers[customer.phone] = Customer(customer.phone, name)
