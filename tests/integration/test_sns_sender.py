"""SnsSmsSender against a real moto server process: what arrives, what is retried, what fails for good."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable, Iterator

import pytest
from pydantic import ValidationError

from slotline.application.errors import SmsSendFailed
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.aws.sns_settings import SnsSettings
from slotline.infrastructure.aws.sns_sms_sender import SnsSmsSender
from tests.integration.sns_moto import (
    INVALID_PARAMETER,
    NOT_AUTHORIZED,
    OPTED_OUT,
    SERVER_ERROR,
    THROTTLING,
    Fault,
    MotoServer,
    PublishedSms,
    PublishHook,
    attributes,
    sns_config,
)

PHONE = PhoneNumber("+12125550123")
NO_SUCH_AREA = PhoneNumber("+19995550123")  # E.164 in form, but area code 999 does not exist


@pytest.fixture(scope="module")
def moto() -> Iterator[MotoServer]:
    with MotoServer.running() as server:
        yield server


@pytest.fixture
def config(moto: MotoServer) -> SnsSettings:
    moto.reset()
    return sns_config(moto.endpoint)


@pytest.fixture
def hook() -> PublishHook:
    return PublishHook()


@pytest.fixture
def sender(config: SnsSettings, hook: PublishHook) -> Iterator[SnsSmsSender]:
    sender = SnsSmsSender(config, session=hook.session())
    yield sender
    sender.close()


async def test_a_text_arrives_with_the_number_and_the_fitted_text(moto: MotoServer, sender: SnsSmsSender) -> None:
    message_id = await sender.send(
        PHONE, "Maple: you\u2019re booked \u2014 see you Thu at 10 AM\u2026", dedupe_key="k1"
    )

    assert moto.sms() == [PublishedSms("+12125550123", "Maple: you're booked - see you Thu at 10 AM...", message_id)]


async def test_the_configured_attributes_go_with_every_publish(moto: MotoServer, hook: PublishHook) -> None:
    config = sns_config(moto.endpoint).model_copy(
        update={"sender_id": "MapleClinic", "origination_number": "+12125550100"}
    )
    sender = SnsSmsSender(config, session=hook.session())

    await sender.send(PHONE, "hello", dedupe_key="k1")

    assert attributes(hook.requests[0]) == {
        "AWS.SNS.SMS.SMSType": "Transactional",
        "AWS.SNS.SMS.SenderID": "MapleClinic",
        "AWS.MM.SMS.OriginationNumber": "+12125550100",
    }
    sender.close()


async def test_without_a_sender_id_only_the_type_is_sent(sender: SnsSmsSender, hook: PublishHook) -> None:
    await sender.send(PHONE, "hello", dedupe_key="k1")

    assert attributes(hook.requests[0]) == {"AWS.SNS.SMS.SMSType": "Transactional"}


async def test_an_invalid_number_fails_for_good_before_any_request(
    moto: MotoServer, sender: SnsSmsSender, hook: PublishHook
) -> None:
    with pytest.raises(SmsSendFailed, match=r"\+19\*+23 is not a valid phone number") as failure:
        await sender.send(NO_SUCH_AREA, "hello", dedupe_key="k1")

    assert failure.value.permanent
    assert (hook.attempts, moto.sms()) == (0, [])


@pytest.mark.parametrize("fault", [THROTTLING, SERVER_ERROR], ids=["throttling", "http-500"])
async def test_a_passing_fault_is_retried_until_the_text_goes_out(
    moto: MotoServer, sender: SnsSmsSender, hook: PublishHook, fault: Fault
) -> None:
    hook.fail_next(fault, fault)

    message_id = await sender.send(PHONE, "hello", dedupe_key="k1")

    assert hook.attempts == 3
    assert moto.sms() == [PublishedSms("+12125550123", "hello", message_id)]


@pytest.mark.parametrize("fault", [THROTTLING, SERVER_ERROR], ids=["throttling", "http-500"])
async def test_a_lasting_fault_is_a_temporary_failure_after_max_attempts(
    moto: MotoServer, sender: SnsSmsSender, hook: PublishHook, fault: Fault
) -> None:
    hook.fail_always(fault)

    with pytest.raises(SmsSendFailed, match=f"SNS {fault.code} .*after 3 attempts") as failure:
        await sender.send(PHONE, "hello", dedupe_key="k1")

    assert not failure.value.permanent
    assert (hook.attempts, moto.sms()) == (3, [])


@pytest.mark.parametrize("fault", [INVALID_PARAMETER, OPTED_OUT, NOT_AUTHORIZED], ids=lambda f: f.code)
async def test_a_refusal_is_permanent_and_never_retried(
    moto: MotoServer, sender: SnsSmsSender, hook: PublishHook, fault: Fault
) -> None:
    hook.fail_always(fault)

    with pytest.raises(SmsSendFailed, match=f"SNS {fault.code} \\(HTTP {fault.status}\\)") as failure:
        await sender.send(PHONE, "hello", dedupe_key="k1")

    assert failure.value.permanent
    assert "+12125550123" not in failure.value.reason  # the number in SNS's message is masked
    assert (hook.attempts, moto.sms()) == (1, [])


async def test_a_text_moto_itself_rejects_is_permanent(
    moto: MotoServer, sender: SnsSmsSender, hook: PublishHook
) -> None:
    with pytest.raises(SmsSendFailed, match=r"InvalidParameter.*1600 bytes") as failure:
        await sender.send(PHONE, "x" * 1700, dedupe_key="k1")

    assert failure.value.permanent
    assert (hook.attempts, moto.sms()) == (1, [])


async def test_a_dead_endpoint_is_a_temporary_failure(hook: PublishHook) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    sender = SnsSmsSender(sns_config(f"http://127.0.0.1:{port}"), session=hook.session())

    with pytest.raises(SmsSendFailed, match="SNS unreachable: EndpointConnectionError") as failure:
        await sender.send(PHONE, "hello", dedupe_key="k1")

    assert not failure.value.permanent
    assert hook.attempts == 3


async def test_a_server_that_never_answers_times_out_as_a_temporary_failure(hook: PublishHook) -> None:
    with socket.socket() as silent:  # accepts connections (into the backlog) and never replies
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        config = sns_config(f"http://127.0.0.1:{silent.getsockname()[1]}").model_copy(
            update={"read_timeout": 0.2, "max_attempts": 2}
        )
        sender = SnsSmsSender(config, session=hook.session())

        with pytest.raises(SmsSendFailed, match="SNS unreachable: ReadTimeoutError") as failure:
            await sender.send(PHONE, "hello", dedupe_key="k1")

    assert not failure.value.permanent
    assert hook.attempts == 2


async def test_the_deadline_stops_retries_that_would_start_too_late(moto: MotoServer, hook: PublishHook) -> None:
    config = sns_config(moto.endpoint).model_copy(
        update={"max_attempts": 5, "send_deadline": 0.05, "backoff_initial": 0.1}
    )
    sender = SnsSmsSender(config, session=hook.session())
    hook.fail_always(THROTTLING)

    with pytest.raises(SmsSendFailed) as failure:
        await sender.send(PHONE, "hello", dedupe_key="k1")

    assert not failure.value.permanent
    assert hook.attempts == 1


async def test_a_dedupe_key_already_published_is_not_published_again(
    moto: MotoServer, sender: SnsSmsSender, hook: PublishHook
) -> None:
    first = await sender.send(PHONE, "hello", dedupe_key="k1")
    again = await sender.send(PHONE, "hello", dedupe_key="k1")
    other = await sender.send(PHONE, "bye", dedupe_key="k2")

    assert first == again != other
    assert [s.message for s in moto.sms()] == ["hello", "bye"]


async def test_two_rounds_sending_one_message_at_once_publish_it_once(
    moto: MotoServer, sender: SnsSmsSender, hook: PublishHook
) -> None:
    hook.fail_next(THROTTLING)  # keeps the first send busy while the second arrives

    ids = await asyncio.gather(*(sender.send(PHONE, "hello", dedupe_key="k1") for _ in range(3)))

    assert len(set(ids)) == 1
    assert [s.message_id for s in moto.sms()] == [ids[0]]
    assert hook.attempts == 2


async def test_a_text_longer_than_a_segment_is_sent_with_a_warning(
    moto: MotoServer, sender: SnsSmsSender, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="slotline.infrastructure.aws"):
        await sender.send(PHONE, "y" * 200, dedupe_key="k1")

    [warning] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert warning.getMessage() == "SMS k1 to +12*******23 needs 2 segments (200 characters)"
    assert "+12125550123" not in caplog.text
    assert len(moto.sms()) == 1


def test_credentials_stay_out_of_repr() -> None:
    config = SnsSettings(access_key_id="AKIAEXAMPLE", secret_access_key="s3cr3t-value", session_token="tok3n")

    shown = repr(SnsSmsSender(config))

    assert shown.startswith("SnsSmsSender(SnsSettings(region='us-east-1'")
    assert not [secret for secret in ("AKIAEXAMPLE", "s3cr3t-value", "tok3n") if secret in shown]


@pytest.mark.parametrize(
    ("build", "problem"),
    [
        (lambda: SnsSettings(sms_type="Urgent"), "sms_type"),
        (lambda: SnsSettings(sender_id="Maple Street Clinic"), "sender_id"),
        (lambda: SnsSettings(sender_id="12345"), "sender_id"),
        (lambda: SnsSettings(origination_number="2125550100"), "origination_number"),
        (lambda: SnsSettings(access_key_id="AKIAEXAMPLE"), "together"),
        (lambda: SnsSettings(read_timeout=0.0), "read_timeout"),
        (lambda: SnsSettings(max_attempts=0), "max_attempts"),
    ],
)
def test_a_config_that_cannot_work_is_refused(build: Callable[[], SnsSettings], problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        build()
