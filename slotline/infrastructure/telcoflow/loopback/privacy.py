"""Keeping personal data and secrets out of logs: masked phone numbers, and a filter for the websockets debug log."""

from __future__ import annotations

import logging

from websockets.frames import Frame, Opcode

from slotline.domain.errors import InvalidPhoneNumber
from slotline.domain.phone import PhoneNumber

_SECRET_HEADERS = frozenset({"authorization", "x-api-key", "x-connector-uuid"})


def masked(number: str) -> str:
    """`+12*******23` for an E.164 number; anything else keeps only its last two characters."""
    try:
        return PhoneNumber(number).masked()
    except InvalidPhoneNumber:
        return "*" * max(len(number) - 2, 0) + number[-2:]


class WireLogFilter(logging.Filter):
    """For the websockets library's logger: at DEBUG it prints handshake headers (the api key, the voice bearer
    token) and the ends of text frames (call.in carries the token and both numbers). Those are redacted here."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if not isinstance(args, tuple):
            return True
        if record.msg == "< %s: %s" and len(args) == 2 and str(args[0]).lower() in _SECRET_HEADERS:
            record.args = (args[0], "<redacted>")
        elif len(args) == 1 and isinstance(args[0], Frame) and args[0].opcode in (Opcode.TEXT, Opcode.CONT):
            record.args = (f"{args[0].opcode.name} [{len(args[0].data)} bytes, redacted]",)
        return True
