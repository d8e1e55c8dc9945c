"""Service logging: one line per event, tagged with the call it belongs to, and redacted whoever wrote it.

Every record reaching the handler passes `RedactingFilter`: secrets never, phone numbers masked, SMS bodies never,
at every level and for every library's logger. DEBUG keeps the libraries' lines (redacted); only loggers whose
DEBUG output is nothing but wire dumps are held at INFO.
"""

from __future__ import annotations

import contextvars
import json
import logging
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import IO, Literal

from pydantic import BaseModel, SecretStr

from slotline.infrastructure.common.log_redaction import RedactingFilter

__all__ = ["CALL_ID", "JsonLines", "LogFormat", "configure", "configured_secrets"]

LogFormat = Literal["text", "json"]

CALL_ID: contextvars.ContextVar[str] = contextvars.ContextVar("call_id", default="-")

# Nothing but signing material, raw response headers and bodies, and HTTP/2 header frames.
_WIRE_DUMPS = ("botocore.auth", "botocore.parsers", "hpack")
# One line per HTTP request at INFO: useful when debugging, noise in a service's normal log.
_CHATTY_AT_INFO = ("httpx",)


class _CallIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.call_id = CALL_ID.get()
        return True


class JsonLines(logging.Formatter):
    """One JSON object per record, on one line: time (UTC), level, logger, message, and call_id on a call's lines.

    It formats what the filters left: the message is already rendered and redacted."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, str] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        call_id = getattr(record, "call_id", "-")
        if call_id != "-":
            entry["call_id"] = call_id
        if record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = record.stack_info
        return json.dumps(entry, ensure_ascii=False)


def configured_secrets(settings: BaseModel) -> Iterator[str]:
    """The plain value of every SecretStr in `settings`, however deeply nested, for the log filter to hide."""
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        if isinstance(value, SecretStr):
            yield value.get_secret_value()
        elif isinstance(value, BaseModel):
            yield from configured_secrets(value)


def configure(
    level: str, *, secrets: Iterable[str] = (), stream: IO[str] | None = None, log_format: LogFormat = "text"
) -> logging.Handler:
    """Send every logger's records at `level` and above to `stream` (default stderr), redacted, as text lines or
    JSON lines; `secrets` are hidden literally wherever they appear. Returns the one root handler."""
    handler = logging.StreamHandler(stream)
    handler.addFilter(_CallIdFilter())
    handler.addFilter(RedactingFilter(secrets))
    text = logging.Formatter("%(asctime)s %(levelname)s [call %(call_id)s] %(name)s: %(message)s")
    handler.setFormatter(JsonLines() if log_format == "json" else text)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in _WIRE_DUMPS:
        logging.getLogger(name).setLevel(logging.INFO)
    for name in _CHATTY_AT_INFO:
        logging.getLogger(name).setLevel(logging.NOTSET if root.level <= logging.DEBUG else logging.WARNING)
    return handler
