"""One call as the server runs it: its session binding, state, voice socket, media clock and end-of-call sequence."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, Protocol

from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from slotline.infrastructure.telcoflow.loopback import frames
from slotline.infrastructure.telcoflow.loopback.audio import CHANNEL_0
from slotline.infrastructure.telcoflow.loopback.concurrency import Pulse, TaskSet
from slotline.infrastructure.telcoflow.loopback.media import CallMedia
from slotline.infrastructure.telcoflow.loopback.stats import LoopbackStats
from slotline.infrastructure.telcoflow.loopback.ticker import run_ticker

logger = logging.getLogger(__name__)

_COMMANDS_KEPT = 10_000  # per call; a client spamming commands must not grow the list without end

EndReason = Literal["disconnect", "close", "caller_hangup", "dropped", "stopped"]
"""How a call ended: the agent's call.disconnect or call.close, the caller hanging up, the voice socket dropping
without either, or the server stopping."""


class LineState(StrEnum):
    PENDING = "PENDING"
    ANSWERED = "ANSWERED"
    CONNECTED = "CONNECTED"  # call.connect was answered by the far end
    DISCONNECTED = "DISCONNECTED"


class SessionChannel(Protocol):
    """The session-manager socket a session is bound to."""

    @property
    def id(self) -> str: ...

    @property
    def is_open(self) -> bool: ...

    async def send(self, frame: Mapping[str, object]) -> bool: ...


@dataclass(frozen=True, slots=True)
class Transfer:
    """How the far end of a call.connect behaves: pick up or not, after ringing min(requested, ring_seconds)."""

    answer: bool = True
    ring_seconds: float = 0.2


@dataclass(frozen=True, slots=True)
class LineSettings:
    jitter_ms: int
    record: bool
    caller_queue_seconds: int
    transfer: Transfer


@dataclass(frozen=True, slots=True)
class Identity:
    session_id: str
    call_id: str
    org_uuid: str
    caller: str
    callee: str
    url: str
    token: str


class CallLine:
    """Server-side state of one call. Its end sequence runs once, whatever triggers it:
    [command_response] -> call_event call.terminated -> voice WS close 1000 -> session.closed on the bound SM socket.
    """

    def __init__(self, identity: Identity, settings: LineSettings, *, tasks: TaskSet, stats: LoopbackStats) -> None:
        self.identity = identity
        self.settings = settings
        self.transfer = settings.transfer
        self.opened_at = int(time.time())
        self.link: SessionChannel | None = None
        self.delivered = False
        self.delivered_to: str | None = None  # the smWsId of the SM socket call.in went to
        self.media: CallMedia | None = None
        self.voice: ServerConnection | None = None
        self.state = LineState.PENDING
        self.state_path: list[tuple[LineState, float]] = [(LineState.PENDING, time.monotonic())]
        self.commands: list[str] = []
        self.interrupts = 0
        self.pending_commands: dict[str, asyncio.Task[None]] = {}
        self.pulse = Pulse()
        self._tasks = tasks
        self._stats = stats
        self._ticker: asyncio.Task[None] | None = None
        self._how: EndReason | None = None
        self.end_reason: EndReason | None = None  # set once the whole end sequence has run

    # ── Session plane ───────────────────────────────────────────────────────────────────────────────────────

    def bind(self, link: SessionChannel, sample_rate: int) -> None:
        """Bind the session to the SM socket that opened it; the first binding fixes the call's sample rate."""
        self.link = link
        if self.media is None:
            self.media = CallMedia(
                sample_rate,
                self.settings.jitter_ms,
                record=self.settings.record,
                caller_queue_seconds=self.settings.caller_queue_seconds,
            )

    def unbind(self, link: SessionChannel) -> None:
        if self.link is link:
            self.link = None

    def mark_delivered(self, link_id: str) -> None:
        self.delivered = True
        self.delivered_to = link_id
        self.pulse.fire()

    # ── State ───────────────────────────────────────────────────────────────────────────────────────────────

    @property
    def ending(self) -> bool:
        """True from the moment the end sequence is decided, before it has finished."""
        return self._how is not None

    def _advance(self, state: LineState) -> None:
        if self.state is not state:
            self.state = state
            self.state_path.append((state, time.monotonic()))
        self.pulse.fire()

    def answer(self) -> None:
        if self.state is LineState.PENDING:
            self._advance(LineState.ANSWERED)

    def connected(self) -> None:
        self._advance(LineState.CONNECTED)

    def record_command(self, name: str) -> None:
        if len(self.commands) < _COMMANDS_KEPT:
            self.commands.append(name)
        self.pulse.fire()

    def interrupt(self) -> None:
        self.interrupts += 1
        if self.media is not None:
            dropped = self.media.pacer.interrupt()
            logger.debug("call %s: interrupt dropped %d queued agent bytes", self.identity.call_id, dropped)

    # ── Voice plane ─────────────────────────────────────────────────────────────────────────────────────────

    def attach(self, voice: ServerConnection) -> bool:
        """Take the call's voice socket; False when one is already attached."""
        if self.voice is not None:
            return False
        self.voice = voice
        return True

    def detach(self, voice: ServerConnection) -> None:
        if self.voice is voice:
            self.voice = None

    async def send_voice(self, frame: Mapping[str, object]) -> bool:
        return await self._send_raw(frames.encode(frame))

    async def _send_raw(self, message: str | bytes) -> bool:
        voice = self.voice
        if voice is None:
            return False
        try:
            await voice.send(message)
        except ConnectionClosed:
            return False
        return True

    # ── Media clock ─────────────────────────────────────────────────────────────────────────────────────────

    def start_media(self) -> None:
        """Start the 20 ms ticker (once), after the answer's command_response went out."""
        if self._ticker is None and not self.ending and self.media is not None:
            name = f"loopback-ticker-{self.identity.call_id}"
            self._ticker = self._tasks.spawn(run_ticker(self._tick, self._stats), name)

    async def _tick(self) -> bool:
        media = self.media
        if media is None or self.ending:
            return False
        step = media.step()
        self.pulse.fire()
        if not await self._send_raw(CHANNEL_0 + step.caller_frame):
            return False
        return step.request == 0 or await self.send_voice(frames.buffer_request(step.request, media.frame))

    # ── End of call ─────────────────────────────────────────────────────────────────────────────────────────

    def begin_end(self, how: EndReason) -> bool:
        """Decide how the call ends; True only for the first caller, who must then run `finish_end`."""
        if self._how is not None:
            return False
        self._how = how
        self.pulse.fire()
        return True

    async def end(self, how: EndReason) -> None:
        """Run the end sequence now (no command to answer first), or wait for the one already running."""
        if self.begin_end(how):
            await self.finish_end()
        else:
            await self.pulse.wait_until(lambda: self.end_reason is not None)

    async def finish_end(self) -> None:
        """The end sequence; whatever fails in it, the call still ends and waiters are released."""
        how = self._how
        assert how is not None, "begin_end decides how the call ends"
        try:
            await self._end_sequence(how)
        finally:
            if self.state is not LineState.DISCONNECTED:
                self._advance(LineState.DISCONNECTED)
            self.end_reason = how
            self.pulse.fire()
            logger.info("call %s ended: %s", self.identity.call_id, how)

    async def _end_sequence(self, how: EndReason) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
            await asyncio.wait([self._ticker])
        for command_id, task in list(self.pending_commands.items()):
            task.cancel()
            await self.send_voice(frames.command_failed(command_id, "CALL_TERMINATED", "the call has ended"))
        self.pending_commands.clear()
        voice = self.voice
        if voice is not None and how != "dropped":
            await self.send_voice(frames.call_event(frames.CALL_TERMINATED))
            await voice.close(1000)
        if self.media is not None:
            self.media.feed.clear()
        self._advance(LineState.DISCONNECTED)
        reason = "SDK_REQUEST" if how == "close" else "CALL_TERMINATED"
        link = self.link
        if link is not None and link.is_open:
            await link.send(frames.session_closed(self.identity.session_id, reason))
        else:
            logger.info("call %s: no session manager bound, so no session.closed", self.identity.call_id)
