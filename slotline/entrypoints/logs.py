"""Service logging: one line per event, tagged with the call it belongs to, and redacted whoever wrote it.

Every record reaching the handler passes `RedactingFilter`: secrets never, phone numbers masked, SMS bodies never,
at every level and for every library's logger. DEBUG keeps the libraries' lines (redacted); only loggers whose
DEBUG output is nothing but wire dumps are held at INFO.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Iterable, Iterator
from typing import IO

from pydantic import BaseModel, SecretStr

from slotline.infrastructure.common.log_redaction import RedactingFilter

__all__ = ["CALL_ID", "configure", "configured_secrets"]

CALL_ID: contextvars.ContextVar[str] = contextvars.ContextVar("call_id", default="-")

# Nothing but signing material, raw response headers and bodies, and HTTP/2 header frames.
_WIRE_DUMPS = ("botocore.auth", "botocore.parsers", "hpack")
# One line per HTTP request at INFO: useful when debugging, noise in a service's normal log.
_CHATTY_AT_INFO = ("httpx",)


class _CallIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.call_id = CALL_ID.get()
        return True


def configured_secrets(settings: BaseModel) -> Iterator[str]:
    """The plain value of every SecretStr in `settings`, however deeply nested, for the log filter to hide."""
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        if isinstance(value, SecretStr):
            yield value.get_secret_value()
        elif isinstance(value, BaseModel):
            yield from configured_secrets(value)


def configure(level: str, *, secrets: Iterable[str] = (), stream: IO[str] | None = None) -> logging.Handler:
    """Send every logger's records at `level` and above to `stream` (default stderr), redacted; `secrets` are
    hidden literally wherever they appear. Returns the one root handler."""
    handler = logging.StreamHandler(stream)
    handler.addFilter(_CallIdFilter())
    handler.addFilter(RedactingFilter(secrets))
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s [call %(call_id)s] %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in _WIRE_DUMPS:
        logging.getLogger(name).setLevel(logging.INFO)
    for name in _CHATTY_AT_INFO:
        logging.getLogger(name).setLevel(logging.NOTSET if root.level <= logging.DEBUG else logging.WARNING)
    return handler
