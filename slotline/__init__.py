"""slotline: an open-source phone booking agent, as a library.

The public API is the names in `__all__` (see docs/library.md). They load on first use, so `import slotline.domain`
stays as cheap as the pure core it is, and nothing here imports a vendor SDK.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from slotline.application.conversation import CallEnd, Conversation, Reply
    from slotline.application.errors import BackendUnavailable
    from slotline.application.ports import (
        CalendarGateway,
        Clock,
        CustomerDirectory,
        Outbox,
        OutboxMessage,
        SlotLedger,
        SmsSender,
        SpeechToText,
        Telephony,
        TextToSpeech,
        TurnDetectorFactory,
        UtteranceInterpreter,
    )
    from slotline.domain.appointment import Appointment, Customer, Hold
    from slotline.domain.catalogue import Business, Catalogue, Service, StaffMember
    from slotline.domain.errors import BookingError, InvalidValue, SlotlineError
    from slotline.domain.ids import AppointmentId, ServiceId, StaffId
    from slotline.domain.phone import PhoneNumber
    from slotline.domain.slot import Slot
    from slotline.domain.time_window import TimeWindow
    from slotline.domain.understanding import Intent, Interpretation
    from slotline.entrypoints.agent import LedgerWithoutOutbox, Slotline
    from slotline.entrypoints.plugins import BackendPlugin, PluginBroken, PluginContext
    from slotline.entrypoints.serving import ServeStats
    from slotline.entrypoints.settings import Settings, SettingsInvalid, load_settings
    from slotline.entrypoints.wiring.extras import BackendNotInstalled
    from slotline.infrastructure.clock import FixedClock, SystemClock
    from slotline.infrastructure.common.log_redaction import RedactingFilter
    from slotline.infrastructure.common.phone_parsing import parse_phone
    from slotline.infrastructure.yaml_catalogue import CatalogueFileInvalid, load_catalogue

_WHERE = {
    # building and running the agent
    "Slotline": "slotline.entrypoints.agent",
    "LedgerWithoutOutbox": "slotline.entrypoints.agent",
    "Settings": "slotline.entrypoints.settings",
    "SettingsInvalid": "slotline.entrypoints.settings",
    "load_settings": "slotline.entrypoints.settings",
    "ServeStats": "slotline.entrypoints.serving",
    "BackendPlugin": "slotline.entrypoints.plugins",
    "PluginContext": "slotline.entrypoints.plugins",
    "PluginBroken": "slotline.entrypoints.plugins",
    "BackendNotInstalled": "slotline.entrypoints.wiring.extras",
    "Conversation": "slotline.application.conversation",
    "Reply": "slotline.application.conversation",
    "CallEnd": "slotline.application.conversation",
    "load_catalogue": "slotline.infrastructure.yaml_catalogue",
    "CatalogueFileInvalid": "slotline.infrastructure.yaml_catalogue",
    "parse_phone": "slotline.infrastructure.common.phone_parsing",
    "FixedClock": "slotline.infrastructure.clock",
    "SystemClock": "slotline.infrastructure.clock",
    "RedactingFilter": "slotline.infrastructure.common.log_redaction",
    # the ports an integrator may implement
    "CalendarGateway": "slotline.application.ports",
    "Clock": "slotline.application.ports",
    "CustomerDirectory": "slotline.application.ports",
    "Outbox": "slotline.application.ports",
    "OutboxMessage": "slotline.application.ports",
    "SlotLedger": "slotline.application.ports",
    "SmsSender": "slotline.application.ports",
    "SpeechToText": "slotline.application.ports",
    "Telephony": "slotline.application.ports",
    "TextToSpeech": "slotline.application.ports",
    "TurnDetectorFactory": "slotline.application.ports",
    "UtteranceInterpreter": "slotline.application.ports",
    # the values they exchange
    "Appointment": "slotline.domain.appointment",
    "Customer": "slotline.domain.appointment",
    "Hold": "slotline.domain.appointment",
    "Business": "slotline.domain.catalogue",
    "Catalogue": "slotline.domain.catalogue",
    "Service": "slotline.domain.catalogue",
    "StaffMember": "slotline.domain.catalogue",
    "AppointmentId": "slotline.domain.ids",
    "ServiceId": "slotline.domain.ids",
    "StaffId": "slotline.domain.ids",
    "PhoneNumber": "slotline.domain.phone",
    "Slot": "slotline.domain.slot",
    "TimeWindow": "slotline.domain.time_window",
    "Intent": "slotline.domain.understanding",
    "Interpretation": "slotline.domain.understanding",
    # errors, named as facts
    "SlotlineError": "slotline.domain.errors",
    "BookingError": "slotline.domain.errors",
    "InvalidValue": "slotline.domain.errors",
    "BackendUnavailable": "slotline.application.errors",
}

__all__ = [
    "Appointment",
    "AppointmentId",
    "BackendNotInstalled",
    "BackendPlugin",
    "BackendUnavailable",
    "BookingError",
    "Business",
    "CalendarGateway",
    "CallEnd",
    "Catalogue",
    "CatalogueFileInvalid",
    "Clock",
    "Conversation",
    "Customer",
    "CustomerDirectory",
    "FixedClock",
    "Hold",
    "Intent",
    "Interpretation",
    "InvalidValue",
    "LedgerWithoutOutbox",
    "Outbox",
    "OutboxMessage",
    "PhoneNumber",
    "PluginBroken",
    "PluginContext",
    "RedactingFilter",
    "Reply",
    "ServeStats",
    "Service",
    "ServiceId",
    "Settings",
    "SettingsInvalid",
    "Slot",
    "SlotLedger",
    "Slotline",
    "SlotlineError",
    "SmsSender",
    "SpeechToText",
    "StaffId",
    "StaffMember",
    "SystemClock",
    "Telephony",
    "TextToSpeech",
    "TimeWindow",
    "TurnDetectorFactory",
    "UtteranceInterpreter",
    "load_catalogue",
    "load_settings",
    "parse_phone",
]


if not TYPE_CHECKING:  # type checkers see the imports above, so a misspelt name stays an error for them

    def __getattr__(name: str) -> object:
        where = _WHERE.get(name)
        if where is None:
            raise AttributeError(f"module 'slotline' has no attribute {name!r}")
        value = getattr(import_module(where), name)
        globals()[name] = value  # later look-ups skip this function
        return value

    def __dir__() -> list[str]:
        return sorted([*globals(), *__all__])
