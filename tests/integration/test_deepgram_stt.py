"""DeepgramSpeechToText with the real deepgram-sdk against the local fake of Deepgram's live API (fake_deepgram)."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator
from datetime import date, time

import pytest
from pydantic import SecretStr

from slotline.application.errors import BackendUnavailable, SpeechUnavailable
from slotline.application.listening import CallerSaid, TurnListener
from slotline.domain.dialogue.expectation import Expectation, Expecting, OfferedSlot
from slotline.infrastructure.deepgram_stt import DeepgramSettings
from slotline.infrastructure.deepgram_stt.stt import DeepgramKeyMissing, DeepgramSpeechToText
from slotline.infrastructure.energy_vad.detector import EnergySettings, EnergyTurnDetector
from slotline.infrastructure.marked_speech import MarkedTextToSpeech
from slotline.testing.contracts.audio import quiet
from slotline.testing.sample import sample_catalogue
from tests.integration.fake_deepgram import Behaviour, FakeDeepgram

RATE = 8000


@pytest.fixture
async def fake() -> AsyncIterator[FakeDeepgram]:
    async with FakeDeepgram("test-key") as server:
        yield server


def settings(fake: FakeDeepgram, **changes: object) -> DeepgramSettings:
    values: dict[str, object] = {"url": fake.url, "api_key": SecretStr("test-key"), "deadline_seconds": 2.0}
    return DeepgramSettings.model_validate(values | changes)


async def turn(text: str, rate: int = RATE) -> bytes:
    return quiet(0.3, rate) + await MarkedTextToSpeech().synthesize(text, rate) + quiet(0.3, rate)


async def test_a_turn_comes_back_as_its_words_in_lower_case(fake: FakeDeepgram) -> None:
    stt = DeepgramSpeechToText(settings(fake))

    assert await stt.transcribe(await turn("Next Tuesday at ten"), RATE) == "next tuesday at ten"

    (seen,) = fake.received
    assert seen.authorization == "Token test-key"
    assert seen.query["encoding"] == ["linear16"] and seen.query["sample_rate"] == ["8000"]
    assert seen.query["model"] == ["nova-3"] and seen.query["endpointing"] == ["300"]
    assert seen.audio_bytes == len(await turn("Next Tuesday at ten"))
    assert seen.controls == ["CloseStream"]


async def test_punctuation_and_capitals_a_model_adds_are_dropped(fake: FakeDeepgram) -> None:
    fake.behaviour = Behaviour(canned="Yes, please. I'd like the 2nd one!")

    assert (
        await DeepgramSpeechToText(settings(fake)).transcribe(await turn("x"), RATE)
        == "yes please i'd like the 2nd one"
    )


async def test_the_expected_answers_and_the_business_words_are_sent_as_keyterms(fake: FakeDeepgram) -> None:
    stt = DeepgramSpeechToText(settings(fake), sample_catalogue())
    offers = (
        OfferedSlot(date(2026, 12, 8), time(10), "Alex Chen"),
        OfferedSlot(date(2026, 12, 8), time(11), "Sam Patel"),
    )

    await stt.transcribe(await turn("the second one"), RATE, Expectation(Expecting.CHOICE, offers))

    terms = fake.received[0].query["keyterm"]
    assert terms[:4] == ["the first one", "the second one", "alex chen", "sam patel"]
    assert "haircut" in terms and "keywords" not in fake.received[0].query


async def test_older_models_get_keywords_instead(fake: FakeDeepgram) -> None:
    stt = DeepgramSpeechToText(settings(fake, model="nova-2"))

    await stt.transcribe(await turn("yes"), RATE, Expectation(Expecting.YES_NO))

    assert fake.received[0].query["keywords"] == ["yes", "no"] and "keyterm" not in fake.received[0].query


async def test_no_key_is_a_one_line_error() -> None:
    with pytest.raises(DeepgramKeyMissing, match=r"speech.deepgram.api_key") as raised:
        DeepgramSpeechToText(DeepgramSettings())
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("behaviour", "says"),
    [
        (Behaviour(refuse=503), "HTTP 503"),
        (Behaviour(malformed=True), "not JSON"),
        (Behaviour(no_channel=True), "without channel"),
        (Behaviour(error_frame="the model is overloaded"), "the model is overloaded"),
        (Behaviour(close_with=(1008, "DATA-0000")), "1008"),
    ],
)
async def test_a_failing_recogniser_is_speech_unavailable(fake: FakeDeepgram, behaviour: Behaviour, says: str) -> None:
    fake.behaviour = behaviour

    with pytest.raises(SpeechUnavailable, match=says) as raised:
        await DeepgramSpeechToText(settings(fake)).transcribe(await turn("yes"), RATE)
    assert isinstance(raised.value, BackendUnavailable)


async def test_a_wrong_key_is_speech_unavailable(fake: FakeDeepgram) -> None:
    stt = DeepgramSpeechToText(settings(fake, api_key=SecretStr("wrong")))

    with pytest.raises(SpeechUnavailable, match="HTTP 401"):
        await stt.transcribe(await turn("yes"), RATE)


async def test_a_slow_recogniser_is_speech_unavailable_at_the_deadline(fake: FakeDeepgram) -> None:
    fake.behaviour = Behaviour(delay_s=5.0)
    stt = DeepgramSpeechToText(settings(fake, deadline_seconds=0.3))

    with pytest.raises(SpeechUnavailable, match=r"within 0.3 s"):
        await stt.transcribe(await turn("yes"), RATE)


async def test_nobody_listening_is_speech_unavailable() -> None:
    with socket.socket() as unused:  # a port on 127.0.0.1 that nothing listens on once closed
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    values = {"url": f"ws://127.0.0.1:{port}", "api_key": SecretStr("test-key")}
    stt = DeepgramSpeechToText(DeepgramSettings.model_validate(values))

    with pytest.raises(SpeechUnavailable, match="ConnectionRefusedError"):
        await stt.transcribe(await turn("yes"), RATE)


async def test_a_server_that_never_answers_the_handshake_is_speech_unavailable() -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read()  # reads the upgrade request, never answers it

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    values = {"url": f"ws://127.0.0.1:{port}", "api_key": SecretStr("k"), "deadline_seconds": 0.3}
    stt = DeepgramSpeechToText(DeepgramSettings.model_validate(values))
    try:
        with pytest.raises(SpeechUnavailable, match=r"no connection within 0.3 s"):
            async with stt.stream(RATE):
                pass
    finally:
        server.close()


async def test_a_cancelled_turn_leaves_nothing_running(fake: FakeDeepgram) -> None:
    """The listener cancels early recognition when the caller speaks again."""
    fake.behaviour = Behaviour(delay_s=5.0)
    stt = DeepgramSpeechToText(settings(fake, deadline_seconds=10))
    task = asyncio.create_task(stt.transcribe(await turn("yes"), RATE))
    await asyncio.sleep(0.2)

    task.cancel()

    with pytest.raises(asyncio.CancelledError):
        await task
    fake.behaviour = Behaviour()
    assert await stt.transcribe(await turn("yes"), RATE) == "yes"


async def test_a_stream_gives_partials_while_audio_arrives_and_marks_the_end_of_speech(fake: FakeDeepgram) -> None:
    stt = DeepgramSpeechToText(settings(fake, endpointing_ms=200))
    speech = await MarkedTextToSpeech().synthesize("the second one", RATE)
    frame = 2 * RATE // 50
    partials = []

    async with stt.stream(RATE) as stream:
        for i in range(0, len(speech), frame):
            await stream.send(speech[i : i + frame])
            await asyncio.sleep(0.01)
            partials.append(stream.partial)
        assert not stream.speech_final.is_set()
        for _ in range(15):  # 300 ms of quiet: more than the endpointing wait
            await stream.send(quiet(0.02, RATE))
        await asyncio.wait_for(stream.speech_final.wait(), 2)
        assert stream.partial == "the second one"
        assert await stream.finish() == "the second one"

    assert partials[-1] == "the second one" and any(p != partials[-1] for p in partials)
    assert fake.received[0].query["interim_results"] == ["true"]


async def test_the_key_is_never_logged(fake: FakeDeepgram, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    stt = DeepgramSpeechToText(settings(fake, api_key=SecretStr("test-key")))

    await stt.transcribe(await turn("yes"), RATE)
    fake.behaviour = Behaviour(refuse=401)
    with pytest.raises(SpeechUnavailable) as raised:
        await stt.transcribe(await turn("yes"), RATE)

    assert "test-key" not in caplog.text and "test-key" not in str(raised.value) and "test-key" not in repr(stt)


async def test_a_call_listener_streams_the_turn_to_deepgram_while_the_caller_speaks(fake: FakeDeepgram) -> None:
    """The phone call's TurnListener with the Deepgram adapter: audio is sent from the start of the turn."""
    stt = DeepgramSpeechToText(settings(fake))
    detector = EnergyTurnDetector(RATE, EnergySettings(end_silence_ms=600, pause_ms=100, quick_end_ms=200))

    async def finished(text: str) -> bool:
        return text == "yes please"

    listener = TurnListener(LineStub(), detector, stt, finished)
    speech = await MarkedTextToSpeech(min_seconds=0.6).synthesize("yes please", RATE)
    frame = 2 * RATE // 50
    heard = []
    for i in range(0, len(speech), frame):
        heard += await listener.take(speech[i : i + frame])
        await asyncio.sleep(0.005)
    sent_while_speaking = fake.received[0].audio_bytes
    for _ in range(40):
        heard += await listener.take(quiet(0.02, RATE))
        await asyncio.sleep(0.005)
    listener.close()

    assert sent_while_speaking >= len(speech) // 2
    assert [t.text for t in heard if isinstance(t, CallerSaid)] == ["yes please"]
    assert heard[0] == CallerSaid("yes please", quick=True)
    assert len(fake.received) == 1 and fake.received[0].controls == ["CloseStream"]


class LineStub:
    call_id = "call-1"
    sample_rate = RATE

    async def stop_playback(self) -> None:
        raise AssertionError("nobody was talking over the agent")
