"""Service logging: one line per event, tagged with the call it belongs to."""

from __future__ import annotations

import contextvars
import logging

CALL_ID: contextvars.ContextVar[str] = contextvars.ContextVar("call_id", default="-")


class _CallIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.call_id = CALL_ID.get()
        return True


def configure(level: str) -> None:
    handler = logging.StreamHandler()
    handler.addFilter(_CallIdFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s [call %(call_id)s] %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # httpx logs every request URL at INFO; Graph lookups by customer put the phone number in the URL.
    logging.getLogger("httpx").setLevel(logging.WARNING)
