"""The ports: what the application needs from the outside world, as typing.Protocols named by role."""

from slotline.application.ports.calendar import CalendarGateway
from slotline.application.ports.call_records import CallRecordNotFound, CallRecords
from slotline.application.ports.clock import Clock
from slotline.application.ports.customers import CustomerDirectory
from slotline.application.ports.interpreter import UtteranceInterpreter
from slotline.application.ports.ledger import SlotLedger
from slotline.application.ports.metrics import (
    Backend,
    CallMetrics,
    NoCallMetrics,
    RejectionKind,
    TurnStage,
)
from slotline.application.ports.outbox import (
    Outbox,
    OutboxDispatchQueue,
    OutboxMessage,
    OutboxOperations,
    OutboxProducer,
    OutboxStatus,
)
from slotline.application.ports.sms import SmsSender
from slotline.application.ports.speech import (
    SilenceTimeout,
    SpeechPaused,
    SpeechStarted,
    SpeechStream,
    SpeechToText,
    StreamingSpeechToText,
    TextToSpeech,
    TurnDetector,
    TurnDetectorFactory,
    TurnEvent,
    TurnMayEnd,
    Utterance,
)
from slotline.application.ports.telephony import (
    CallHandler,
    CallState,
    LiveCall,
    ReportsConnection,
    Telephony,
    TransferOutcome,
)
from slotline.application.ports.tracing import AttributeValue, CallTracer, NoCallTracer, TraceSpan

__all__ = [
    "AttributeValue",
    "Backend",
    "CalendarGateway",
    "CallHandler",
    "CallMetrics",
    "CallRecordNotFound",
    "CallRecords",
    "CallState",
    "CallTracer",
    "Clock",
    "CustomerDirectory",
    "LiveCall",
    "NoCallMetrics",
    "NoCallTracer",
    "Outbox",
    "OutboxDispatchQueue",
    "OutboxMessage",
    "OutboxOperations",
    "OutboxProducer",
    "OutboxStatus",
    "RejectionKind",
    "ReportsConnection",
    "SilenceTimeout",
    "SlotLedger",
    "SmsSender",
    "SpeechPaused",
    "SpeechStarted",
    "SpeechStream",
    "SpeechToText",
    "StreamingSpeechToText",
    "Telephony",
    "TextToSpeech",
    "TraceSpan",
    "TransferOutcome",
    "TurnDetector",
    "TurnDetectorFactory",
    "TurnEvent",
    "TurnMayEnd",
    "TurnStage",
    "Utterance",
    "UtteranceInterpreter",
]
