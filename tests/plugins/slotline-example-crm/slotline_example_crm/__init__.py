"""Customers from a JSON file (phone number -> name): a slotline backend published through an entry point."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, FilePath

from slotline.application.ports import CustomerDirectory
from slotline.domain.appointment import Customer
from slotline.domain.phone import PhoneNumber
from slotline.entrypoints.plugins import BackendPlugin, PluginContext

__all__ = ["ExampleCrm", "ExampleCrmSettings", "JsonCustomerDirectory", "plugin"]


class ExampleCrmSettings(BaseModel):
    """The `[customers.example_crm]` section."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: FilePath
    """A JSON object from E.164 phone number to the customer's name."""


class JsonCustomerDirectory:
    """A CustomerDirectory over one JSON file, read on every lookup so edits show up at once."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = asyncio.Lock()

    async def find(self, phone: PhoneNumber) -> Customer | None:
        names = await asyncio.to_thread(self._read)
        name = names.get(phone.e164)
        return None if name is None else Customer(phone, name)

    async def save(self, customer: Customer) -> None:
        async with self._lock:
            names = await asyncio.to_thread(self._read)
            if customer.name is not None:
                names[customer.phone.e164] = customer.name
            await asyncio.to_thread(self._path.write_text, json.dumps(names, indent=2, sort_keys=True))

    def _read(self) -> dict[str, str]:
        data = json.loads(self._path.read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.items()}


class ExampleCrm:
    """The plugin object the entry point names."""

    settings_model = ExampleCrmSettings

    def build(self, settings: ExampleCrmSettings, context: PluginContext) -> JsonCustomerDirectory:
        return JsonCustomerDirectory(settings.path)


plugin = ExampleCrm()
_fits: BackendPlugin[ExampleCrmSettings, CustomerDirectory] = plugin  # mypy checks the contract here
