"""Keep credentials out of logs the SDK's websockets client writes: at DEBUG it logs every handshake header,
`x-api-key` and the voice socket's bearer token included."""

from __future__ import annotations

import logging

_SECRET_HEADERS = frozenset({"x-api-key", "x-connector-uuid", "authorization"})
_HEADER_LINE = "> %s: %s"


class RedactHandshakeSecrets(logging.Filter):
    """Replaces the value of a secret request header in websockets' `> name: value` debug lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if (
            record.msg == _HEADER_LINE
            and isinstance(args, tuple)
            and len(args) == 2
            and str(args[0]).lower() in _SECRET_HEADERS
        ):
            record.args = (args[0], "[redacted]")
        return True


def redact_handshake_secrets(logger_name: str = "websockets.client") -> None:
    """Install the filter once on the logger the SDK's sockets use."""
    logger = logging.getLogger(logger_name)
    if not any(isinstance(f, RedactHandshakeSecrets) for f in logger.filters):
        logger.addFilter(RedactHandshakeSecrets())
