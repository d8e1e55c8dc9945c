"""Phone numbers in E.164 form, the only form the domain accepts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from slotline.domain.errors import InvalidPhoneNumber

_E164 = re.compile(r"\+[1-9]\d{7,14}")


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    """A number like +12125550100. Parsing human input into this form happens at the edges."""

    e164: str

    def __post_init__(self) -> None:
        if not _E164.fullmatch(self.e164):
            raise InvalidPhoneNumber(self.e164)

    def masked(self) -> str:
        """The form to put in logs: country code and last two digits only."""
        return self.e164[:3] + "*" * (len(self.e164) - 5) + self.e164[-2:]

    def __str__(self) -> str:
        return self.e164
