"""The ports: what the application needs from the outside world, as typing.Protocols named by role."""

from application.ports.calendar import CalendarGateway
from application.ports.clock import Clock
from application.ports.customers import CustomerDirectory
from application.ports.interpreter import UtteranceInterpreter
from application.ports.ledger import SlotLedger
from application.ports.outbox import Outbox, OutboxMessage, OutboxStatus
from application.ports.sms import SmsSender
from application.ports.speech import (
    SilenceTimeout,
    SpeechPaused,
    SpeechStarted,
    SpeechToText,
    TextToSpeech,
    TurnDetector,
    TurnDetectorFactory,
    TurnEvent,
    TurnMayEnd,
    Utterance,
)
from application.ports.telephony import CallHandler, CallState, LiveCall, Telephony, TransferOutcome

__all__ = [
    "CalendarGateway",
    "CallHandler",
    "CallState",
    "Clock",
    "CustomerDirectory",
    "LiveCall",
    "Outbox",
    "OutboxMessage",
    "OutboxStatus",
    "SilenceTimeout",
    "SlotLedger",
    "SmsSender",
    "SpeechPaused",
    "SpeechStarted",
    "SpeechToText",
    "Telephony",
    "TextToSpeech",
    "TransferOutcome",
    "TurnDetector",
    "TurnDetectorFactory",
    "TurnEvent",
    "TurnMayEnd",
    "Utterance",
    "UtteranceInterpreter",
]
