from __future__ import annotations

from typing import Protocol

from slotline.domain.appointment import Customer
from slotline.domain.phone import PhoneNumber


class CustomerDirectory(Protocol):
    async def find(self, phone: PhoneNumber) -> Customer | None: ...

    async def save(self, customer: Customer) -> None:
        """Insert or update by phone number."""
        ...
