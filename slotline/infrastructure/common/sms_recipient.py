"""The check every SMS sender makes before it texts a number: valid by the numbering plan, and written in E.164.

Numbers are accepted as identities when merely possible (see phone_parsing); a text needs more, so a number in a
range the plan does not allocate fails here, for good, with a reason the outbox keeps.
"""

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
        raise SmsSendFailed(f"{to.masked()} is not a valid phone number: not a number at all", permanent=True) from None
    if not phonenumbers.is_valid_number(parsed):
        region = phonenumbers.region_code_for_country_code(parsed.country_code or 0)
        raise SmsSendFailed(
            f"{to.masked()} is not a valid phone number: possible in {region}, but in no range its numbering plan"
            " allocates (phonenumbers metadata), so no text was sent",
            permanent=True,
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
