"""SnsSettings: everything SnsSmsSender needs to reach Amazon SNS (or moto); the `[sms.sns]` settings section.

Importing this module is cheap: it imports pydantic, never boto3.
"""

from __future__ import annotations

import re
from typing import Literal, Self

from pydantic import Field, model_validator

from slotline.domain.errors import InvalidPhoneNumber
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.aws.access_settings import AwsAccessSettings

__all__ = ["SnsSettings"]

# SNS sender IDs: 1 to 11 letters, digits or hyphens, at least one of them a letter.
_SENDER_ID = re.compile(r"(?=.*[A-Za-z])[A-Za-z0-9-]{1,11}")


class SnsSettings(AwsAccessSettings):
    """SNS settings. A send makes at most `max_attempts` publish attempts and starts none after `send_deadline`;
    one attempt is bounded by `connect_timeout + read_timeout`. Backoff before retry n (1-based) is
    `min(backoff_max, backoff_initial * 2**(n-1) + uniform(0, backoff_jitter))`."""

    sender_id: str | None = None
    """AWS.SNS.SMS.SenderID, where the destination country supports one (1-11 letters, digits, hyphens)."""
    origination_number: str | None = None
    """AWS.MM.SMS.OriginationNumber: an E.164 number the AWS account owns."""
    sms_type: Literal["Transactional", "Promotional"] = "Transactional"
    send_deadline: float = Field(default=10.0, gt=0)
    """No new publish attempt starts after this many seconds."""
    max_attempts: int = Field(default=3, ge=1)
    backoff_initial: float = Field(default=0.5, ge=0)
    backoff_max: float = Field(default=4.0, ge=0)
    backoff_jitter: float = Field(default=0.5, ge=0)

    @model_validator(mode="after")
    def _sender_can_be_shown(self) -> Self:
        if self.sender_id is not None and not _SENDER_ID.fullmatch(self.sender_id):
            raise ValueError(f"sender_id must be 1-11 letters, digits or hyphens, got {self.sender_id!r}")
        if self.origination_number is not None:
            try:
                PhoneNumber(self.origination_number)
            except InvalidPhoneNumber as exc:
                raise ValueError(f"origination_number: {exc}") from None
        return self
