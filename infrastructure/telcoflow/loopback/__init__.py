"""A loopback Telcoflow server: both sockets of the wire protocol, so the unmodified SDK runs against 127.0.0.1."""

from infrastructure.telcoflow.loopback.call import LoopbackCall
from infrastructure.telcoflow.loopback.errors import (
    CallEndedEarly,
    CallerFeedFull,
    CallNotDelivered,
    LoopbackError,
    NoSessionManager,
    VoiceNotConnected,
)
from infrastructure.telcoflow.loopback.line import EndReason, LineState
from infrastructure.telcoflow.loopback.recording import CallRecording
from infrastructure.telcoflow.loopback.server import LoopbackTelcoflowServer
from infrastructure.telcoflow.loopback.session_manager import SessionManagerLink
from infrastructure.telcoflow.loopback.stats import LagSummary, LoopbackStats

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
