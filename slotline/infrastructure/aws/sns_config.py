"""SnsConfig: everything SnsSmsSender needs to reach Amazon SNS (or moto), validated when it is built."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from slotline.domain.errors import InvalidPhoneNumber, InvalidValue
from slotline.domain.phone import PhoneNumber

__all__ = ["SnsConfig"]

# SNS sender IDs: 1 to 11 letters, digits or hyphens, at least one of them a letter.
_SENDER_ID = re.compile(r"(?=.*[A-Za-z])[A-Za-z0-9-]{1,11}")
_SMS_TYPES = ("Transactional", "Promotional")


@dataclass(frozen=True, slots=True)
class SnsConfig:
    """SNS settings. Credentials left None come from boto3's default chain (environment, profile, instance role).

    Timeouts and the deadline are in seconds. A send makes at most `max_attempts` publish attempts, and starts no
    new one that would begin after `send_deadline`; one attempt is bounded by `connect_timeout + read_timeout`.
    Backoff before retry n (1-based) is `min(backoff_max, backoff_initial * 2**(n-1) + uniform(0, backoff_jitter))`.
    """

    region: str = "us-east-1"
    endpoint_url: str | None = None  # None for AWS itself; "http://127.0.0.1:PORT" for a moto server
    sender_id: str | None = None  # AWS.SNS.SMS.SenderID, where the destination country supports one
    origination_number: str | None = None  # AWS.MM.SMS.OriginationNumber, E.164, a number the account owns
    sms_type: str = "Transactional"  # AWS.SNS.SMS.SMSType: "Transactional" or "Promotional"
    access_key_id: str | None = field(default=None, repr=False)
    secret_access_key: str | None = field(default=None, repr=False)
    session_token: str | None = field(default=None, repr=False)
    connect_timeout: float = 2.0
    read_timeout: float = 5.0
    send_deadline: float = 10.0
    max_attempts: int = 3
    backoff_initial: float = 0.5
    backoff_max: float = 4.0
    backoff_jitter: float = 0.5

    def __post_init__(self) -> None:
        if not self.region:
            raise InvalidValue("SNS needs a region")
        if self.sms_type not in _SMS_TYPES:
            raise InvalidValue(f"SNS sms_type must be one of {', '.join(_SMS_TYPES)}, got {self.sms_type!r}")
        if self.sender_id is not None and not _SENDER_ID.fullmatch(self.sender_id):
            raise InvalidValue(f"SNS sender_id must be 1-11 letters, digits or hyphens, got {self.sender_id!r}")
        if self.origination_number is not None:
            try:
                PhoneNumber(self.origination_number)
            except InvalidPhoneNumber as exc:
                raise InvalidValue(f"SNS origination_number: {exc}") from None
        if (self.access_key_id is None) != (self.secret_access_key is None):
            raise InvalidValue("SNS access_key_id and secret_access_key are set together or not at all")
        if self.session_token is not None and self.access_key_id is None:
            raise InvalidValue("SNS session_token needs access_key_id and secret_access_key")
        if min(self.connect_timeout, self.read_timeout, self.send_deadline) <= 0:
            raise InvalidValue("SNS timeouts and send_deadline must be positive")
        if self.max_attempts < 1:
            raise InvalidValue(f"SNS max_attempts must be at least 1, got {self.max_attempts}")
        if self.backoff_initial < 0 or self.backoff_max < 0 or self.backoff_jitter < 0:
            raise InvalidValue("SNS backoff settings cannot be negative")
