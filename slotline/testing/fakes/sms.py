"""RecordingSmsSender: an SmsSender that keeps every text it is given, and fails when told to."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count

from slotline.application.errors import SmsSendFailed
from slotline.domain.phone import PhoneNumber


@dataclass(frozen=True, slots=True)
class SentText:
    provider_id: str
    to: PhoneNumber
    body: str
    dedupe_key: str


class RecordingSmsSender:
    """Records texts in `sent`; a dedupe key sent before returns the earlier id and records nothing new.

    `fail_next(count)` makes the next sends raise SmsSendFailed (temporary unless `permanent`) without recording.
    """

    def __init__(self) -> None:
        self.sent: list[SentText] = []
        self.attempts = 0
        self._numbers = count(1)
        self._failures = 0
        self._permanent = False
        self._reason = ""

    def fail_next(self, count: int = 1, *, permanent: bool = False, reason: str = "simulated outage") -> None:
        self._failures, self._permanent, self._reason = count, permanent, reason

    async def send(self, to: PhoneNumber, body: str, *, dedupe_key: str) -> str:
        self.attempts += 1
        if self._failures > 0:
            self._failures -= 1
            raise SmsSendFailed(self._reason, permanent=self._permanent)
        for text in self.sent:
            if text.dedupe_key == dedupe_key:
                return text.provider_id
        text = SentText(f"sms-{next(self._numbers)}", to, body, dedupe_key)
        self.sent.append(text)
        return text.provider_id

    def bodies_to(self, to: PhoneNumber) -> list[str]:
        """What was sent to one number, oldest first."""
        return [t.body for t in self.sent if t.to == to]
