"""The OpenAI-compatible recogniser under the real openai SDK, against a local transcription server on 127.0.0.1:
answers, slow answers, failures (500, 429, 401) and malformed answers, each within the turn's deadline."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator

import pytest
from pydantic import SecretStr

from slotline.application.errors import RecogniserUnavailable
from slotline.domain.dialogue.expectation import Expectation, Expecting
from slotline.infrastructure.espeak import EspeakTextToSpeech
from slotline.infrastructure.openai_stt import OpenAITranscriptionSettings
from slotline.infrastructure.openai_stt.stt import OpenAISpeechToText
from tests.integration.fake_transcription import FakeTranscriptionServer, Scripted, fake_transcription_server

RATE = 8000


class FallbackStt:
    """The local recogniser's stand-in: says which turns reached it."""

    def __init__(self) -> None:
        self.turns = 0

    async def transcribe(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> str:
        self.turns += 1
        return "heard locally"


@pytest.fixture(scope="module")
def server() -> Iterator[FakeTranscriptionServer]:
    with fake_transcription_server() as running:
        yield running


@pytest.fixture
def fresh(server: FakeTranscriptionServer) -> FakeTranscriptionServer:
    server.requests.clear()
    server.script.clear()
    return server


@pytest.fixture(scope="module")
def turn() -> bytes:
    tts = EspeakTextToSpeech("en-us")
    try:
        pcm = asyncio.run(tts.synthesize("Cancel my appointment", RATE))
    finally:
        tts.close()
    return bytes(4800) + pcm + bytes(4800)


@pytest.fixture
async def fallback() -> FallbackStt:
    return FallbackStt()


def settings(server: FakeTranscriptionServer, **changes: object) -> OpenAITranscriptionSettings:
    return OpenAITranscriptionSettings.model_validate(
        {"base_url": server.url, "model": "tiny.en", "api_key": "sk-test-123", "deadline_seconds": 20.0, **changes}
    )


@pytest.fixture
async def stt(fresh: FakeTranscriptionServer, fallback: FallbackStt) -> AsyncIterator[OpenAISpeechToText]:
    adapter = OpenAISpeechToText(settings(fresh), fallback)
    yield adapter
    await adapter.aclose()


async def test_a_turn_comes_back_as_words_with_the_question_as_prompt(
    stt: OpenAISpeechToText, fresh: FakeTranscriptionServer, turn: bytes
) -> None:
    text = await stt.transcribe(turn, RATE, Expectation(Expecting.DAY))

    assert "appointment" in text.split() and text == text.lower()
    [request] = fresh.requests
    assert request == request.__class__(
        "tiny.en", "What day would you like to come in?", "en", "Bearer sk-test-123", RATE
    )


async def test_a_server_error_is_tried_again_within_the_deadline(
    stt: OpenAISpeechToText, fresh: FakeTranscriptionServer, fallback: FallbackStt, turn: bytes
) -> None:
    fresh.answer(Scripted(status=500))

    text = await stt.transcribe(turn, RATE)

    assert "appointment" in text.split() and len(fresh.requests) == 2 and fallback.turns == 0


async def test_rate_limited_twice_the_local_recogniser_hears_the_turn(
    stt: OpenAISpeechToText, fresh: FakeTranscriptionServer, fallback: FallbackStt, turn: bytes
) -> None:
    fresh.answer(Scripted(status=429), Scripted(status=429))

    assert await stt.transcribe(turn, RATE) == "heard locally"
    assert len(fresh.requests) == 2 and fallback.turns == 1


async def test_a_refused_key_is_not_tried_again(
    stt: OpenAISpeechToText, fresh: FakeTranscriptionServer, fallback: FallbackStt, turn: bytes
) -> None:
    fresh.answer(Scripted(status=401))

    assert await stt.transcribe(turn, RATE) == "heard locally"
    assert len(fresh.requests) == 1


async def test_a_slow_server_is_given_up_at_the_deadline(
    fresh: FakeTranscriptionServer, fallback: FallbackStt, turn: bytes
) -> None:
    fresh.answer(Scripted(delay=5.0))
    adapter = OpenAISpeechToText(settings(fresh, deadline_seconds=0.5), fallback)
    started = time.monotonic()

    text = await adapter.transcribe(turn, RATE)

    assert text == "heard locally" and time.monotonic() - started < 4.0  # not the 5 s the server takes
    await adapter.aclose()


@pytest.mark.parametrize(
    "answer",
    [
        Scripted(body="<html>gateway</html>"),
        Scripted(body='{"words": "no text field"}'),
        Scripted(body='{"text": 42}'),
        Scripted(body="not json at all", content_type="text/plain"),
    ],
)
async def test_a_malformed_answer_goes_to_the_local_recogniser(
    stt: OpenAISpeechToText, fresh: FakeTranscriptionServer, fallback: FallbackStt, turn: bytes, answer: Scripted
) -> None:
    fresh.answer(answer)

    assert await stt.transcribe(turn, RATE) == "heard locally"
    assert len(fresh.requests) == 1 and fallback.turns == 1


async def test_without_a_fallback_a_failed_turn_is_a_recogniser_failure(
    fresh: FakeTranscriptionServer, turn: bytes
) -> None:
    fresh.answer(Scripted(status=503), Scripted(status=503))
    adapter = OpenAISpeechToText(settings(fresh, fallback=False), FallbackStt())

    with pytest.raises(RecogniserUnavailable, match="answered 503"):
        await adapter.transcribe(turn, RATE)
    await adapter.aclose()


async def test_nobody_listening_is_a_recogniser_failure(turn: bytes) -> None:
    adapter = OpenAISpeechToText(
        OpenAITranscriptionSettings(base_url="http://127.0.0.1:9/v1", fallback=False, deadline_seconds=1.0)
    )

    with pytest.raises(RecogniserUnavailable, match="unreachable"):
        await adapter.transcribe(turn, RATE)
    await adapter.aclose()


async def test_a_quiet_turn_is_no_words_without_a_request(
    stt: OpenAISpeechToText, fresh: FakeTranscriptionServer
) -> None:
    assert await stt.transcribe(bytes(16000), RATE) == ""
    assert fresh.requests == []


def test_the_key_is_never_shown() -> None:
    shown = OpenAITranscriptionSettings(api_key=SecretStr("sk-live-secret"))
    assert "sk-live-secret" not in repr(shown) and "sk-live-secret" not in str(shown)
