"""Human-written phone numbers and caller ID to E.164, with the phonenumbers library.

A number is accepted as an identity when it is *possible* (the right length for its country): the numbering metadata
lags behind new ranges and leaves some out on purpose (+44 7700 900xxx, the UK's drama range), and a caller is who
the network says they are. Whether a text can reach the number is checked where texts are sent (sms_recipient).
"""

from __future__ import annotations

import phonenumbers
from phonenumbers import NumberParseException, ValidationResult

from slotline.domain.errors import ImpossiblePhoneNumber, InvalidPhoneNumber, PhoneNumberWithExtension
from slotline.domain.phone import PhoneNumber

__all__ = ["country_of", "parse_caller_id", "parse_phone"]

_NOT_PARSED = {
    NumberParseException.INVALID_COUNTRY_CODE: "does not start with a known country code",
    NumberParseException.TOO_SHORT_AFTER_IDD: "is too short to be a phone number",
    NumberParseException.TOO_SHORT_NSN: "is too short to be a phone number",
    NumberParseException.TOO_LONG: "is too long to be a phone number",
}
_IMPOSSIBLE = {
    ValidationResult.INVALID_COUNTRY_CODE: "no such country code",
    ValidationResult.TOO_SHORT: "too short",
    ValidationResult.TOO_LONG: "too long",
    ValidationResult.INVALID_LENGTH: "no number there has that many digits",
    ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "a local number only, give it with its area code",
}


def parse_phone(text: str, default_region: str | None = "US") -> PhoneNumber:
    """A number a person typed or said: '(212) 555-0100' or '+44 20 7123 4567' -> PhoneNumber.

    Raises InvalidPhoneNumber saying what is wrong: not a number, not a possible one (ImpossiblePhoneNumber), or one
    with an extension (PhoneNumberWithExtension), since texts go to numbers, never to extensions.
    """
    parsed = _possible(text, default_region)
    if parsed.extension:
        raise PhoneNumberWithExtension(text, parsed.extension)
    return _e164(parsed)


def parse_caller_id(text: str, default_region: str | None = None) -> PhoneNumber:
    """The caller's number as the network gives it: any possible number, an extension dropped ('tel:' URIs too)."""
    parsed = _possible(text.removeprefix("tel:"), default_region)
    parsed.extension = None
    return _e164(parsed)


def _possible(text: str, region: str | None) -> phonenumbers.PhoneNumber:
    try:
        parsed = phonenumbers.parse(text, region)
    except NumberParseException as exc:
        raise InvalidPhoneNumber(text, _NOT_PARSED.get(exc.error_type, "is not a phone number")) from None
    reason = phonenumbers.is_possible_number_with_reason(parsed)
    if reason != ValidationResult.IS_POSSIBLE:  # a local-only number lacks its area code: not an identity
        country = phonenumbers.region_code_for_country_code(parsed.country_code or 0)
        where = country if country != phonenumbers.UNKNOWN_REGION else f"+{parsed.country_code}"
        raise ImpossiblePhoneNumber(text, where, _IMPOSSIBLE.get(reason, "not possible"))
    return parsed


def _e164(parsed: phonenumbers.PhoneNumber) -> PhoneNumber:
    return PhoneNumber(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


def country_of(number: PhoneNumber) -> str | None:
    """The two-letter region a number belongs to ("EG" for +20 ...), or None where its code is shared and the
    number names none."""
    region = phonenumbers.region_code_for_number(phonenumbers.parse(number.e164))
    return region if region and region not in ("ZZ", "001") else None  # 001: non-geographic (+800, +808, ...)
