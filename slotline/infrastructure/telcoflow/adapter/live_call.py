"""One Telcoflow call as a `LiveCall`: SDK errors become port errors, audio goes out in whole frames."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any, TypeVar

from telcoflow import (
    BufferClosedError,
    BufferFullError,
    Call,
    CallEvent,
    CommandResult,
    WSSCallClosedError,
    WSSCallCommandError,
    WSSCallCommandTimeoutError,
    WSSError,
    WSSSessionError,
)

from slotline.application.errors import CallEnded, TelephonyUnavailable
from slotline.application.ports import CallState, Clock, TransferOutcome
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.telcoflow.adapter.caller import masked, parse_caller
from slotline.infrastructure.telcoflow.adapter.frames import pad_to_frames, pieces
from slotline.infrastructure.telcoflow.settings import TelcoflowSettings

log = logging.getLogger("slotline.infrastructure.telcoflow.adapter")

T = TypeVar("T")

# Command error codes the platform uses when the call is already over.
_ENDED_CODES = frozenset({"CALL_TERMINATED", "CALL_CLOSED"})
_VOICE_CLOSE_WAIT = 2.0  # seconds the platform gets to close the voice socket after the call ended


@dataclass(frozen=True, slots=True)
class CallError:
    """A `call.error` event: the platform reports a problem (a TTS session, say) and the call goes on."""

    code: str
    message: str
    at: datetime


class TelcoflowLiveCall:
    """A `LiveCall` over the SDK's `Call`. Made by `TelcoflowTelephony` for each incoming call."""

    def __init__(
        self,
        call: Call,
        config: TelcoflowSettings,
        clock: Clock,
        *,
        ring_seconds: int = 30,
        caller_region: str | None = None,
        wait_for_playout: bool = True,
    ) -> None:
        self._call = call
        self._config = config
        self._clock = clock
        self._ring_seconds = ring_seconds
        self._wait_for_playout = wait_for_playout
        self._caller = parse_caller(call.caller_number, caller_region)
        self._states: list[tuple[CallState, datetime]] = [(CallState.PENDING, clock.now())]
        self._errors: list[CallError] = []
        self._ended = asyncio.Event()
        self._frames: asyncio.Queue[bytes | None] = asyncio.Queue()
        self._dropped_frames = 0
        self._pump: asyncio.Task[None] | None = None
        self._play_lock = asyncio.Lock()
        self._playback_epoch = 0
        self._unconfirmed_audio = False  # played since wait_played last saw it all go out
        call.on_terminated(self._on_terminated)
        call.on_call_event(CallEvent.CALL_ERROR)(self._on_call_error)

    # ── What the call is ─────────────────────────────────────────────────────

    @property
    def call_id(self) -> str:
        return self._call.id

    @property
    def caller(self) -> PhoneNumber | None:
        return self._caller

    @property
    def called(self) -> str | None:
        return self._call.callee_number or None

    @property
    def sample_rate(self) -> int:
        return self._config.sample_rate

    @property
    def state_path(self) -> list[tuple[CallState, datetime]]:
        return list(self._states)

    @property
    def ended(self) -> bool:
        return self._ended.is_set()

    @property
    def errors(self) -> list[CallError]:
        """Every `call.error` the platform reported on this call, oldest first."""
        return list(self._errors)

    def __repr__(self) -> str:
        return f"TelcoflowLiveCall({self.call_id}, caller={masked(self._caller)}, state={self._states[-1][0]})"

    # ── Commands ─────────────────────────────────────────────────────────────

    async def answer(self) -> None:
        self._ensure_live()
        result = await self._sdk("answer", self._call.answer)
        self._check(result, "answer")
        self._enter(CallState.ANSWERED)
        if self._pump is None:
            self._pump = asyncio.create_task(self._pump_caller_audio(), name=f"telcoflow-audio-{self.call_id}")
        log.info("call %s: answered (caller %s)", self.call_id, masked(self._caller))

    async def audio(self) -> AsyncIterator[bytes]:
        """Caller frames as they arrive; several iterators in turn share one stream, and all end with the call."""
        while True:
            frame = await self._frames.get()
            if frame is None:
                self._frames.put_nowait(None)  # the next iterator ends too
                return
            yield frame

    async def play(self, pcm: bytes) -> None:
        if not pcm:
            return
        self._ensure_live()
        epoch = self._playback_epoch
        data = pad_to_frames(pcm, self._config.frame_bytes)
        frame = self._config.frame_bytes
        piece_bytes = min(self._config.send_buffer_bytes // 2, self._config.sample_rate * 2) // frame * frame
        async with self._play_lock:
            self._unconfirmed_audio = True
            for piece in pieces(data, piece_bytes):
                while True:
                    if epoch != self._playback_epoch:
                        return  # stop_playback() dropped the rest on purpose
                    self._ensure_live()
                    try:
                        await self._sdk("send audio", partial(self._call.send_audio, piece))
                        break
                    except BufferFullError:
                        await self._sleep(self._config.poll_seconds)  # the line drains 20 ms a frame

    async def stop_playback(self) -> None:
        self._playback_epoch += 1
        self._ensure_live()
        try:
            cleared = await self._sdk("interrupt", self._call.clear_send_audio_buffer)
        except (WSSCallCommandError, WSSCallCommandTimeoutError) as exc:
            # The local buffer is already empty; only the platform's jitter buffer (a few frames) may still play.
            if self._ended_by(getattr(exc, "error_code", None)):
                raise CallEnded(self.call_id) from exc
            log.warning("call %s: agent.interrupt failed (%s); local audio was dropped", self.call_id, exc)
            return
        log.debug("call %s: barge-in dropped %d queued bytes", self.call_id, cleared)

    async def wait_played(self, within: float) -> None:
        if self._ended.is_set() or not self._wait_for_playout:
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while self._play_lock.locked() or await self._queued_bytes() > 0:
            if self.ended:
                return
            if loop.time() >= deadline:
                log.warning("call %s: agent audio still queued after %.1f s", self.call_id, within)
                return
            await self._sleep(min(self._config.poll_seconds, deadline - loop.time()))
        if self._unconfirmed_audio:
            # The send buffer is empty; the platform's jitter buffer still holds the last frames.
            await self._sleep(min(self._config.drain_grace_ms / 1000, max(0.0, deadline - loop.time())))
            self._unconfirmed_audio = False

    async def connect_to_human(self, ring_seconds: int | None = None) -> TransferOutcome:
        ring = self._ring_seconds if ring_seconds is None else ring_seconds
        if not 1 <= ring <= 120:
            raise ValueError(f"ring_seconds must be 1..120, got {ring}")
        self._ensure_live()
        try:
            result = await self._sdk("connect", lambda: self._call.connect(ring_time_seconds=ring))
        except TelephonyUnavailable as exc:
            log.warning("call %s: transfer failed: %s", self.call_id, exc)
            return TransferOutcome.FAILED
        if result.success:
            self._enter(CallState.CONNECTED)
            log.info("call %s: connected to a person", self.call_id)
            return TransferOutcome.CONNECTED
        if self._ended_by(result.error_code):
            raise CallEnded(self.call_id)
        if result.error_code == "CALL_UNANSWERED":
            log.info("call %s: transfer rang out after %d s", self.call_id, ring)
            return TransferOutcome.UNANSWERED
        log.warning("call %s: transfer failed: %s %s", self.call_id, result.error_code, result.error_message)
        return TransferOutcome.FAILED

    async def leave(self) -> None:
        self._ensure_live()
        self._check(await self._sdk("close", self._call.close), "close")
        self._mark_ended("the agent left")

    async def hang_up(self) -> None:
        self._ensure_live()
        self._check(await self._sdk("disconnect", self._call.disconnect), "disconnect")
        self._mark_ended("the agent hung up")

    async def wait_ended(self) -> None:
        await self._ended.wait()

    # ── Called by TelcoflowTelephony ─────────────────────────────────────────

    def session_closed(self, reason: str) -> None:
        """The SM plane closed the session. FORCE_CLOSE (the SM socket dropped) leaves the call running."""
        if reason != "FORCE_CLOSE":
            self._mark_ended(f"session closed ({reason})")

    async def release(self) -> None:
        """After the handler: end the call if it is still up, and make sure its voice socket is closed."""
        if not self.ended:
            log.warning("call %s: the handler returned with the call still up; hanging up", self.call_id)
            try:
                await self.hang_up()
            except (CallEnded, TelephonyUnavailable) as exc:
                log.warning("call %s: hang-up after the handler failed: %s", self.call_id, exc)
                self._mark_ended("released")
        if self._pump is not None:
            # Defect 6: the SDK never closes the voice socket itself; give the platform a moment, then do it.
            done, _ = await asyncio.wait({self._pump}, timeout=_VOICE_CLOSE_WAIT)
            if not done:
                log.warning("call %s: the platform left the voice socket open; closing it", self.call_id)
        voice = self._call.voice_session
        if voice is not None and voice.is_connected():
            await voice.close()  # type: ignore[no-untyped-call]  # the SDK leaves this one unannotated
        if self._pump is not None:
            self._pump.cancel()
            await asyncio.gather(self._pump, return_exceptions=True)

    # ── Inside ───────────────────────────────────────────────────────────────

    async def _pump_caller_audio(self) -> None:
        """The only reader of the SDK's unbounded queue: keeps a bounded backlog and sees the socket close."""
        try:
            async for frame in self._call.audio_stream():
                if self.ended:
                    continue
                if self._frames.qsize() >= self._config.caller_backlog_frames:
                    self._frames.get_nowait()
                    self._dropped_frames += 1
                    if self._dropped_frames == 1:
                        log.info("call %s: nobody is reading caller audio; dropping the oldest", self.call_id)
                self._frames.put_nowait(frame)
        finally:
            self._mark_ended("the voice socket closed")

    def _on_terminated(self) -> None:
        # Runs inside the SDK's voice receive loop: keep it instant.
        self._mark_ended("call.terminated")

    def _on_call_error(self, data: dict[str, Any]) -> None:
        error = CallError(str(data.get("error_code", "")), str(data.get("error_message", "")), self._clock.now())
        self._errors.append(error)
        log.warning("call %s: platform reported %s: %s", self.call_id, error.code, error.message)

    def _mark_ended(self, why: str) -> None:
        if self._ended.is_set():
            return
        self._enter(CallState.DISCONNECTED)
        self._ended.set()
        self._frames.put_nowait(None)
        log.info("call %s: ended (%s)", self.call_id, why)

    def _enter(self, state: CallState) -> None:
        if self._states[-1][0] is not state:
            self._states.append((state, self._clock.now()))

    def _ensure_live(self) -> None:
        if self.ended:
            raise CallEnded(self.call_id)

    def _ended_by(self, code: str | None) -> bool:
        if code in _ENDED_CODES:
            self._mark_ended(f"platform says {code}")
        return self.ended

    def _voice_gone(self) -> bool:
        voice = self._call.voice_session
        return voice is not None and not voice.is_connected()

    def _check(self, result: CommandResult, what: str) -> None:
        if result.success:
            return
        if self._ended_by(result.error_code):
            raise CallEnded(self.call_id)
        raise TelephonyUnavailable(f"call.{what} on call {self.call_id}: {result.error_code} {result.error_message}")

    async def _sdk(self, what: str, command: Callable[[], Awaitable[T]]) -> T:
        """Run one SDK operation; its errors come out as CallEnded or TelephonyUnavailable."""
        try:
            return await command()
        except (BufferFullError, WSSCallCommandError, WSSCallCommandTimeoutError):
            raise  # the caller of _sdk decides
        except (WSSCallClosedError, WSSSessionError, BufferClosedError) as exc:
            self._mark_ended(f"{what}: {exc}")
            raise CallEnded(self.call_id) from exc
        except WSSError as exc:
            if self.ended or self._voice_gone():
                self._mark_ended(f"{what}: {exc}")
                raise CallEnded(self.call_id) from exc
            raise TelephonyUnavailable(f"{what} on call {self.call_id}: {exc}") from exc

    async def _queued_bytes(self) -> int:
        try:
            return await self._sdk("buffer size", self._call.get_send_audio_buffer_size)
        except CallEnded:
            return 0

    async def _sleep(self, seconds: float) -> None:
        """Sleep, but wake as soon as the call ends."""
        if seconds <= 0:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._ended.wait(), timeout=seconds)
