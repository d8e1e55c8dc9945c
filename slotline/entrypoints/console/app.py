"""The console as an ASGI app: Starlette routes, Jinja2 templates (autoescape on), the token check when one is set."""

from __future__ import annotations

from http import HTTPStatus

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from slotline.application.errors import StorageUnavailable
from slotline.entrypoints.console.access import TokenRequired
from slotline.entrypoints.console.page import render
from slotline.entrypoints.console.routes import bookings, call, calls, texts
from slotline.entrypoints.console.sources import ConsoleSources

__all__ = ["console_app"]

_TITLES = {400: "Not understood", 404: "Not found", 405: "Read-only", 503: "Storage unavailable"}
_MESSAGES = {404: "no such page", 405: "this console is read-only: its pages are only read (GET)"}


async def _error_page(request: Request, exc: Exception) -> Response:
    """A page for a refused request (our own detail when we gave one) or for a store that cannot be read."""
    if isinstance(exc, HTTPException):
        status = exc.status_code
        ours = exc.detail != HTTPStatus(status).phrase
        message = exc.detail if ours else _MESSAGES.get(status, exc.detail)
    else:
        status, message = 503, str(exc)
    title = _TITLES.get(status, "Error")
    return render(request, "error.html", {"page": None, "title": title, "message": message}, status_code=status)


def console_app(sources: ConsoleSources, *, token: str | None = None) -> Starlette:
    """The read-only console over `sources`; with `token`, every request must carry it (401 otherwise)."""
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("slotline.entrypoints.console", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    routes = [
        Route("/", calls, methods=["GET"]),
        Route("/calls", calls, methods=["GET"]),
        Route("/calls/{call_id}", call, methods=["GET"]),
        Route("/bookings", bookings, methods=["GET"]),
        Route("/texts", texts, methods=["GET"]),
    ]
    middleware = [Middleware(TokenRequired, token=token)] if token else []
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={HTTPException: _error_page, StorageUnavailable: _error_page},
    )
    app.state.sources = sources
    app.state.templates = Jinja2Templates(env=environment)
    return app
