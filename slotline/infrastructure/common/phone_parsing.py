"""Human-written phone numbers to E.164, with the phonenumbers library."""

from __future__ import annotations

import phonenumbers

from slotline.domain.errors import InvalidPhoneNumber
from slotline.domain.phone import PhoneNumber

__all__ = ["parse_phone"]


def parse_phone(text: str, default_region: str | None = "US") -> PhoneNumber:
    """'(212) 555-0100' or '+44 20 7123 4567' -> PhoneNumber; anything that is not a valid number raises."""
    try:
        parsed = phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException:
        raise InvalidPhoneNumber(text) from None
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidPhoneNumber(text)
    return PhoneNumber(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
