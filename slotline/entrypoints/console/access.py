"""Who may read the console: anyone on this machine when it listens on loopback; elsewhere, holders of the token."""

from __future__ import annotations

import ipaddress
import secrets
from urllib.parse import parse_qs

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from slotline.domain.errors import SlotlineError

__all__ = ["ConsoleUnprotected", "TokenRequired", "is_loopback", "presented_token", "require_token_off_loopback"]


class ConsoleUnprotected(SlotlineError):
    """The console was asked to listen beyond this machine without a token."""

    def __init__(self, host: str) -> None:
        super().__init__(
            f"console.host {host!r} is not a loopback address: set console.token (env SLOTLINE_CONSOLE__TOKEN) so "
            "every request must carry it, or listen on 127.0.0.1"
        )
        self.host = host


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and "localhost" reach only this machine; every other name or address may not."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def require_token_off_loopback(host: str, token: str | None) -> None:
    if not token and not is_loopback(host):
        raise ConsoleUnprotected(host)


def presented_token(scope: Scope) -> tuple[str | None, bool]:
    """The token a request carries and whether it came in the query string (links then carry it on)."""
    for name, value in scope.get("headers", []):
        if name == b"authorization":
            scheme, _, credential = value.decode("latin-1").partition(" ")
            if scheme.lower() == "bearer" and credential.strip():
                return credential.strip(), False
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    given = query.get("token")
    return (given[0], True) if given else (None, False)


class TokenRequired:
    """ASGI middleware: a request without the token (query `token` or `Authorization: Bearer`) gets 401."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self._app = app
        self._token = token.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        given, _ = presented_token(scope)
        if given is None or not secrets.compare_digest(given.encode(), self._token):
            refusal = PlainTextResponse(
                "401: this console needs its token (?token=... or Authorization: Bearer ...)\n",
                status_code=401,
                headers={"WWW-Authenticate": 'Bearer realm="slotline console"'},
            )
            await refusal(scope, receive, send)
            return
        await self._app(scope, receive, send)
