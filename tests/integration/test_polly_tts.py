"""PollyTextToSpeech against a real moto server process: what is asked for, how audio comes back, what is retried.

moto answers SynthesizeSpeech with 8 placeholder bytes after checking OutputFormat, SampleRate, VoiceId and the
text length, so these tests assert on the requests (seen by a `before-send.polly.SynthesizeSpeech` hook), on
lengths, and on resampling arithmetic. Faults, hangs and real-sized audio are answered by the same hook, before the
request reaches moto; botocore parses those answers as it would Polly's.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import boto3
import numpy as np
import pytest
from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.compat import HTTPHeaders
from pydantic import ValidationError

from slotline.application.errors import BackendUnavailable, SpeechUnavailable
from slotline.application.ports import TextToSpeech
from slotline.infrastructure.aws.polly_settings import PollySettings
from slotline.infrastructure.aws.polly_tts import MAX_TEXT_CHARS, PollyTextToSpeech, split_for_polly
from tests.integration.sns_moto import MotoServer

PLACEHOLDER = b"\x00" * 8  # what moto answers for any valid SynthesizeSpeech
SENTENCE = "Thanks for calling Maple Street Clinic."
FRAME = 2  # bytes in one PCM16 mono sample


# --- the hook --------------------------------------------------------------------------------------------------


class _Raw:
    """The `raw` of an AWSResponse: botocore reads error bodies through `stream()`, audio through `read()`."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._offset = 0

    def stream(self, **_: object) -> Iterator[bytes]:
        yield self._data

    def read(self, amt: int | None = None) -> bytes:
        end = len(self._data) if amt is None else min(len(self._data), self._offset + amt)
        chunk, self._offset = self._data[self._offset : end], end
        return chunk

    def close(self) -> None:
        pass


@dataclass(frozen=True, slots=True)
class Answer:
    """An HTTP answer in the shape Polly (rest-json) sends."""

    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    def response(self, url: str) -> AWSResponse:
        headers = HTTPHeaders()
        for name, value in self.headers.items():
            headers[name] = value
        headers["Content-Length"] = str(len(self.body))
        return AWSResponse(url, self.status, headers, _Raw(self.body))


def fault(status: int, code: str, message: str) -> Answer:
    body = json.dumps({"__type": code, "message": message}).encode()
    return Answer(status, body, {"Content-Type": "application/json", "x-amzn-ErrorType": code})


def audio(pcm: bytes) -> Answer:
    return Answer(200, pcm, {"Content-Type": "audio/pcm", "x-amzn-RequestCharacters": "1"})


THROTTLING = fault(400, "ThrottlingException", "Rate exceeded")
SERVICE_FAILURE = fault(500, "ServiceFailureException", "An unknown condition has caused a service failure.")
UNAVAILABLE_HTML = Answer(503, b"<html><body>Service Unavailable</body></html>", {"Content-Type": "text/html"})

Responder = Callable[[dict[str, str]], Answer]  # builds an answer from the request's parameters


def tone(frequency: float, seconds: float) -> Responder:
    """Answers with a sine at the sample rate the request asked for, as Polly's PCM16 little-endian."""

    def answer(params: dict[str, str]) -> Answer:
        rate = int(params["SampleRate"])
        t = np.arange(int(rate * seconds)) / rate
        samples = (8000 * np.sin(2 * np.pi * frequency * t)).astype("<i2")
        return audio(samples.tobytes())

    return answer


class SpeechHook:
    """Sees every SynthesizeSpeech attempt (its JSON parameters); answers the next ones with queued answers."""

    def __init__(self) -> None:
        self.requests: list[dict[str, str]] = []
        self.client_threads: list[int] = []
        self._queued: deque[Answer | Responder] = deque()
        self._always: Answer | Responder | None = None
        self._hold: threading.Event | None = None
        self._hold_after = 0  # requests answered before the hold applies
        self._delay = 0.0
        self.sent = threading.Event()  # set once the first request has been seen
        self._lock = threading.Lock()

    @property
    def attempts(self) -> int:
        return len(self.requests)

    @property
    def texts(self) -> list[str]:
        return [r["Text"] for r in self.requests]

    def answer_next(self, *answers: Answer | Responder) -> None:
        """Answer the next requests with these, in order; later ones reach moto."""
        with self._lock:
            self._queued.extend(answers)

    def answer_always(self, answer: Answer | Responder | None) -> None:
        """Answer every request with `answer` (None: let them reach moto)."""
        with self._lock:
            self._always = answer

    def hold_until(self, release: threading.Event, after: int = 0) -> None:
        """Keep every request after the first `after` waiting (in its worker thread) until `release` is set."""
        self._hold, self._hold_after = release, after

    def delay_each(self, seconds: float) -> None:
        """Keep every request waiting this long (in its worker thread) before it is answered."""
        self._delay = seconds

    def session(self) -> boto3.session.Session:
        session = boto3.session.Session()
        # botocore-stubs types handlers as returning None, but a before-send handler's response replaces the HTTP call.
        session.events.register("before-send.polly.SynthesizeSpeech", self._before_send)  # type: ignore[arg-type]
        session.events.register("creating-client-class.polly", self._client_created)
        return session

    def _client_created(self, **_: object) -> None:
        self.client_threads.append(threading.get_ident())

    def _before_send(self, request: AWSPreparedRequest, **_: object) -> AWSResponse | None:
        body = request.body
        text = body.decode() if isinstance(body, bytes | bytearray) else body if isinstance(body, str) else "{}"
        params = {str(k): str(v) for k, v in json.loads(text).items()}
        with self._lock:
            self.requests.append(params)
            answer = self._queued.popleft() if self._queued else self._always
            held = self._hold is not None and len(self.requests) > self._hold_after
        self.sent.set()
        if held and self._hold is not None:
            self._hold.wait(timeout=10)
        if self._delay:
            time.sleep(self._delay)
        if answer is None:
            return None
        return (answer if isinstance(answer, Answer) else answer(params)).response(request.url)


# --- fixtures --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def moto() -> Iterator[MotoServer]:
    with MotoServer.running() as server:
        yield server


def polly_config(endpoint: str) -> PollySettings:
    """Settings for moto: fixed test credentials, short timeouts, fast and jitter-free backoff."""
    return PollySettings(
        region="us-east-1",
        endpoint_url=endpoint,
        access_key_id="testing",
        secret_access_key="testing",
        connect_timeout=1.0,
        read_timeout=2.0,
        deadline=5.0,
        max_attempts=3,
        backoff_initial=0.01,
        backoff_max=0.05,
        backoff_jitter=0.0,
    )


@pytest.fixture
def config(moto: MotoServer) -> PollySettings:
    return polly_config(moto.endpoint)


@pytest.fixture
def hook() -> SpeechHook:
    return SpeechHook()


@pytest.fixture
def tts(config: PollySettings, hook: SpeechHook) -> Iterator[PollyTextToSpeech]:
    tts = PollyTextToSpeech(config, session=hook.session())
    yield tts
    tts.close()


def dominant_frequency(pcm: bytes, rate: int) -> float:
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    return float(np.argmax(spectrum)) * rate / len(samples)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# --- the request -----------------------------------------------------------------------------------------------


def test_it_is_a_text_to_speech(config: PollySettings) -> None:
    tts: TextToSpeech = PollyTextToSpeech(config)
    assert tts is not None


@pytest.mark.parametrize(("rate", "asked"), [(8000, "8000"), (16000, "16000"), (24000, "16000")])
async def test_pcm_is_asked_for_at_a_rate_polly_has(
    tts: PollyTextToSpeech, hook: SpeechHook, rate: int, asked: str
) -> None:
    pcm = await tts.synthesize(SENTENCE, rate)

    assert hook.requests == [
        {
            "Engine": "standard",
            "OutputFormat": "pcm",
            "SampleRate": asked,
            "Text": SENTENCE,
            "TextType": "text",
            "VoiceId": "Joanna",
        }
    ]
    assert pcm and len(pcm) % FRAME == 0


async def test_the_configured_voice_and_engine_are_asked_for(config: PollySettings, hook: SpeechHook) -> None:
    tts = PollyTextToSpeech(
        config.model_copy(update={"voice_id": "Matthew", "engine": "neural"}), session=hook.session()
    )

    await tts.synthesize(SENTENCE, 8000)

    assert (hook.requests[0]["VoiceId"], hook.requests[0]["Engine"]) == ("Matthew", "neural")
    tts.close()


async def test_polly_rates_come_back_as_sent(tts: PollyTextToSpeech) -> None:
    assert await tts.synthesize(SENTENCE, 8000) == PLACEHOLDER
    assert await tts.synthesize(SENTENCE, 16000) == PLACEHOLDER


async def test_24_khz_is_one_and_a_half_times_the_16_khz_audio(tts: PollyTextToSpeech) -> None:
    at_16k = await tts.synthesize(SENTENCE, 16000)
    at_24k = await tts.synthesize(SENTENCE, 24000)

    assert abs(len(at_24k) - 1.5 * len(at_16k)) <= FRAME
    assert len(at_24k) % FRAME == 0


@pytest.mark.parametrize(("rate", "asked"), [(8000, 8000), (16000, 16000), (24000, 16000), (48000, 16000)])
async def test_real_sized_audio_keeps_its_length_and_pitch_at_the_asked_rate(
    tts: PollyTextToSpeech, hook: SpeechHook, rate: int, asked: int
) -> None:
    hook.answer_always(tone(440.0, seconds=1.0))

    pcm = await tts.synthesize(SENTENCE, rate)

    assert hook.requests[0]["SampleRate"] == str(asked)
    assert abs(len(pcm) - FRAME * rate) <= FRAME  # one second, give or take a sample
    assert dominant_frequency(pcm, rate) == pytest.approx(440.0, abs=2.0)


async def test_an_odd_byte_count_is_cut_to_whole_samples(tts: PollyTextToSpeech, hook: SpeechHook) -> None:
    hook.answer_always(audio(b"\x01\x02\x03\x04\x05"))

    assert await tts.synthesize(SENTENCE, 8000) == b"\x01\x02\x03\x04"


@pytest.mark.parametrize("text", ["", "   ", "...", " - "])
async def test_nothing_to_say_is_no_audio_and_no_request(tts: PollyTextToSpeech, hook: SpeechHook, text: str) -> None:
    assert await tts.synthesize(text, 8000) == b""
    assert hook.attempts == 0


async def test_a_rate_that_is_not_positive_is_a_programming_error(tts: PollyTextToSpeech) -> None:
    with pytest.raises(ValueError, match="sample rate"):
        await tts.synthesize(SENTENCE, 0)


async def test_the_client_is_made_once_off_the_event_loop(tts: PollyTextToSpeech, hook: SpeechHook) -> None:
    await tts.synthesize(SENTENCE, 8000)
    await tts.synthesize(SENTENCE, 8000)

    assert len(hook.client_threads) == 1
    assert hook.client_threads[0] != threading.get_ident()


# --- long text -------------------------------------------------------------------------------------------------

LONG = " ".join(f"Sentence number {i} is here to make this prompt longer than Polly takes." for i in range(100))


async def test_long_text_goes_as_several_requests_cut_at_sentence_ends(
    tts: PollyTextToSpeech, hook: SpeechHook
) -> None:
    assert len(LONG) > 2 * MAX_TEXT_CHARS

    pcm = await tts.synthesize(LONG, 16000)

    assert hook.attempts == 3
    assert all(len(text) <= MAX_TEXT_CHARS and text.endswith("takes.") for text in hook.texts)
    assert " ".join(hook.texts) == LONG
    assert pcm == PLACEHOLDER * 3  # moto accepted every piece; the audio is joined in order


async def test_long_text_at_24_khz_is_resampled_once_joined(tts: PollyTextToSpeech, hook: SpeechHook) -> None:
    pcm = await tts.synthesize(LONG, 24000)

    assert {r["SampleRate"] for r in hook.requests} == {"16000"}
    assert abs(len(pcm) - 1.5 * len(PLACEHOLDER * hook.attempts)) <= FRAME


async def test_a_sentence_longer_than_the_limit_is_cut_at_clauses(tts: PollyTextToSpeech, hook: SpeechHook) -> None:
    clauses = [f"and then item {i}" for i in range(200)]  # 3889 characters, one sentence
    text = ", ".join(clauses) + "."

    await tts.synthesize(text, 8000)

    assert hook.attempts == 2
    assert all(len(t) <= MAX_TEXT_CHARS for t in hook.texts)
    assert hook.texts[0].endswith(",")
    assert " ".join(hook.texts) == text


def test_splitting_keeps_a_text_that_fits_whole() -> None:
    text = "a" * MAX_TEXT_CHARS
    assert split_for_polly(f"  {text}\n") == [text]


def test_splitting_cuts_at_spaces_then_anywhere() -> None:
    words = " ".join(["word"] * 1000)  # 4999 characters, no punctuation
    assert [len(p) for p in split_for_polly(words)] == [2999, 1999]
    assert [len(p) for p in split_for_polly("x" * 7000)] == [3000, 3000, 1000]


def test_splitting_packs_sentences_up_to_the_limit() -> None:
    assert split_for_polly("One two. Three four. Five six.", limit=20) == ["One two. Three four.", "Five six."]


# --- failures --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("answer", [THROTTLING, SERVICE_FAILURE, UNAVAILABLE_HTML], ids=["throttling", "500", "503"])
async def test_a_passing_fault_is_retried_until_audio_comes(
    tts: PollyTextToSpeech, hook: SpeechHook, answer: Answer
) -> None:
    hook.answer_next(answer, answer)

    assert await tts.synthesize(SENTENCE, 8000) == PLACEHOLDER
    assert hook.attempts == 3
    assert hook.requests[0] == hook.requests[2]


async def test_a_lasting_server_error_is_speech_unavailable_after_max_attempts(
    tts: PollyTextToSpeech, hook: SpeechHook
) -> None:
    hook.answer_always(SERVICE_FAILURE)

    with pytest.raises(SpeechUnavailable, match=r"ServiceFailureException \(HTTP 500\).*after 3 attempts") as failure:
        await tts.synthesize(SENTENCE, 8000)

    assert isinstance(failure.value, BackendUnavailable)
    assert hook.attempts == 3


async def test_a_lasting_server_error_gives_up_within_the_deadline(config: PollySettings, hook: SpeechHook) -> None:
    patient = config.model_copy(
        update={"deadline": 2.0, "max_attempts": 1000, "backoff_initial": 0.05, "backoff_max": 0.1}
    )
    tts = PollyTextToSpeech(patient, session=hook.session())
    hook.answer_always(SERVICE_FAILURE)

    started = time.monotonic()
    with pytest.raises(SpeechUnavailable, match="ServiceFailureException"):
        await tts.synthesize(SENTENCE, 8000)
    elapsed = time.monotonic() - started

    assert elapsed < 2.0 + 2.0  # generous: the machine may be busy; the error text proves the deadline fired
    # Retried while there was time, not until max_attempts. How many attempts fit in the deadline depends on how
    # busy the machine is (CI once fitted only 4 in a second), so only "more than one, far fewer than 1000" is asked.
    assert 2 <= hook.attempts < 1000
    tts.close()


async def test_a_hanging_request_is_abandoned_at_the_deadline(config: PollySettings, hook: SpeechHook) -> None:
    # a deadline the warm-up fits in on a busy machine: the client is made (seconds) before the clock starts
    tts = PollyTextToSpeech(config.model_copy(update={"deadline": 3.0}), session=hook.session())
    await tts.synthesize(SENTENCE, 8000)
    release = threading.Event()
    hook.hold_until(release, after=1)  # the warm-up was the first request; the next is never answered in time

    started = time.monotonic()
    try:
        with pytest.raises(SpeechUnavailable, match=r"did not answer within the 3s deadline"):
            await tts.synthesize(SENTENCE, 8000)
        elapsed = time.monotonic() - started
    finally:
        release.set()  # the abandoned worker thread finishes on its own

    assert 3.0 <= elapsed < 3.0 + 2.0
    assert hook.attempts == 1 + 1  # the held request was abandoned, never retried
    tts.close()


async def test_the_deadline_covers_every_piece_of_a_long_text(config: PollySettings, hook: SpeechHook) -> None:
    tts = PollyTextToSpeech(config.model_copy(update={"deadline": 3.0}), session=hook.session())
    await tts.synthesize(SENTENCE, 8000)  # the client is made (seconds on a busy machine) before the clock starts
    release = threading.Event()
    hook.delay_each(1.0)  # the first piece takes a third of the deadline
    hook.hold_until(release, after=2)  # the second is never answered in time (the warm-up was the first request)

    started = time.monotonic()
    try:
        with pytest.raises(SpeechUnavailable, match="deadline"):
            await tts.synthesize(LONG, 8000)
        elapsed = time.monotonic() - started
    finally:
        release.set()  # the abandoned worker thread finishes on its own

    assert 3.0 <= elapsed < 1.0 + 3.0  # one deadline for the text: a deadline per piece would end after 1.0 + 3.0
    assert hook.attempts == 1 + 2  # the second piece was asked for inside the same deadline, the third never
    tts.close()


async def test_an_unknown_voice_fails_at_once(config: PollySettings, hook: SpeechHook) -> None:
    tts = PollyTextToSpeech(config.model_copy(update={"voice_id": "Nobody"}), session=hook.session())

    with pytest.raises(SpeechUnavailable, match=r"Polly InvalidParameterValue \(HTTP 400\)") as failure:
        await tts.synthesize(SENTENCE, 8000)  # moto's own answer

    assert "attempts" not in failure.value.detail
    assert hook.attempts == 1
    tts.close()


@pytest.mark.parametrize(
    "answer",
    [
        fault(400, "InvalidSampleRateException", "The specified sample rate is not valid."),
        fault(400, "TextLengthExceededException", "Maximum text length has been exceeded"),
        fault(400, "InvalidSsmlException", "Invalid SSML request"),
        fault(400, "EngineNotSupportedException", "This voice does not support the selected engine: neural"),
        fault(400, "ValidationException", "1 validation error detected: Value 'Nobody' at 'voiceId'"),
        fault(403, "UnrecognizedClientException", "The security token included in the request is invalid."),
        fault(403, "AccessDeniedException", "User is not authorized to perform: polly:SynthesizeSpeech"),
        fault(400, "SomethingNewException", "a 4xx this adapter has never heard of"),
    ],
    ids=lambda a: json.loads(a.body)["__type"],
)
async def test_a_permanent_error_fails_at_once(tts: PollyTextToSpeech, hook: SpeechHook, answer: Answer) -> None:
    hook.answer_always(answer)

    with pytest.raises(SpeechUnavailable, match=json.loads(answer.body)["__type"]):
        await tts.synthesize(SENTENCE, 8000)

    assert hook.attempts == 1


async def test_a_dead_endpoint_is_retried_then_speech_unavailable(hook: SpeechHook) -> None:
    tts = PollyTextToSpeech(polly_config(f"http://127.0.0.1:{closed_port()}"), session=hook.session())

    with pytest.raises(SpeechUnavailable, match=r"Polly unreachable: EndpointConnectionError.*after 3 attempts"):
        await tts.synthesize(SENTENCE, 8000)

    assert hook.attempts == 3
    tts.close()


async def test_missing_credentials_fail_at_once(moto: MotoServer, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    config = polly_config(moto.endpoint).model_copy(update={"access_key_id": None, "secret_access_key": None})
    hook = SpeechHook()
    tts = PollyTextToSpeech(config, session=hook.session())

    with pytest.raises(SpeechUnavailable, match="NoCredentialsError"):
        await tts.synthesize(SENTENCE, 8000)

    assert hook.attempts == 0  # botocore could not sign, so nothing was sent
    tts.close()


async def test_synthesis_can_be_cancelled(config: PollySettings, hook: SpeechHook) -> None:
    tts = PollyTextToSpeech(config, session=hook.session())
    release = threading.Event()
    hook.hold_until(release)
    try:
        task = asyncio.create_task(tts.synthesize(SENTENCE, 8000))
        assert await asyncio.to_thread(hook.sent.wait, 5)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    finally:
        release.set()
    assert hook.attempts == 1  # a barge-in is not retried
    tts.close()


# --- settings --------------------------------------------------------------------------------------------------


def test_credentials_stay_out_of_the_repr() -> None:
    config = PollySettings(access_key_id="AKIDEXAMPLE", secret_access_key="s3cr3t", session_token="t0k3n")

    shown = repr(PollyTextToSpeech(config))

    assert "Joanna" in shown
    assert not any(secret in shown for secret in ("AKIDEXAMPLE", "s3cr3t", "t0k3n"))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"engine": "turbo"}, "engine"),
        ({"voice_id": "Joanna; rm"}, "voice_id"),
        ({"voice_id": ""}, "voice_id"),
        ({"region": ""}, "region"),
        ({"access_key_id": "AKID"}, "set together"),
        ({"session_token": "t"}, "session_token needs"),
        ({"deadline": 0.0}, "deadline"),
        ({"max_attempts": 0}, "max_attempts"),
        ({"backoff_jitter": -1.0}, "backoff_jitter"),
    ],
)
def test_unusable_settings_are_refused(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        PollySettings(**changes)


def test_the_defaults_leave_time_for_a_retry() -> None:
    config = PollySettings()
    assert (config.voice_id, config.engine) == ("Joanna", "standard")
    assert config.connect_timeout + config.read_timeout + config.backoff_max < config.deadline


async def test_a_retry_cut_short_by_the_deadline_says_why_it_was_retrying(
    config: PollySettings, hook: SpeechHook
) -> None:
    def slow(params: dict[str, str]) -> Answer:
        time.sleep(3.0)  # in the worker thread: longer than the whole deadline
        return SERVICE_FAILURE

    tts = PollyTextToSpeech(config.model_copy(update={"deadline": 2.0, "max_attempts": 5}), session=hook.session())
    hook.answer_next(SERVICE_FAILURE, SERVICE_FAILURE, slow)

    with pytest.raises(SpeechUnavailable) as failure:
        await tts.synthesize(SENTENCE, 8000)

    message = str(failure.value)
    assert "did not answer within the 2s deadline" in message
    assert "after 3 attempts; the last failed with:" in message and "ServiceFailureException" in message
    tts.close()
