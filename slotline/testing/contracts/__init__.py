"""Contract suites: what every adapter of a port must do, as pytest base classes to subclass.

Subclass one (name the subclass `Test...` so pytest collects it) and override its one fixture that builds your
adapter; every inherited test then runs against it. See docs/testing-adapters.md.

Needs pytest and pytest-asyncio at test time; slotline itself does not depend on either at run time, and importing
slotline never imports this package.
"""

import pytest

# plain asserts in these modules explain their failures the way they do in test files
_SUITES = (
    "audio",
    "calendar",
    "call_records",
    "customers",
    "ledger",
    "outbox",
    "reminders",
    "sms",
    "speech_to_text",
    "text_to_speech",
    "turn_detector",
    "understanding",
)
pytest.register_assert_rewrite(*(f"slotline.testing.contracts.{suite}" for suite in _SUITES))

from slotline.testing.contracts.calendar import CalendarContract, CalendarUnderTest  # noqa: E402
from slotline.testing.contracts.call_records import CallRecordsContract  # noqa: E402
from slotline.testing.contracts.customers import CustomerDirectoryContract  # noqa: E402
from slotline.testing.contracts.ledger import LedgerUnderTest, SlotLedgerContract  # noqa: E402
from slotline.testing.contracts.outbox import OutboxContract  # noqa: E402
from slotline.testing.contracts.reminders import LedgerRemindersContract  # noqa: E402
from slotline.testing.contracts.sms import SmsSenderContract, SmsUnderTest  # noqa: E402
from slotline.testing.contracts.speech_to_text import SpeechToTextContract  # noqa: E402
from slotline.testing.contracts.text_to_speech import TextToSpeechContract  # noqa: E402
from slotline.testing.contracts.turn_detector import TurnDetectorContract  # noqa: E402
from slotline.testing.contracts.understanding import UtteranceInterpreterContract  # noqa: E402

__all__ = [
    "CalendarContract",
    "CalendarUnderTest",
    "CallRecordsContract",
    "CustomerDirectoryContract",
    "LedgerRemindersContract",
    "LedgerUnderTest",
    "OutboxContract",
    "SlotLedgerContract",
    "SmsSenderContract",
    "SmsUnderTest",
    "SpeechToTextContract",
    "TextToSpeechContract",
    "TurnDetectorContract",
    "UtteranceInterpreterContract",
]
