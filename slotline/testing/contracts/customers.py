"""The CustomerDirectory contract: callers found by phone number, saved by phone number.

Needs pytest and pytest-asyncio (test-time only). Subclass CustomerDirectoryContract and override the `customers`
fixture to return your directory (e.g. your CRM), holding nobody with the sample numbers.
"""

from __future__ import annotations

import pytest

from slotline.application.ports import CustomerDirectory
from slotline.domain.appointment import Customer
from slotline.testing.sample import CUSTOMER, OTHER_CUSTOMER

__all__ = ["CustomerDirectoryContract"]


class CustomerDirectoryContract:
    """Every CustomerDirectory: one customer per phone number, found again exactly as saved."""

    @pytest.fixture
    def customers(self) -> CustomerDirectory:
        """Override: the directory under test, without the sample numbers."""
        pytest.fail("subclass CustomerDirectoryContract and override the `customers` fixture", pytrace=False)

    @pytest.mark.asyncio
    async def test_an_unknown_number_is_nobody(self, customers: CustomerDirectory) -> None:
        """`find` of a number never saved is None, not an error."""
        assert await customers.find(CUSTOMER) is None

    @pytest.mark.asyncio
    async def test_a_saved_customer_is_found_by_number(self, customers: CustomerDirectory) -> None:
        """`find` returns the customer saved under that number, and only under that number."""
        await customers.save(Customer(CUSTOMER, "Dana Scully"))

        assert await customers.find(CUSTOMER) == Customer(CUSTOMER, "Dana Scully")
        assert await customers.find(OTHER_CUSTOMER) is None

    @pytest.mark.asyncio
    async def test_saving_again_updates_the_one_record(self, customers: CustomerDirectory) -> None:
        """Saving a known number updates it in place (insert or update by phone number)."""
        await customers.save(Customer(CUSTOMER, "Dana Scully"))
        await customers.save(Customer(OTHER_CUSTOMER, "Fox Mulder"))

        await customers.save(Customer(CUSTOMER, "Dana Katherine Scully"))

        assert await customers.find(CUSTOMER) == Customer(CUSTOMER, "Dana Katherine Scully")
        assert await customers.find(OTHER_CUSTOMER) == Customer(OTHER_CUSTOMER, "Fox Mulder")

    @pytest.mark.asyncio
    async def test_a_customer_without_a_name_is_kept_and_never_erases_one(self, customers: CustomerDirectory) -> None:
        """A caller who gave no name is saved nameless; saving a known customer without a name keeps their name."""
        await customers.save(Customer(OTHER_CUSTOMER))
        await customers.save(Customer(CUSTOMER, "Dana Scully"))

        await customers.save(Customer(CUSTOMER))

        assert await customers.find(OTHER_CUSTOMER) == Customer(OTHER_CUSTOMER, None)
        assert await customers.find(CUSTOMER) == Customer(CUSTOMER, "Dana Scully")
