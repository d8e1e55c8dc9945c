"""The operator console: a read-only web page over the call records, the ledger and the outbox (`slotline console`).

A driving adapter like the CLI: it reads through the ports the container builds and never writes. Starlette serves
it and Jinja2 renders it with autoescape on; it needs the `console` extra.
"""

from slotline.entrypoints.console.access import ConsoleUnprotected, is_loopback, require_token_off_loopback
from slotline.entrypoints.console.app import console_app
from slotline.entrypoints.console.sources import ConsoleSources

__all__ = ["ConsoleSources", "ConsoleUnprotected", "console_app", "is_loopback", "require_token_off_loopback"]
