"""A loopback Telcoflow server: both sockets of the wire protocol, so the unmodified SDK runs against 127.0.0.1."""

from slotline.infrastructure.telcoflow.loopback.call import LoopbackCall
from slotline.infrastructure.telcoflow.loopback.errors import (
    CallEndedEarly,
    CallerFeedFull,
    CallNotDelivered,
    LoopbackError,
    NoSessionManager,
    VoiceNotConnected,
)
from slotline.infrastructure.telcoflow.loopback.line import EndReason, LineState
from slotline.infrastructure.telcoflow.loopback.recording import CallRecording
from slotline.infrastructure.telcoflow.loopback.server import LoopbackTelcoflowServer
from slotline.infrastructure.telcoflow.loopback.session_manager import SessionManagerLink
from slotline.infrastructure.telcoflow.loopback.stats import LagSummary, LoopbackStats

__all__ = [
    "CallEndedEarly",
    "CallNotDelivered",
    "CallRecording",
    "CallerFeedFull",
    "EndReason",
    "LagSummary",
    "LineState",
    "LoopbackCall",
    "LoopbackError",
    "LoopbackStats",
    "LoopbackTelcoflowServer",
    "NoSessionManager",
    "SessionManagerLink",
    "VoiceNotConnected",
]
