"""One session-manager socket: setup, session.open/ready, call.in, call_flow.setup, and errors for the rest."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Mapping

from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed
from websockets.protocol import State

from slotline.infrastructure.telcoflow.loopback import frames
from slotline.infrastructure.telcoflow.loopback.audio import SAMPLE_RATES
from slotline.infrastructure.telcoflow.loopback.frames import Frame, object_field, text_field
from slotline.infrastructure.telcoflow.loopback.privacy import masked
from slotline.infrastructure.telcoflow.loopback.stats import LoopbackStats
from slotline.infrastructure.telcoflow.loopback.switchboard import Switchboard

logger = logging.getLogger(__name__)

_AUDIO_MODES = ("mixed", "isolated")
_NOT_HERE = {"session.create", "wa.msg.out"}  # outbound sessions and WhatsApp: not offered by the loopback


class SessionManagerLink:
    """The server's end of one SDK SessionManager connection."""

    def __init__(self, ws: ServerConnection, board: Switchboard, stats: LoopbackStats) -> None:
        self._ws = ws
        self._board = board
        self._stats = stats
        self._id = f"sm-{uuid.uuid4().hex[:12]}"
        self._dropped = False
        self.sample_rate: int | None = None
        self.audio_mode = "mixed"
        self.call_flow: Frame | None = None
        self.connected_at = time.monotonic()

    @property
    def id(self) -> str:
        """The smWsId sent in setup.done."""
        return self._id

    @property
    def is_open(self) -> bool:
        return not self._dropped and self._ws.state is State.OPEN

    async def send(self, frame: Mapping[str, object]) -> bool:
        """Send one frame; False (never an exception) when the socket is gone."""
        if not self.is_open:
            return False
        try:
            await self._ws.send(frames.encode(frame))
        except ConnectionClosed:
            return False
        return True

    def drop(self) -> None:
        """Cut the TCP connection with no close frame (the SDK sees 1006) and forget the socket at once."""
        self._dropped = True
        self._board.remove_link(self)
        self._ws.transport.abort()

    async def serve(self) -> None:
        self._board.add_link(self)
        version = self._ws.request.headers.get("x-sdk-version") if self._ws.request is not None else None
        logger.info("session manager %s connected (sdk %s)", self._id, version)
        try:
            async for message in self._ws:
                try:
                    await self._on_message(message)
                except Exception:
                    self._stats.malformed_frames += 1
                    logger.exception("session manager %s: frame handling failed; frame ignored", self._id)
        except ConnectionClosed:
            logger.info("session manager %s: socket closed abnormally", self._id)
        finally:
            self._board.remove_link(self)
            logger.info("session manager %s disconnected", self._id)

    async def _on_message(self, message: str | bytes) -> None:
        frame = frames.parse_object(message) if isinstance(message, str) else None
        kind = text_field(frame, "type") if frame is not None else None
        if frame is None or kind is None:
            self._stats.malformed_frames += 1
            logger.warning("session manager %s: frame that is not a typed JSON object ignored", self._id)
            return
        if kind == "setup":
            await self._setup(frame)
        elif kind == "session.ready":
            await self._ready(frame)
        else:
            await self._request(kind, frame)

    async def _setup(self, frame: Frame) -> None:
        data = object_field(frame, "data") or {}
        rate, mode = data.get("sampleRate"), data.get("audioMode", "mixed")
        if not isinstance(rate, int) or rate not in SAMPLE_RATES or mode not in _AUDIO_MODES:
            self._stats.malformed_frames += 1
            logger.warning("session manager %s: unsupported setup %r/%r; closing", self._id, rate, mode)
            await self._ws.close(1008, "unsupported sampleRate or audioMode")
            return
        if self.sample_rate is None:
            self.sample_rate, self.audio_mode = rate, str(mode)
        await self.send(frames.setup_done(self._id))
        await self._board.link_ready(self)

    async def _ready(self, frame: Frame) -> None:
        session_id = text_field(frame, "sessionId")
        line = self._board.line_for_session(session_id) if session_id is not None else None
        if line is None or line.link is not self:
            logger.warning("session manager %s: session.ready for a session it has not opened ignored", self._id)
            return
        if line.delivered or line.ending:
            return
        identity = line.identity
        call_in = frames.call_in(
            identity.session_id,
            identity.call_id,
            identity.org_uuid,
            identity.caller,
            identity.callee,
            identity.url,
            identity.token,
        )
        if await self.send(call_in):
            logger.info("call %s from %s offered to %s", identity.call_id, masked(identity.caller), self._id)
            line.mark_delivered(self._id)

    async def _request(self, kind: str, frame: Frame) -> None:
        req_id = text_field(frame, "reqId")
        if req_id is None:
            self._stats.malformed_frames += 1
            logger.warning("session manager %s: %r frame without reqId ignored", self._id, kind)
            return
        if kind == "session.open":
            reply = self._open(req_id, text_field(frame, "sessionId"))
        elif kind == "call_flow.setup":
            reply = self._call_flow(req_id, frame)
        elif kind in _NOT_HERE:
            reply = frames.response_error(req_id, "CHANNEL_NOT_CONFIGURED", f"{kind} is not offered by the loopback")
        else:
            self._stats.malformed_frames += 1
            reply = frames.response_error(req_id, "INVALID_REQUEST", f"unknown request type {kind!r}")
        await self.send(reply)

    def _open(self, req_id: str, session_id: str | None) -> Frame:
        if session_id is None:
            return frames.response_error(req_id, "INVALID_REQUEST", "sessionId is missing")
        self._stats.session_opens += 1
        if self.sample_rate is None:
            return frames.response_error(req_id, "INVALID_REQUEST", "send setup first")
        line = self._board.line_for_session(session_id)
        if line is None:
            return frames.response_error(req_id, "SESSION_NOT_FOUND", "no such session")
        if line.ending:
            return frames.response_error(req_id, "SESSION_CLOSED", "the call has ended")
        if line.link is not None and line.link is not self and line.link.is_open:
            self._stats.sessions_busy += 1
            return frames.response_error(req_id, "SESSION_BUSY", "opened elsewhere", boundSmWsId=line.link.id)
        line.bind(self, self.sample_rate)
        identity = line.identity
        info = frames.session_info(session_id, identity.caller, identity.callee, line.opened_at)
        return frames.response_ok(req_id, {"session": info})

    def _call_flow(self, req_id: str, frame: Frame) -> Frame:
        data = object_field(frame, "data")
        if data is None:
            return frames.response_error(req_id, "INVALID_REQUEST", "data is missing")
        self.call_flow = data
        return frames.response_ok(req_id, {})
