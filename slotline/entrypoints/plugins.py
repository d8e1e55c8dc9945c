"""Third-party backends: an adapter another package publishes through a Python entry point.

A package offers a backend for one port by naming a `BackendPlugin` object in that port's entry point group::

    # the plugin package's pyproject.toml
    [project.entry-points."slotline.customers"]
    example_crm = "slotline_example_crm:plugin"

Setting the port's backend to the entry point's name selects it (`customers.backend = "example_crm"`, env
SLOTLINE_CUSTOMERS__BACKEND). The plugin's own settings are the section under the port's section named after the
backend: `[customers.example_crm]` in the TOML file, SLOTLINE_CUSTOMERS__EXAMPLE_CRM__PATH in the environment
(speech plugins use `[speech.<name>]`, telephony plugins `[telephony.<name>]`). `load_settings` validates that
section with the plugin's `settings_model`, so a bad plugin setting is one line naming it, like any other setting.

Built-in backends win: an entry point named like a built-in backend of its port is never loaded, so installing a
package cannot replace an adapter slotline ships. Entry points are read when settings are loaded; a plugin's module
is imported only when its backend is selected.

Groups: slotline.calendar, slotline.sms, slotline.customers, slotline.understanding, slotline.stt, slotline.tts,
slotline.turns, slotline.telephony. Storage (ledger and outbox) has no group: those two ports share one SQLite
transaction when a booking is made, so a storage backend is a bundle of ports, not one adapter (`storage.backend`:
sqlite or postgres).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from slotline.application.ports import Clock
from slotline.domain.catalogue import Catalogue
from slotline.domain.errors import SlotlineError

__all__ = [
    "PORTS",
    "BackendPlugin",
    "PluginBroken",
    "PluginContext",
    "PortBackends",
    "build_backend",
    "installed",
    "load_plugin",
]

SettingsT = TypeVar("SettingsT", bound=BaseModel)
PortT_co = TypeVar("PortT_co", covariant=True)


@dataclass(frozen=True, slots=True)
class PluginContext:
    """What slotline hands every plugin besides its own settings: the shared parts an adapter may need."""

    catalogue: Catalogue
    """The business: services, staff (with their calendar ids), opening hours, time zone."""
    clock: Clock
    """The only source of the current time (pinned by --now in demos and tests)."""
    default_region: str
    """ISO 3166 alpha-2 country for phone numbers written without +country code."""
    db: Path
    """slotline's SQLite file, for a plugin that wants to keep something next to it."""


class BackendPlugin(Protocol[SettingsT, PortT_co]):
    """What an entry point names: a backend for one port, with its own settings model.

    `settings_model` is a pydantic model for the plugin's settings section (give every field a default if the
    backend can run without a section). `build` is called once, when the port is first needed, with the validated
    section and the context, and returns an object satisfying the port's Protocol (e.g. `CustomerDirectory` for
    slotline.customers). Both run in slotline's process; `build` should not block for long (no network round trip).
    """

    @property
    def settings_model(self) -> type[SettingsT]: ...

    def build(self, settings: SettingsT, context: PluginContext) -> PortT_co: ...


@dataclass(frozen=True, slots=True)
class PortBackends:
    """One port that a setting selects a backend for: the built-in names and the entry point group for more."""

    setting: str
    """The dotted setting that names the backend ("customers.backend")."""
    section: str
    """The settings section that holds a plugin's own section ("customers" -> [customers.<name>])."""
    group: str
    """The entry point group plugins for this port are published in."""
    builtins: tuple[str, ...]


PORTS: tuple[PortBackends, ...] = (
    PortBackends("calendar.backend", "calendar", "slotline.calendar", ("sqlite", "graph", "postgres")),
    PortBackends("sms.backend", "sms", "slotline.sms", ("local", "sns")),
    PortBackends("customers.backend", "customers", "slotline.customers", ("sqlite", "postgres")),
    PortBackends("understanding.backend", "understanding", "slotline.understanding", ("rules", "model")),
    PortBackends("speech.stt", "speech", "slotline.stt", ("pocketsphinx", "deepgram", "marked")),
    PortBackends("speech.tts", "speech", "slotline.tts", ("espeak", "polly", "marked")),
    PortBackends("speech.turns", "speech", "slotline.turns", ("silero", "energy")),
    PortBackends("telephony.backend", "telephony", "slotline.telephony", ("telcoflow",)),
)
"""Every port a backend setting selects, in the order settings are checked."""


class PluginBroken(SlotlineError):
    """A selected plugin is not installed, cannot be loaded or is not a BackendPlugin; the message says which."""


def installed(port: PortBackends) -> dict[str, EntryPoint]:
    """The plugins installed for `port`, by backend name; those named like a built-in backend are left out."""
    return {ep.name: ep for ep in entry_points(group=port.group) if ep.name not in port.builtins}


def load_plugin(port: PortBackends, name: str) -> BackendPlugin[BaseModel, object]:
    """The plugin object behind `name` in `port`'s group, checked for the contract's shape."""
    entry = installed(port).get(name)
    if entry is None:
        raise PluginBroken(f"{port.setting} {name!r}: no such backend is built in or installed")
    where = f"{port.setting} {name!r} (entry point {entry.value!r} in {port.group})"
    try:
        loaded: Any = entry.load()
    except Exception as exc:  # a third party's import error, whatever it is, is reported on one line
        raise PluginBroken(f"{where} cannot be loaded: {type(exc).__name__}: {exc}") from exc
    model = getattr(loaded, "settings_model", None)
    if not (isinstance(model, type) and issubclass(model, BaseModel) and callable(getattr(loaded, "build", None))):
        raise PluginBroken(f"{where} is not a BackendPlugin (it needs settings_model and build)")
    plugin: BackendPlugin[BaseModel, object] = loaded
    return plugin


def build_backend(port: PortBackends, name: str, section: Mapping[str, object], context: PluginContext) -> object:
    """The port's adapter from plugin `name`, given its (already checked) settings section."""
    plugin = load_plugin(port, name)
    return plugin.build(plugin.settings_model.model_validate(dict(section)), context)
