"""The SMS pieces in infrastructure.common that any provider's sender uses, without importing another adapter."""

from __future__ import annotations

import asyncio

import pytest

from slotline.application.errors import SmsSendFailed
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.common.failure_reason import failure_reason
from slotline.infrastructure.common.sent_texts import SentTexts
from slotline.infrastructure.common.sms_recipient import sms_e164


def test_a_valid_number_goes_out_in_e164() -> None:
    assert sms_e164(PhoneNumber("+12125550123")) == "+12125550123"


def test_a_number_no_network_could_reach_fails_for_good() -> None:
    with pytest.raises(SmsSendFailed, match=r"\+19\*+99 is not a valid phone number") as caught:
        sms_e164(PhoneNumber("+19995550199"))
    assert caught.value.permanent


def test_the_memory_keeps_the_newest_keys_only() -> None:
    sent = SentTexts(keep=2)
    for key in ("a", "b", "c"):
        sent.remember(key, f"id-{key}")
    sent.remember("b", "id-b")  # sending again makes it the newest
    sent.remember("d", "id-d")
    assert [sent.earlier(k) for k in ("a", "b", "c", "d")] == [None, "id-b", None, "id-d"]


async def test_a_second_send_of_one_key_waits_for_the_first() -> None:
    sent = SentTexts()
    order: list[str] = []

    async def send(name: str, key: str) -> None:
        async with sent.exclusive(key):
            order.append(f"{name} in")
            await asyncio.sleep(0)
            order.append(f"{name} out")

    await asyncio.gather(send("first", "k"), send("second", "k"), send("other", "x"))
    assert order.index("first out") < order.index("second in")
    assert order.index("other in") < order.index("first out")  # another key does not wait


def test_a_failure_reason_is_one_short_line_without_the_number() -> None:
    text = "Invalid parameter: PhoneNumber +12125550123\n(12125550123)  " + "x" * 300
    reason = failure_reason(text, hide="+12125550123", shown_as="+1*******23")
    assert reason.startswith("Invalid parameter: PhoneNumber +1*******23 (+1*******23) xxx")
    assert "\n" not in reason and len(reason) == 200 and reason.endswith("...")
