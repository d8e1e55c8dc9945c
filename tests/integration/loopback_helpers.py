"""Drives the real telcoflow SDK against the loopback server for its tests. It follows the wire-protocol doc's
mitigations: the bus drops old history, closed sessions leave the registry, and the notification handler opens,
registers, readies and returns."""

from __future__ import annotations

import asyncio
import struct
from types import TracebackType
from typing import Any, Literal, Self

from telcoflow import CallAudioConfig, CallEvent, SessionManager, SessionManagerConfig

SampleRate = Literal[8000, 16000, 24000]
API_KEY = "loopback-test-key"
CONNECTOR = "loopback-test-connector"


def numbered_frames(first: int, count: int, frame_bytes: int) -> bytes:
    """`count` frames, frame n filled with the sample value first + n, so order and gaps can be read back."""
    return b"".join(struct.pack("<h", first + n) * (frame_bytes // 2) for n in range(count))


def frame_numbers(pcm: bytes, frame_bytes: int) -> list[int]:
    """The sample value of each whole frame of `numbered_frames` audio."""
    return [struct.unpack_from("<h", pcm, offset)[0] for offset in range(0, len(pcm) - frame_bytes + 1, frame_bytes)]


class AgentCall:
    """One call as the SDK-side agent sees it: the SDK's Call and Session, and what they reported."""

    def __init__(self, session: Any, call: Any, closed: asyncio.Future[str]) -> None:
        self.session: Any = session
        self.call: Any = call
        self.closed = closed  # the CloseReason of session.closed (or FORCE_CLOSE after an SM-socket drop)
        self.errors: list[dict[str, object]] = []
        self.terminated = asyncio.Event()
        call.on_call_event(CallEvent.CALL_ERROR)(self._on_error)
        call.on_terminated(self._on_terminated)

    def _on_error(self, data: dict[str, object]) -> None:
        self.errors.append(data)

    def _on_terminated(self) -> None:
        self.terminated.set()

    async def caller_audio(self, min_bytes: int, timeout: float = 5.0) -> bytes:
        """Read the caller's audio stream until at least `min_bytes` arrived (or it ended)."""
        got = bytearray()
        async with asyncio.timeout(timeout):
            stream = self.call.audio_stream()
            while len(got) < min_bytes:
                try:
                    got += await anext(stream)
                except StopAsyncIteration:
                    break
        return bytes(got)

    async def caller_audio_until(self, needle: bytes, timeout: float = 5.0) -> bytes:
        """Read the caller's audio stream until `needle` has been heard; returns all read."""
        got = bytearray()
        async with asyncio.timeout(timeout):
            stream = self.call.audio_stream()
            while needle not in got:
                got += await anext(stream)
        return bytes(got)

    async def audio_until_end(self, timeout: float = 5.0) -> bytes:
        """Read the caller's audio stream until the SDK ends it (the voice socket closed)."""
        got = bytearray()
        async with asyncio.timeout(timeout):
            async for chunk in self.call.audio_stream():
                got += chunk
        return bytes(got)


class SdkAgent:
    """An SDK SessionManager that hands every incoming call to the test through `next_call()`."""

    def __init__(
        self,
        base_url: str,
        *,
        sample_rate: SampleRate = 16000,
        api_key: str = API_KEY,
        connector_uuid: str = CONNECTOR,
    ) -> None:
        config = SessionManagerConfig.create(
            api_key=api_key,
            connector_uuid=connector_uuid,
            base_url=base_url,
            call_audio=CallAudioConfig(sample_rate=sample_rate),
        )
        self.sm: Any = SessionManager(config)
        self.sm._bus.event_history.max_history_drop = True  # wire doc 3.1: events stop after ~33 calls otherwise
        self.sm.on_session_notification(self._on_notification)
        self.notifications = 0
        self._calls: asyncio.Queue[AgentCall] = asyncio.Queue()

    async def __aenter__(self) -> Self:
        try:
            await self.sm.__aenter__()
        except BaseException:
            await self.sm.__aexit__(None, None, None)
            raise
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.sm.__aexit__(exc_type, exc, tb)

    @property
    def sessions_held(self) -> int:
        """Sessions in the SDK's registry (closed ones are evicted, wire doc 3.2)."""
        return len(self.sm._registry)

    async def next_call(self, timeout: float = 5.0) -> AgentCall:
        async with asyncio.timeout(timeout):
            return await self._calls.get()

    async def _on_notification(self, note: Any) -> None:
        self.notifications += 1
        session = await self.sm.open_session(note.session_id)
        closed: asyncio.Future[str] = asyncio.get_running_loop().create_future()

        async def on_call(call: Any) -> None:
            await self._calls.put(AgentCall(session, call, closed))

        def on_closed(reason: Any) -> None:
            self.sm._registry.pop(session.id, None)  # wire doc 3.2: otherwise ~1 MB stays per call
            if not closed.done():
                closed.set_result(str(reason))

        session.on_incoming_call(on_call)
        session.on_closed(on_closed)
        await session.ready()
