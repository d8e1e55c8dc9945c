"""The integrator runs slotline's published contract against their own adapter."""

from __future__ import annotations

import pytest
from clinic_crm import CrmCustomers

from slotline.testing.contracts import CustomerDirectoryContract


class TestCrmCustomers(CustomerDirectoryContract):
    @pytest.fixture
    def customers(self) -> CrmCustomers:
        return CrmCustomers({})
