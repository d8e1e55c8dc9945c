"""The SmsSender contract: a text reaches the number once per dedupe key, and failures say if retrying can help.

Needs pytest and pytest-asyncio (test-time only). Subclass SmsSenderContract and override the `sms` fixture to
return an SmsUnderTest: your sender, a way to read what reached the provider, and a way to make the next send fail.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest

from slotline.application.errors import SmsSendFailed
from slotline.application.ports import SmsSender
from slotline.domain.phone import PhoneNumber
from slotline.testing.sample import CUSTOMER, OTHER_CUSTOMER

__all__ = ["SmsSenderContract", "SmsUnderTest"]

BOOKED = "Maple Street Clinic: your haircut with Sam Rivera is booked for Thu Nov 26 at 10 AM."


@dataclass(frozen=True, slots=True)
class SmsUnderTest:
    sender: SmsSender
    delivered: Callable[[], Awaitable[list[tuple[PhoneNumber, str]]]]
    """Every text the provider accepted, oldest first, as (to, body)."""
    fail_next: Callable[[bool], None]
    """Make the next `send` raise SmsSendFailed; the argument is whether the failure is permanent."""


class SmsSenderContract:
    """Every SmsSender: delivers the body to the number, returns the provider's id, dedupes by key."""

    @pytest.fixture
    def sms(self) -> SmsUnderTest:
        """Override: the sender under test, with nothing delivered yet."""
        pytest.fail("subclass SmsSenderContract and override the `sms` fixture", pytrace=False)

    @pytest.mark.asyncio
    async def test_a_text_reaches_the_number(self, sms: SmsUnderTest) -> None:
        """`send` delivers the body to the number and returns the provider's message id."""
        provider_id = await sms.sender.send(CUSTOMER, BOOKED, dedupe_key="k1")

        assert isinstance(provider_id, str) and provider_id
        assert await sms.delivered() == [(CUSTOMER, BOOKED)]

    @pytest.mark.asyncio
    async def test_the_same_dedupe_key_is_sent_once(self, sms: SmsUnderTest) -> None:
        """A key sent before returns the earlier id and sends nothing; another key is another text."""
        first = await sms.sender.send(CUSTOMER, BOOKED, dedupe_key="k1")
        again = await sms.sender.send(CUSTOMER, BOOKED, dedupe_key="k1")
        other = await sms.sender.send(OTHER_CUSTOMER, "Maple Street Clinic: see you soon.", dedupe_key="k2")

        assert first == again != other
        assert await sms.delivered() == [(CUSTOMER, BOOKED), (OTHER_CUSTOMER, "Maple Street Clinic: see you soon.")]

    @pytest.mark.asyncio
    @pytest.mark.parametrize("permanent", [True, False])
    async def test_a_failure_is_sms_send_failed_and_a_retry_sends(self, sms: SmsUnderTest, permanent: bool) -> None:
        """A failed send raises SmsSendFailed saying whether it is permanent, delivers nothing, and spends no key."""
        sms.fail_next(permanent)

        with pytest.raises(SmsSendFailed) as failed:
            await sms.sender.send(CUSTOMER, BOOKED, dedupe_key="k1")

        assert failed.value.permanent is permanent
        assert await sms.delivered() == []
        assert await sms.sender.send(CUSTOMER, BOOKED, dedupe_key="k1")
        assert await sms.delivered() == [(CUSTOMER, BOOKED)]
