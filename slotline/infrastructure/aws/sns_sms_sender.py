"""SnsSmsSender: the SmsSender that publishes texts straight to phone numbers through Amazon SNS."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import boto3
from botocore.exceptions import BotoCoreError, ClientError
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    stop_before_delay,
    wait_exponential_jitter,
)

from slotline.application.errors import SmsSendFailed
from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.aws.client_options import LazyClient, client_options
from slotline.infrastructure.aws.sns_errors import sms_failure
from slotline.infrastructure.aws.sns_settings import SnsSettings
from slotline.infrastructure.common.sent_texts import SentTexts
from slotline.infrastructure.common.sms_recipient import sms_e164
from slotline.infrastructure.common.sms_text import fit_sms, segment_count

if TYPE_CHECKING:  # the stubs are a development dependency; nothing below needs them at run time
    from mypy_boto3_sns.client import SNSClient
    from mypy_boto3_sns.type_defs import MessageAttributeValueTypeDef

__all__ = ["SnsSmsSender"]

log = logging.getLogger(__name__)


def _is_temporary(exc: BaseException) -> bool:
    return isinstance(exc, SmsSendFailed) and not exc.permanent


class SnsSmsSender:
    """Publishes each text once per call with `sns.publish(PhoneNumber=...)`, retrying temporary failures itself.

    Retries are tenacity's, inside `config.send_deadline`; botocore's own retries are off (one attempt per call),
    so the two never multiply. The boto3 client is made on the first send, in a worker thread, and shared: boto3
    clients are thread-safe. `session` lets a caller bring its own boto3 session (a profile, or event hooks).
    A dedupe key this sender already published (or is publishing) returns the earlier MessageId without publishing
    again; that memory is per process and bounded, so after a restart a message may go out twice (the outbox is
    at-least-once), and so may one sent by two processes at once.
    """

    def __init__(self, config: SnsSettings, *, session: boto3.session.Session | None = None) -> None:
        self._config = config
        self._session = session
        self._client = LazyClient(self._new_client)
        self._sent = SentTexts(keep=1024)  # dedupe key -> MessageId

    @property
    def config(self) -> SnsSettings:
        return self._config

    async def send(self, to: PhoneNumber, body: str, *, dedupe_key: str) -> str:
        """Publish `body` (fitted to GSM-7 where it can be) to `to`; returns the SNS MessageId."""
        number = sms_e164(to)
        text = fit_sms(body)
        if not text:
            raise SmsSendFailed("empty message", permanent=True)
        segments = segment_count(text)
        if segments > 1:
            log.warning("SMS %s to %s needs %d segments (%d characters)", dedupe_key, to.masked(), segments, len(text))
        async with self._sent.exclusive(dedupe_key):  # a second round sending the same message waits for the first
            earlier = self._sent.earlier(dedupe_key)
            if earlier is not None:
                log.info("SMS %s to %s was already published as %s", dedupe_key, to.masked(), earlier)
                return earlier
            message_id = await self._publish_with_retries(number, text, to.masked(), dedupe_key)
            self._sent.remember(dedupe_key, message_id)
        log.info("SMS %s to %s published as %s", dedupe_key, to.masked(), message_id)
        return message_id

    def close(self) -> None:
        """Release the client's connections; a later send makes a new client."""
        self._client.close()

    async def warm_up(self) -> None:
        """Make the boto3 client now (importing botocore's service model costs ~0.3-1 s), not at the first text."""
        await asyncio.to_thread(self._client.get)

    async def aclose(self) -> None:
        self.close()

    async def _publish_with_retries(self, number: str, text: str, masked: str, dedupe_key: str) -> str:
        c = self._config

        def log_retry(state: RetryCallState) -> None:
            error = state.outcome.exception() if state.outcome else None
            wait = state.next_action.sleep if state.next_action else 0.0
            tried = state.attempt_number
            log.warning("SMS %s to %s: attempt %d failed (%s); retry in %.2fs", dedupe_key, masked, tried, error, wait)

        retrying = AsyncRetrying(
            stop=stop_after_attempt(c.max_attempts) | stop_before_delay(c.send_deadline),
            wait=wait_exponential_jitter(multiplier=c.backoff_initial, max=c.backoff_max, jitter=c.backoff_jitter),
            retry=retry_if_exception(_is_temporary),
            before_sleep=log_retry,
            reraise=True,
        )
        attempts = 0
        try:
            async for attempt in retrying:
                with attempt:
                    attempts += 1
                    return await asyncio.to_thread(self._publish, number, text, masked)
        except SmsSendFailed as exc:
            if exc.permanent or attempts == 1:
                raise
            raise SmsSendFailed(f"{exc.reason} (after {attempts} attempts)", permanent=False) from exc
        raise AssertionError("tenacity neither returned nor raised")  # pragma: no cover

    def _publish(self, number: str, text: str, masked: str) -> str:
        """One publish attempt, in a worker thread; boto3 failures leave as SmsSendFailed."""
        try:
            response = self._sns().publish(PhoneNumber=number, Message=text, MessageAttributes=self._attributes())
        except (ClientError, BotoCoreError) as exc:
            raise sms_failure(exc, hide=number, shown_as=masked) from exc
        return response["MessageId"]

    def _attributes(self) -> dict[str, MessageAttributeValueTypeDef]:
        c = self._config
        attributes: dict[str, MessageAttributeValueTypeDef] = {
            "AWS.SNS.SMS.SMSType": {"DataType": "String", "StringValue": c.sms_type},
        }
        if c.sender_id is not None:
            attributes["AWS.SNS.SMS.SenderID"] = {"DataType": "String", "StringValue": c.sender_id}
        if c.origination_number is not None:
            attributes["AWS.MM.SMS.OriginationNumber"] = {"DataType": "String", "StringValue": c.origination_number}
        return attributes

    def _sns(self) -> SNSClient:
        return self._client.get()

    def _new_client(self) -> SNSClient:
        session = self._session or boto3.session.Session()
        return session.client("sns", **client_options(self._config))

    def __repr__(self) -> str:
        return f"SnsSmsSender({self._config!r})"
