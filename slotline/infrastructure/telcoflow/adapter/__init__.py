"""The Telcoflow telephony adapter: inbound calls through the telcoflow 1.0.0 SDK, surviving its known defects."""

from slotline.infrastructure.telcoflow.adapter.live_call import CallError, TelcoflowLiveCall
from slotline.infrastructure.telcoflow.adapter.telephony import TelcoflowTelephony
from slotline.infrastructure.telcoflow.adapter.workarounds import SdkIncompatible, SdkWorkarounds, ensure_sdk_supported

__all__ = [
    "CallError",
    "SdkIncompatible",
    "SdkWorkarounds",
    "TelcoflowLiveCall",
    "TelcoflowTelephony",
    "ensure_sdk_supported",
]
