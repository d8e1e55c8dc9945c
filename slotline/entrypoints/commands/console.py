"""`slotline console`: the read-only operator web page (calls, transcripts with timings, bookings, texts)."""

from __future__ import annotations

import argparse

from slotline.entrypoints.commands.base import Parser, Subparsers, UsageError, whole_number
from slotline.entrypoints.container import Container
from slotline.entrypoints.logs import configure, configured_secrets
from slotline.entrypoints.wiring.extras import needs_extra
from slotline.entrypoints.wiring.storage import uses

__all__ = ["register"]


def register(subparsers: Subparsers, common: Parser) -> None:
    parser = subparsers.add_parser(
        "console",
        parents=[common],
        help="serve the read-only operator console (a web page) until SIGINT/SIGTERM",
        description="Today's and recent calls, each call's transcript with per-turn timings, upcoming bookings per "
        "staff member and the texts waiting, sent and dead, as a web page on console.host:console.port "
        "(127.0.0.1:8470). Listening on any other than a loopback address needs console.token; every request must "
        "then carry it (?token=... or Authorization: Bearer ...).",
    )
    parser.add_argument("--host", metavar="ADDRESS", help="listen on this address (console.host)")
    parser.add_argument(
        "--port", type=whole_number(1, 65535), metavar="PORT", help="listen on this port (console.port)"
    )
    parser.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, container: Container) -> int:
    settings = container.settings()
    host: str = args.host or settings.console.host
    port: int = args.port or settings.console.port
    token = None if settings.console.token is None else settings.console.token.get_secret_value()
    with needs_extra("slotline console", "console"):
        import uvicorn

        from slotline.entrypoints.console import (
            ConsoleSources,
            ConsoleUnprotected,
            console_app,
            require_token_off_loopback,
        )
    try:
        require_token_off_loopback(host, token)
    except ConsoleUnprotected as exc:
        raise UsageError(str(exc)) from exc
    configure(args.log_level, secrets=configured_secrets(settings))  # access lines too: a ?token= is redacted
    if uses(container, "postgres"):
        container.postgres().check()  # an unreachable or unmigrated database is a start-up error, not a 503 page
    sources = ConsoleSources(
        calls=container.call_records(),
        ledger=container.ledger(),
        outbox=container.outbox(),
        catalogue=container.catalogue(),
        clock=container.clock(),
    )
    shown = f"[{host}]" if ":" in host else host
    print(f"slotline console on http://{shown}:{port}/ (read-only; SIGINT or SIGTERM stops it)", flush=True)
    uvicorn.run(console_app(sources, token=token), host=host, port=port, log_config=None, server_header=False)
    return 0
