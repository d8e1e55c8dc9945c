"""Keep credentials and caller numbers out of the logs the SDK's websockets client writes. At DEBUG it logs every
handshake header (`x-api-key`, the voice socket's bearer token) and the start and end of every text frame, where
`call.in` carries the caller's number and the voice token."""

from __future__ import annotations

import logging

from websockets.frames import Frame, Opcode

_SECRET_HEADERS = frozenset({"x-api-key", "x-connector-uuid", "authorization"})
_HEADER_LINES = frozenset({"> %s: %s"})
_FRAME_LINES = frozenset({"< %s", "> %s"})


class RedactHandshakeSecrets(logging.Filter):
    """Replaces secret request-header values and text-frame payloads in websockets' debug lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if not isinstance(args, tuple):
            return True
        if record.msg in _HEADER_LINES and len(args) == 2 and str(args[0]).lower() in _SECRET_HEADERS:
            record.args = (args[0], "[redacted]")
        elif record.msg in _FRAME_LINES and len(args) == 1:
            frame = args[0]
            if isinstance(frame, Frame) and frame.opcode is Opcode.TEXT:
                record.args = (f"TEXT [{len(frame.data)} bytes, redacted]",)
        return True


def redact_handshake_secrets(logger_name: str = "websockets.client") -> None:
    """Install the filter once on the logger the SDK's sockets use."""
    logger = logging.getLogger(logger_name)
    if not any(isinstance(f, RedactHandshakeSecrets) for f in logger.filters):
        logger.addFilter(RedactHandshakeSecrets())
