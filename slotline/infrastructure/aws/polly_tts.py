"""PollyTextToSpeech: the TextToSpeech that asks Amazon Polly for PCM16 mono at (or resampled to) the call's rate."""

from __future__ import annotations

import asyncio
import logging
import re
import time
from contextlib import closing
from typing import TYPE_CHECKING, cast

import boto3
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionError,
    HTTPClientError,
    NoCredentialsError,
    NoRegionError,
    ParamValidationError,
    PartialCredentialsError,
    ProfileNotFound,
    UnknownServiceError,
)
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, wait_exponential_jitter

from slotline.application.errors import SpeechUnavailable
from slotline.domain.dialogue.sentences import split_sentences
from slotline.infrastructure.aws.client_options import LazyClient, client_options
from slotline.infrastructure.aws.polly_settings import PollySettings
from slotline.infrastructure.common.resampling import resample_pcm16

if TYPE_CHECKING:  # the stubs are a development dependency; nothing below needs them at run time
    from mypy_boto3_polly.client import PollyClient
    from mypy_boto3_polly.literals import VoiceIdType

__all__ = ["MAX_TEXT_CHARS", "PollyTextToSpeech", "split_for_polly"]

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 3000  # Polly's limit on the characters of one SynthesizeSpeech request (plain text)
_POLLY_PCM_RATES = (8000, 16000)  # the only rates Polly's "pcm" output comes in

_TEMPORARY_CODES = frozenset(
    {
        "Throttling",
        "ThrottlingException",
        "TooManyRequestsException",
        "RequestLimitExceeded",
        "ServiceFailureException",  # Polly's own 500
        "InternalFailure",
        "InternalError",
        "InternalServerError",
        "ServiceUnavailable",
        "ServiceUnavailableException",
        "RequestTimeout",
        "RequestTimeoutException",
        "ExpiredToken",  # rotating credentials refresh on the next attempt
        "ExpiredTokenException",
        "RequestExpired",
    }
)
_PERMANENT_CODES = frozenset(
    {
        "InvalidSampleRateException",
        "TextLengthExceededException",
        "InvalidSsmlException",
        "LexiconNotFoundException",
        "MarksNotSupportedForFormatException",
        "SsmlMarksNotSupportedForTextTypeException",
        "LanguageNotSupportedException",
        "EngineNotSupportedException",  # the voice has no such engine (or not in this region)
        "ValidationException",  # e.g. an unknown VoiceId
        "InvalidParameterValue",
        "MissingParameter",
        "AccessDenied",
        "AccessDeniedException",
        "UnrecognizedClientException",
        "InvalidClientTokenId",
        "InvalidSignatureException",
        "SignatureDoesNotMatch",
        "IncompleteSignature",
        "MissingAuthenticationToken",
    }
)
# Local mistakes in how the synthesiser is configured: the same call fails the same way every time.
_CONFIGURATION_ERRORS = (
    NoCredentialsError,
    PartialCredentialsError,
    NoRegionError,
    ProfileNotFound,
    ParamValidationError,
    UnknownServiceError,
)
_CLAUSE_BREAK = re.compile(r"[,;:]\s")
_SPACE = re.compile(r"\s")


class _AttemptFailed(Exception):
    """One SynthesizeSpeech attempt failed; `temporary` means another attempt may succeed."""

    def __init__(self, reason: str, *, temporary: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.temporary = temporary


def _is_temporary(exc: BaseException) -> bool:
    return isinstance(exc, _AttemptFailed) and exc.temporary


class PollyTextToSpeech:
    """Speaks with a Polly voice; PCM16 mono at the asked rate.

    Polly's PCM comes at 8000 or 16000 Hz only: 8000 Hz (or less) is asked for at 8000, anything else at 16000 and
    resampled with soxr (24000 Hz, the usual wideband call rate, is 1.5x the 16 kHz samples). Text longer than
    Polly's 3000-character limit is cut at sentence boundaries (then clauses, then spaces) and the pieces are asked
    for one after another and joined. Retries are tenacity's, inside `config.deadline`, which bounds the whole call;
    botocore's own retries are off, so the two never multiply. The boto3 client is made on the first request, in a
    worker thread, and shared (boto3 clients are thread-safe). `session` lets a caller bring its own boto3 session
    (a profile, or event hooks).
    """

    def __init__(self, config: PollySettings, *, session: boto3.session.Session | None = None) -> None:
        self._config = config
        self._session = session
        self._client = LazyClient(self._new_client)

    @property
    def config(self) -> PollySettings:
        return self._config

    async def synthesize(self, text: str, sample_rate: int) -> bytes:
        """`text` spoken as PCM16 mono at `sample_rate` (whole samples); SpeechUnavailable when Polly cannot."""
        if sample_rate <= 0:
            raise ValueError(f"sample rate must be positive, not {sample_rate}")
        pieces = split_for_polly(text)
        if not pieces:
            return b""
        polly_rate = _POLLY_PCM_RATES[0] if sample_rate <= _POLLY_PCM_RATES[0] else _POLLY_PCM_RATES[1]
        deadline = time.monotonic() + self._config.deadline
        audio = bytearray()
        for number, piece in enumerate(pieces, 1):
            audio += await self._piece_with_retries(piece, polly_rate, deadline, f"piece {number}/{len(pieces)}")
        return resample_pcm16(bytes(audio), polly_rate, sample_rate)

    def close(self) -> None:
        """Release the client's connections; a later request makes a new client."""
        self._client.close()

    async def _piece_with_retries(self, text: str, polly_rate: int, deadline: float, label: str) -> bytes:
        c = self._config

        def stop(state: RetryCallState) -> bool:
            return state.attempt_number >= c.max_attempts or time.monotonic() + state.upcoming_sleep >= deadline

        retried: list[str] = []  # why the attempts that were retried failed

        def log_retry(state: RetryCallState) -> None:
            error = state.outcome.exception() if state.outcome else None
            wait = state.next_action.sleep if state.next_action else 0.0
            if isinstance(error, _AttemptFailed):
                retried.append(error.reason)
            log.warning("Polly %s: attempt %d failed (%s); retry in %.2fs", label, state.attempt_number, error, wait)

        retrying = AsyncRetrying(
            stop=stop,
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
                    return await self._attempt(text, polly_rate, deadline)
        except _AttemptFailed as exc:
            after = f" (after {attempts} attempts)" if attempts > 1 else ""
            if retried and retried[-1] != exc.reason:  # the deadline cut a retry short: say why it was retrying
                after = f" (after {attempts} attempts; the last failed with: {retried[-1]})"
            raise SpeechUnavailable(f"{exc.reason}{after}") from exc
        raise AssertionError("tenacity neither returned nor raised")  # pragma: no cover

    async def _attempt(self, text: str, polly_rate: int, deadline: float) -> bytes:
        """One request, in a worker thread, abandoned (left to finish on its own) when the deadline passes."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _AttemptFailed(f"Polly gave no audio within the {self._config.deadline:g}s deadline", temporary=False)
        timeout = asyncio.timeout(remaining)
        try:
            async with timeout:
                return await asyncio.to_thread(self._request, text, polly_rate)
        except TimeoutError:
            if not timeout.expired():
                raise
            raise _AttemptFailed(
                f"Polly did not answer within the {self._config.deadline:g}s deadline", temporary=False
            ) from None

    def _request(self, text: str, polly_rate: int) -> bytes:
        """One SynthesizeSpeech request, audio read in full; boto3 failures leave as _AttemptFailed."""
        c = self._config
        try:
            response = self._polly().synthesize_speech(
                Text=text,
                TextType="text",  # never SSML: "<" and "&" in a sentence are read, not parsed
                OutputFormat="pcm",
                SampleRate=str(polly_rate),
                VoiceId=cast("VoiceIdType", c.voice_id),  # checked by Polly: voices come and go
                Engine=c.engine,
            )
            with closing(response["AudioStream"]) as stream:
                audio = stream.read()
        except (ClientError, BotoCoreError) as exc:
            raise _failure(exc) from exc
        content_type = response.get("ContentType", "audio/pcm")
        if not content_type.startswith("audio/pcm"):
            raise _AttemptFailed(f"Polly answered {content_type!r}, not audio/pcm", temporary=False)
        if len(audio) % 2:
            log.warning("Polly sent %d bytes of PCM16, an odd count; the last byte is dropped", len(audio))
            audio = audio[:-1]
        return audio

    def _polly(self) -> PollyClient:
        return self._client.get()

    def _new_client(self) -> PollyClient:
        session = self._session or boto3.session.Session()
        return session.client("polly", **client_options(self._config))

    def __repr__(self) -> str:
        return f"PollyTextToSpeech({self._config!r})"


def split_for_polly(text: str, limit: int = MAX_TEXT_CHARS) -> list[str]:
    """`text` as pieces of at most `limit` characters, cut at sentence ends where it can be; [] when nothing is said.

    A text that fits goes as it is (stripped). Otherwise whole sentences are packed into each piece; a sentence too
    long by itself is cut after its last clause mark (, ; :) that fits, else at its last space, else at `limit`.
    """
    if limit < 1:
        raise ValueError(f"limit must be positive, not {limit}")
    stripped = text.strip()
    if not any(c.isalnum() for c in stripped):
        return []
    if len(stripped) <= limit:
        return [stripped]
    pieces: list[str] = []
    current = ""
    for unit in (part for sentence in split_sentences(stripped) for part in _cut(sentence, limit)):
        if current and len(current) + 1 + len(unit) > limit:
            pieces.append(current)
            current = ""
        current = f"{current} {unit}" if current else unit
    if current:
        pieces.append(current)
    return pieces


def _cut(sentence: str, limit: int) -> list[str]:
    parts: list[str] = []
    rest = sentence
    while len(rest) > limit:
        window = rest[: limit + 1]
        clause = [m.start() + 1 for m in _CLAUSE_BREAK.finditer(window)]
        space = [m.start() for m in _SPACE.finditer(window) if m.start() > 0]
        cut = clause[-1] if clause else space[-1] if space else limit
        parts.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    if rest:
        parts.append(rest)
    return [p for p in parts if p]


def _one_line(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def _failure(exc: ClientError | BotoCoreError) -> _AttemptFailed:
    """What a boto3 failure means for the next attempt."""
    if isinstance(exc, ClientError):
        error = exc.response.get("Error", {})
        code = error.get("Code", "Unknown")
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
        reason = f"Polly {code} (HTTP {status}): {error.get('Message', '')}".rstrip(": ")
        if code in _TEMPORARY_CODES:
            temporary = True
        elif code in _PERMANENT_CODES:
            temporary = False
        else:  # an unknown 4xx would be answered the same way again; anything else may pass on another try
            temporary = not (400 <= status < 500 and status != 429)
    elif isinstance(exc, ConnectionError | HTTPClientError):
        reason, temporary = f"Polly unreachable: {type(exc).__name__}: {exc}", True
    elif isinstance(exc, _CONFIGURATION_ERRORS):
        reason, temporary = f"Polly client misconfigured: {type(exc).__name__}: {exc}", False
    else:
        reason, temporary = f"Polly client error: {type(exc).__name__}: {exc}", True
    return _AttemptFailed(_one_line(reason), temporary=temporary)
