"""What can go wrong when a test or the demo drives the loopback server, named as facts."""

from __future__ import annotations


class LoopbackError(Exception):
    """Base of every error the loopback server raises to its driver."""


class NoSessionManager(LoopbackError):
    """No SDK session manager finished `setup` in time, so there was nobody to offer a call to."""

    def __init__(self, timeout: float) -> None:
        super().__init__(f"no session manager connected within {timeout:g} s")
        self.timeout = timeout


class CallNotDelivered(LoopbackError):
    """The call was offered but no session manager opened it and sent session.ready in time."""

    def __init__(self, session_id: str, timeout: float) -> None:
        super().__init__(f"session {session_id} was not opened and readied within {timeout:g} s")
        self.session_id = session_id
        self.timeout = timeout


class CallEndedEarly(LoopbackError):
    """The call ended before the awaited thing happened."""

    def __init__(self, call_id: str, how: str) -> None:
        super().__init__(f"call {call_id} ended ({how}) first")
        self.call_id = call_id
        self.how = how


class VoiceNotConnected(LoopbackError):
    """The SDK has not opened (or has already left) this call's voice socket."""

    def __init__(self, call_id: str) -> None:
        super().__init__(f"call {call_id} has no open voice socket")
        self.call_id = call_id


class CallerFeedFull(LoopbackError):
    """More caller audio was queued than the line holds; nothing was queued and the call is not affected."""

    def __init__(self, queued: int, limit: int) -> None:
        super().__init__(f"caller audio queue would hold {queued} bytes, the limit is {limit}")
        self.queued = queued
        self.limit = limit
