"""The loopback Telcoflow server: both sockets of the protocol on 127.0.0.1, and the caller's controls for tests."""

from __future__ import annotations

import asyncio
import logging
import secrets
import uuid
from types import TracebackType
from typing import Self

from websockets.asyncio.server import Server, ServerConnection, serve

from slotline.infrastructure.telcoflow.loopback.call import LoopbackCall
from slotline.infrastructure.telcoflow.loopback.concurrency import TaskSet
from slotline.infrastructure.telcoflow.loopback.errors import CallNotDelivered, NoSessionManager
from slotline.infrastructure.telcoflow.loopback.frames import VOICE_PATH_PREFIX
from slotline.infrastructure.telcoflow.loopback.handshake import (
    Credentials,
    is_session_manager,
    make_handshake_check,
    voice_call_id,
)
from slotline.infrastructure.telcoflow.loopback.line import CallLine, Identity, LineSettings, Transfer
from slotline.infrastructure.telcoflow.loopback.privacy import WireLogFilter, masked
from slotline.infrastructure.telcoflow.loopback.session_manager import SessionManagerLink
from slotline.infrastructure.telcoflow.loopback.stats import LoopbackStats
from slotline.infrastructure.telcoflow.loopback.switchboard import Switchboard
from slotline.infrastructure.telcoflow.loopback.voice import serve_voice

logger = logging.getLogger(__name__)
wire_logger = logging.getLogger(f"{__package__}.wire")  # the websockets library logs here, through WireLogFilter

_MAX_MESSAGE_BYTES = 2**18  # far above any frame the SDK sends; a bigger one closes only that socket (1009)
_STOP_GRACE_SECONDS = 2.0


class LoopbackTelcoflowServer:
    """A stand-in for the Telcoflow platform that the unmodified telcoflow SDK connects to.

    Use as `async with LoopbackTelcoflowServer() as server:` and point the SDK at `server.base_url`. With
    `api_key` and `connector_uuid` set, SM handshakes without both are refused with HTTP 401.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        api_key: str | None = None,
        connector_uuid: str | None = None,
        jitter_ms: int = 60,
        *,
        ring_seconds: float = 0.2,
        record: bool = True,
        caller_queue_seconds: int = 600,
        org_uuid: str | None = None,
    ) -> None:
        if (api_key is None) != (connector_uuid is None) or api_key == "" or connector_uuid == "":
            raise ValueError("api_key and connector_uuid go together, and neither is empty")
        if not 20 <= jitter_ms <= 1000:
            raise ValueError("jitter_ms is between 20 and 1000")
        if ring_seconds < 0 or caller_queue_seconds <= 0:
            raise ValueError("ring_seconds cannot be negative and caller_queue_seconds must be positive")
        self._host = host
        self._port = port
        self._credentials = Credentials(api_key, connector_uuid) if api_key is not None and connector_uuid else None
        self._settings = LineSettings(jitter_ms, record, caller_queue_seconds, Transfer(True, ring_seconds))
        self._org_uuid = org_uuid or str(uuid.uuid4())
        self._board = Switchboard()
        self._tasks = TaskSet()
        self._links: list[SessionManagerLink] = []
        self._calls: list[LoopbackCall] = []
        self._server: Server | None = None
        self.stats = LoopbackStats()

    # ── Lifecycle ───────────────────────────────────────────────────────────────────────────────────────────

    async def start(self) -> None:
        if self._server is not None:
            return
        if not any(isinstance(f, WireLogFilter) for f in wire_logger.filters):
            wire_logger.addFilter(WireLogFilter())
        self._server = await serve(
            self._handle,
            self._host,
            self._port,
            compression=None,
            process_request=make_handshake_check(self._credentials, self._board, self.stats),
            max_size=_MAX_MESSAGE_BYTES,
            close_timeout=_STOP_GRACE_SECONDS,
            logger=wire_logger,
        )
        logger.info("loopback Telcoflow server listening on %s", self.base_url)

    async def stop(self) -> None:
        """End live calls (reason `stopped`), close every socket, and cancel and await every task."""
        server, self._server = self._server, None
        if server is None:
            return
        live = [line.end("stopped") for line in self._board.lines if not line.ending]
        if live:
            ends = [asyncio.ensure_future(end) for end in live]
            done, pending = await asyncio.wait(ends, timeout=_STOP_GRACE_SECONDS)
            for task in pending:
                task.cancel()
            await asyncio.wait(done | pending)
        server.close()
        await server.wait_closed()
        await self._tasks.cancel_all()
        logger.info("loopback Telcoflow server stopped")

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the server is not running")
        port: int = self._server.sockets[0].getsockname()[1]
        return port

    @property
    def base_url(self) -> str:
        """What to give the SDK as `base_url`, e.g. ws://127.0.0.1:40123."""
        host = f"[{self._host}]" if ":" in self._host else self._host
        return f"ws://{host}:{self.port}"

    # ── Views ───────────────────────────────────────────────────────────────────────────────────────────────

    @property
    def calls(self) -> list[LoopbackCall]:
        """Every call placed and delivered, oldest first (until `discard_ended_calls`)."""
        return list(self._calls)

    @property
    def sm_connections(self) -> list[SessionManagerLink]:
        """Open session-manager sockets, oldest first."""
        return [link for link in self._links if link.is_open]

    def discard_ended_calls(self) -> int:
        """Forget calls whose end sequence is complete (for long runs); returns how many were dropped."""
        ended = [call for call in self._calls if call.ended is not None]
        for call in ended:
            line = self._board.line_for_call(call.call_id)
            if line is not None:
                self._board.forget(line)
        self._calls = [call for call in self._calls if call.ended is None]
        return len(ended)

    # ── Caller-side controls ────────────────────────────────────────────────────────────────────────────────

    async def wait_for_session_manager(self, timeout: float = 5.0) -> SessionManagerLink:  # noqa: ASYNC109 - a deadline is this API's point
        """The newest session-manager socket that has finished setup, waiting up to `timeout` for one."""
        try:
            async with asyncio.timeout(timeout):
                await self._board.links_changed.wait_until(lambda: bool(self._ready_links()))
        except TimeoutError as exc:
            raise NoSessionManager(timeout) from exc
        return self._ready_links()[-1]

    def _ready_links(self) -> list[SessionManagerLink]:
        ready = {link.id for link in self._board.ready_links()}
        return [link for link in self._links if link.id in ready]

    async def place_call(
        self,
        caller: str = "+12125550123",
        callee: str = "+12125550100",
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 - a deadline is the point
    ) -> LoopbackCall:
        """Ring the agent: session.notify to every SM socket, then wait for session.open, session.ready and call.in.

        Raises NoSessionManager when no SDK is connected and CallNotDelivered when none took the call in `timeout`.
        """
        if self._server is None:
            raise RuntimeError("the server is not running")
        deadline = asyncio.get_running_loop().time() + timeout
        await self.wait_for_session_manager(timeout)
        line = self._new_line(caller, callee)
        logger.info("placing call %s from %s", line.identity.call_id, masked(caller))
        await self._board.offer(line)
        try:
            async with asyncio.timeout_at(deadline):
                await line.pulse.wait_until(lambda: line.delivered or line.ending)
        except TimeoutError as exc:
            self._board.forget(line)
            raise CallNotDelivered(line.identity.session_id, timeout) from exc
        if not line.delivered:  # the server stopped meanwhile
            raise CallNotDelivered(line.identity.session_id, timeout)
        call = LoopbackCall(line)
        self._calls.append(call)
        return call

    def _new_line(self, caller: str, callee: str) -> CallLine:
        call_id = str(uuid.uuid4())
        identity = Identity(
            session_id=str(uuid.uuid4()),
            call_id=call_id,
            org_uuid=self._org_uuid,
            caller=caller,
            callee=callee,
            url=f"{self.base_url}{VOICE_PATH_PREFIX}{call_id}",
            token=secrets.token_urlsafe(24),
        )
        return CallLine(identity, self._settings, tasks=self._tasks, stats=self.stats)

    async def drop_session_manager(self) -> int:
        """Cut every SM socket abruptly (no close frame); voice sockets stay up. Returns how many were cut."""
        links = self.sm_connections
        for link in links:
            link.drop()
        logger.info("dropped %d session-manager socket(s)", len(links))
        return len(links)

    # ── Sockets ─────────────────────────────────────────────────────────────────────────────────────────────

    async def _handle(self, ws: ServerConnection) -> None:
        path = ws.request.path if ws.request is not None else ""
        if is_session_manager(path):
            link = SessionManagerLink(ws, self._board, self.stats)
            self._links.append(link)
            self.stats.sm_connections_accepted += 1
            try:
                await link.serve()
            finally:
                self._links.remove(link)
            return
        call_id = voice_call_id(path)
        line = self._board.line_for_call(call_id) if call_id is not None else None
        if line is None:
            await ws.close(1008, "no such call")
            return
        await serve_voice(ws, line, tasks=self._tasks, stats=self.stats)
