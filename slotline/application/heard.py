"""What the agent heard, for DEBUG logs: the caller's words, phone digits masked, and what they were taken to mean.

The recogniser's score is logged by the recogniser itself on its own line (the SpeechToText port returns only text);
both lines carry the call's id.
"""

from __future__ import annotations

import logging
from dataclasses import fields
from datetime import date, time
from enum import Enum

from slotline.domain.spoken_numbers import mask_phone_digits
from slotline.domain.understanding import Interpretation

__all__ = ["described", "log_heard"]


def described(understood: Interpretation) -> str:
    """The intent and every other field that says something ("book service='haircut' day=2026-12-01"), without the
    text (logged masked beside it); a heard phone number shows masked, as its repr does."""
    parts = [understood.intent.value]
    for field in fields(understood):
        value = getattr(understood, field.name)
        if field.name in ("intent", "text") or value == field.default:
            continue
        parts.append(f"{field.name}={_shown(value)}")
    return mask_phone_digits(" ".join(parts))


def _shown(value: object) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date | time):
        return value.isoformat()
    return repr(value)


def log_heard(log: logging.Logger, call_id: str, text: str, understood: Interpretation) -> None:
    """One DEBUG line: what the caller said (phone digits masked) and what it was taken to mean."""
    if log.isEnabledFor(logging.DEBUG):
        log.debug("call %s: heard %r, understood %s", call_id, mask_phone_digits(text), described(understood))
