"""A call placed through the loopback server, as a test or the demo sees it: the caller's side of the line."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from functools import partial

from slotline.infrastructure.telcoflow.loopback import frames
from slotline.infrastructure.telcoflow.loopback.errors import CallEndedEarly, VoiceNotConnected
from slotline.infrastructure.telcoflow.loopback.line import CallLine, EndReason, LineState, Transfer
from slotline.infrastructure.telcoflow.loopback.media import CallMedia
from slotline.infrastructure.telcoflow.loopback.recording import CallRecording


class LoopbackCall:
    """Feed caller audio, hear what the agent played, decide how a transfer goes, hang up, and watch what happened.

    Audio is PCM16LE mono at `sample_rate` (the `setup.sampleRate` of the SDK connection that took the call).
    """

    def __init__(self, line: CallLine) -> None:
        self._line = line

    def __repr__(self) -> str:
        return f"LoopbackCall({self.call_id!r}, {self.state})"

    # ── Identity ────────────────────────────────────────────────────────────────────────────────────────────

    @property
    def call_id(self) -> str:
        return self._line.identity.call_id

    @property
    def session_id(self) -> str:
        return self._line.identity.session_id

    @property
    def caller(self) -> str:
        return self._line.identity.caller

    @property
    def callee(self) -> str:
        return self._line.identity.callee

    @property
    def session_manager_id(self) -> str | None:
        """The smWsId of the agent connection that opened the session and got `call.in` (None before)."""
        return self._line.delivered_to

    @property
    def sample_rate(self) -> int:
        return self._media.sample_rate

    @property
    def frame_bytes(self) -> int:
        """Bytes in one 20 ms frame at this call's rate."""
        return self._media.frame

    @property
    def _media(self) -> CallMedia:
        media = self._line.media
        if media is None:
            raise RuntimeError("the call's session was never opened, so it has no sample rate")
        return media

    # ── What happened ───────────────────────────────────────────────────────────────────────────────────────

    @property
    def state(self) -> LineState:
        return self._line.state

    @property
    def state_path(self) -> list[tuple[LineState, float]]:
        """Each state with the `time.monotonic()` it began: PENDING -> ANSWERED -> (CONNECTED) -> DISCONNECTED."""
        return list(self._line.state_path)

    @property
    def commands(self) -> list[str]:
        """Names of the voice commands received, in order (also those refused)."""
        return list(self._line.commands)

    @property
    def interrupts(self) -> int:
        """How many agent.interrupt commands arrived."""
        return self._line.interrupts

    @property
    def ended(self) -> EndReason | None:
        """How the call ended once its end sequence is complete, else None."""
        return self._line.end_reason

    @property
    def agent_audio(self) -> bytes:
        """Everything the agent played, in playout order, as heard on the line (interrupted audio never plays)."""
        return bytes(self._media.agent_audio)

    @property
    def agent_bytes_played(self) -> int:
        """How much agent audio has played: `len(agent_audio)` without copying it (for callers that poll)."""
        return len(self._media.agent_audio)

    @property
    def caller_audio_pending(self) -> int:
        """Caller bytes fed and not yet sent."""
        return self._media.feed.pending

    def recording(self) -> CallRecording:
        """Caller audio sent and agent audio played, aligned on the 20 ms ticks (empty with `record=False`)."""
        return self._media.recording()

    # ── Waiting ─────────────────────────────────────────────────────────────────────────────────────────────

    async def wait_answered(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109 - a deadline is this API's point
        """Until call.answer (or an answered call.connect) succeeded. Raises CallEndedEarly or TimeoutError."""
        line = self._line
        async with asyncio.timeout(timeout):
            await line.pulse.wait_until(lambda: self._was_answered() or line.ending)
        if not self._was_answered():
            raise CallEndedEarly(self.call_id, line.end_reason or "ending")

    async def wait_agent_audio(self, min_bytes: int, timeout: float = 5.0) -> bytes:  # noqa: ASYNC109 - a deadline is this API's point
        """Until at least `min_bytes` of agent audio have played; returns all played so far."""
        media, line = self._media, self._line
        async with asyncio.timeout(timeout):
            await line.pulse.wait_until(partial(self._played_or_ending, min_bytes))
        if len(media.agent_audio) < min_bytes:
            raise CallEndedEarly(self.call_id, line.end_reason or "ending")
        return bytes(media.agent_audio)

    async def played_frames(self) -> AsyncIterator[bytes]:
        """Each 20 ms agent frame as it plays (from the first), until the call ends."""
        media = self._media
        index = 0
        while True:
            wanted = index + media.frame
            await self._line.pulse.wait_until(partial(self._played_or_ending, wanted))
            if len(media.agent_audio) < wanted:
                return
            yield bytes(media.agent_audio[index:wanted])
            index = wanted

    async def wait_for_command(self, name: str, timeout: float = 5.0) -> None:  # noqa: ASYNC109 - a deadline is the point
        """Until a command called `name` (e.g. "agent.interrupt") has arrived on the voice socket."""
        line = self._line
        async with asyncio.timeout(timeout):
            await line.pulse.wait_until(lambda: name in line.commands)

    def _was_answered(self) -> bool:
        return any(state in (LineState.ANSWERED, LineState.CONNECTED) for state, _ in self._line.state_path)

    def _played_or_ending(self, size: int) -> bool:
        return len(self._media.agent_audio) >= size or self._line.ending

    async def wait_ended(self, timeout: float = 5.0) -> EndReason:  # noqa: ASYNC109 - a deadline is this API's point
        """Until the end sequence is complete; returns how the call ended."""
        line = self._line
        async with asyncio.timeout(timeout):
            await line.pulse.wait_until(lambda: line.end_reason is not None)
        assert line.end_reason is not None
        return line.end_reason

    # ── The caller's actions ────────────────────────────────────────────────────────────────────────────────

    def feed(self, pcm: bytes) -> None:
        """Queue caller audio; it goes out one frame per tick once answered (silence when idle).

        Ignored once the call is ending. Raises CallerFeedFull past the queue limit and ValueError for odd lengths.
        """
        if not self._line.ending:
            self._media.feed.feed(pcm)

    def set_transfer(self, *, answer: bool, ring_seconds: float | None = None) -> None:
        """How the next call.connect goes: answered (CONNECTED) or not (CALL_UNANSWERED) after the ring time."""
        ring = ring_seconds if ring_seconds is not None else self._line.transfer.ring_seconds
        if ring < 0:
            raise ValueError("ring_seconds cannot be negative")
        self._line.transfer = Transfer(answer=answer, ring_seconds=ring)

    async def hang_up(self) -> None:
        """The caller hangs up: call.terminated, the voice socket closes, session.closed CALL_TERMINATED."""
        await self._line.end("caller_hangup")

    async def inject_error(self, error_code: str, error_message: str) -> None:
        """Send a call_event call.error (the call stays up), as the platform does when e.g. its TTS fails."""
        event = frames.call_event(frames.CALL_ERROR, error_code=error_code, error_message=error_message)
        if self._line.ending or not await self._line.send_voice(event):
            raise VoiceNotConnected(self.call_id)
