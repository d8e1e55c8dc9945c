from __future__ import annotations

from typing import Protocol

from slotline.domain.phone import PhoneNumber


class SmsSender(Protocol):
    async def send(self, to: PhoneNumber, body: str, *, dedupe_key: str) -> str:
        """Send one text; returns the provider's message id. Raises SmsSendFailed (permanent or not)."""
        ...
