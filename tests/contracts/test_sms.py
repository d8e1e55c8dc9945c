"""The SmsSender contract against the local SQLite sender, SNS (on a moto server) and the recording fake."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.aws.sns_sms_sender import SnsSmsSender
from slotline.infrastructure.sqlite import SqliteDatabase, SqliteSmsSender
from slotline.testing.contracts import SmsSenderContract, SmsUnderTest
from slotline.testing.fakes import RecordingSmsSender, SettableClock
from slotline.testing.sample import NOW
from tests.integration.sns_moto import OPTED_OUT, THROTTLING, MotoServer, PublishHook, sns_config


class TestSqliteSmsSender(SmsSenderContract):
    @pytest.fixture
    def sms(self, tmp_path: Path) -> SmsUnderTest:
        sender = SqliteSmsSender(SqliteDatabase(tmp_path / "slotline.db"), clock=SettableClock(NOW))

        async def delivered() -> list[tuple[PhoneNumber, str]]:
            return [(s.to, s.body) for s in await sender.sent()]

        def fail_next(permanent: bool) -> None:
            sender.fail_next(1, permanent=permanent)

        return SmsUnderTest(sender, delivered, fail_next)


@pytest.fixture(scope="module")
def moto() -> Iterator[MotoServer]:
    with MotoServer.running() as server:
        yield server


class TestSnsSmsSender(SmsSenderContract):
    @pytest.fixture
    def sms(self, moto: MotoServer) -> Iterator[SmsUnderTest]:
        moto.reset()
        config = sns_config(moto.endpoint)
        hook = PublishHook()
        sender = SnsSmsSender(config, session=hook.session())

        async def delivered() -> list[tuple[PhoneNumber, str]]:
            return [(PhoneNumber(s.phone_number), s.message) for s in moto.sms()]

        def fail_next(permanent: bool) -> None:  # the sender retries a temporary fault itself, up to max_attempts
            hook.fail_next(*([OPTED_OUT] if permanent else [THROTTLING] * config.max_attempts))

        yield SmsUnderTest(sender, delivered, fail_next)
        sender.close()


class TestRecordingSmsSender(SmsSenderContract):
    @pytest.fixture
    def sms(self) -> SmsUnderTest:
        sender = RecordingSmsSender()

        async def delivered() -> list[tuple[PhoneNumber, str]]:
            return [(t.to, t.body) for t in sender.sent]

        def fail_next(permanent: bool) -> None:
            sender.fail_next(1, permanent=permanent)

        return SmsUnderTest(sender, delivered, fail_next)
