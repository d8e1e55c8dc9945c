"""The opening handshake of both sockets: route by path, check credentials, refuse with an HTTP status and a body."""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import urlsplit

from websockets.asyncio.server import ServerConnection
from websockets.http11 import Request, Response

from slotline.infrastructure.telcoflow.loopback.frames import SM_PATH, VOICE_PATH_PREFIX
from slotline.infrastructure.telcoflow.loopback.stats import LoopbackStats
from slotline.infrastructure.telcoflow.loopback.switchboard import Switchboard

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Credentials:
    api_key: str
    connector_uuid: str

    def __repr__(self) -> str:
        return "Credentials(<hidden>)"


def voice_call_id(path: str) -> str | None:
    """The callId of a voice socket path `/v1/voice/{callId}`, or None for any other path."""
    route = urlsplit(path).path
    if not route.startswith(VOICE_PATH_PREFIX):
        return None
    call_id = route.removeprefix(VOICE_PATH_PREFIX)
    return call_id if call_id and "/" not in call_id else None


def is_session_manager(path: str) -> bool:
    return urlsplit(path).path == SM_PATH


def _same(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def make_handshake_check(
    credentials: Credentials | None, board: Switchboard, stats: LoopbackStats
) -> Callable[[ServerConnection, Request], Response | None]:
    """A websockets `process_request`: None lets the handshake go on, a Response refuses it."""

    def refuse(ws: ServerConnection, status: HTTPStatus, body: str) -> Response:
        stats.rejected_handshakes += 1
        logger.warning("handshake refused: %d %s", status, body)
        return ws.respond(status, body + "\n")

    def check(ws: ServerConnection, request: Request) -> Response | None:
        headers = request.headers
        if is_session_manager(request.path):
            if credentials is None:
                return None
            if _same(headers.get("x-api-key"), credentials.api_key) and _same(
                headers.get("x-connector-uuid"), credentials.connector_uuid
            ):
                return None
            return refuse(ws, HTTPStatus.UNAUTHORIZED, "invalid api key or connector uuid")
        call_id = voice_call_id(request.path)
        line = board.line_for_call(call_id) if call_id is not None else None
        if line is None:
            return refuse(ws, HTTPStatus.NOT_FOUND, "no such endpoint or call")
        if not _same(headers.get("Authorization"), f"Bearer {line.identity.token}"):
            return refuse(ws, HTTPStatus.UNAUTHORIZED, "invalid voice session token")
        if line.end_reason is not None:
            return refuse(ws, HTTPStatus.GONE, "the call has ended")
        if line.voice is not None:
            return refuse(ws, HTTPStatus.CONFLICT, "voice session already connected")
        return None

    return check
