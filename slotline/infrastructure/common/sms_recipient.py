"""The check every SMS provider makes before it is asked to text a number: valid, and written in E.164."""

from __future__ import annotations

import phonenumbers

from slotline.application.errors import SmsSendFailed
from slotline.domain.phone import PhoneNumber

__all__ = ["sms_e164"]


def sms_e164(to: PhoneNumber) -> str:
    """`to` checked by libphonenumber and put in E.164; a number no network could reach fails for good."""
    try:
        parsed = phonenumbers.parse(to.e164, None)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        raise SmsSendFailed(f"{to.masked()} is not a valid phone number", permanent=True)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
