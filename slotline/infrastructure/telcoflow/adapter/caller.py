"""The caller's number as the platform sends it, read into E.164 or None."""

from __future__ import annotations

from slotline.domain.errors import InvalidPhoneNumber
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.common.phone_parsing import parse_caller_id


def parse_caller(raw: str, region: str | None) -> PhoneNumber | None:
    """'+12125550100' -> PhoneNumber: any possible number, an extension ignored; withheld ('anonymous', '') or
    impossible -> None."""
    text = raw.strip()
    if not text or not any(ch.isdigit() for ch in text):
        return None
    try:
        return parse_caller_id(text, region)
    except InvalidPhoneNumber:
        return None


def masked(number: PhoneNumber | None) -> str:
    """What a log line may show of a caller."""
    return number.masked() if number is not None else "withheld"
