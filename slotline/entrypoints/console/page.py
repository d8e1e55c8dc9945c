"""Rendering one page: the shared context (navigation, links that keep the token) and the headers every page has."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from slotline.entrypoints.console.access import presented_token
from slotline.entrypoints.console.shown import wall_clock
from slotline.entrypoints.console.sources import ConsoleSources

__all__ = ["HEADERS", "render", "sources_of"]

HEADERS = {
    # No script runs on these pages; styles are inline; a token in the address never leaves in a Referer.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


def sources_of(request: Request) -> ConsoleSources:
    sources: ConsoleSources = request.app.state.sources
    return sources


def render(request: Request, template: str, context: Mapping[str, object], status_code: int = 200) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    sources = sources_of(request)
    token, in_query = presented_token(request.scope)
    carried = {"token": token} if in_query and token else {}

    def link(path: str, **params: str | None) -> str:
        """`path` with `params` (None ones left out) and the token, when the address carried it."""
        query = {k: v for k, v in params.items() if v is not None} | carried
        return f"{path}?{urlencode(query)}" if query else path

    shared = {
        "link": link,
        "token": carried.get("token"),
        "business": sources.catalogue.business.name,
        "now": wall_clock(sources.clock.now(), sources.catalogue.zone, "%A %d %B %Y %H:%M %Z"),
    }
    return templates.TemplateResponse(
        request, template, {**shared, **context}, status_code=status_code, headers=HEADERS
    )
