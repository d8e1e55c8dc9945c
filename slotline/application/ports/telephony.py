from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from enum import StrEnum
from typing import Protocol, runtime_checkable

from slotline.domain.phone import PhoneNumber


class CallState(StrEnum):
    PENDING = "PENDING"
    ANSWERED = "ANSWERED"
    CONNECTED = "CONNECTED"  # the caller was put through to a person
    DISCONNECTED = "DISCONNECTED"


class TransferOutcome(StrEnum):
    CONNECTED = "connected"  # a person picked up; the agent may leave
    UNANSWERED = "unanswered"  # it rang out
    FAILED = "failed"  # the platform refused or timed out


class LiveCall(Protocol):
    """One phone call as the agent sees it. Audio is PCM16 little-endian mono at `sample_rate`.

    Errors: CallEnded when the call is already over (the caller hung up); TelephonyUnavailable for the platform.
    """

    @property
    def call_id(self) -> str: ...

    @property
    def caller(self) -> PhoneNumber | None:
        """The caller's number, or None when withheld or not a valid number."""
        ...

    @property
    def called(self) -> str | None:
        """The number the caller dialled (the business's line) as the platform gave it; None when not given."""
        ...

    @property
    def sample_rate(self) -> int: ...

    @property
    def state_path(self) -> list[tuple[CallState, datetime]]:
        """Every state the call went through, with when."""
        ...

    async def answer(self) -> None: ...

    def audio(self) -> AsyncIterator[bytes]:
        """The caller's audio in frames as they arrive; ends when the call ends."""
        ...

    async def play(self, pcm: bytes) -> None:
        """Queue agent audio for the line (whole 20 ms frames; a trailing part frame is padded)."""
        ...

    async def stop_playback(self) -> None:
        """Barge-in: drop whatever agent audio is still queued, at once."""
        ...

    async def wait_played(self, within: float) -> None:
        """Return once the queued agent audio has gone out, or after `within` seconds at most."""
        ...

    async def connect_to_human(self, ring_seconds: int) -> TransferOutcome: ...

    async def leave(self) -> None:
        """The agent leaves; the caller and whoever they were connected to stay on the line."""
        ...

    async def hang_up(self) -> None:
        """End the call for everyone."""
        ...

    async def wait_ended(self) -> None:
        """Return when the call is over, for whatever reason."""
        ...

    @property
    def ended(self) -> bool: ...


CallHandler = Callable[[LiveCall], Awaitable[None]]


class Telephony(Protocol):
    """A source of inbound calls (the Telcoflow platform, or its loopback stand-in)."""

    async def run(self, on_call: CallHandler) -> None:
        """Take calls and run `on_call` for each, concurrently, until `stop()`; then return."""
        ...

    async def stop(self) -> None:
        """Stop taking new calls. Calls in progress are not touched."""
        ...


@runtime_checkable
class ReportsConnection(Protocol):
    """A Telephony that can say whether it is connected to its platform now (for readiness checks)."""

    @property
    def connected(self) -> bool: ...
