"""speech.stt = "deepgram" is chosen by configuration alone: settings from the environment, the container's
recogniser, the one-line errors for a missing key or a missing extra."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from slotline.entrypoints.container import build_container
from slotline.entrypoints.settings import SettingsInvalid, load_settings
from slotline.infrastructure.deepgram_stt import DeepgramSettings
from slotline.infrastructure.deepgram_stt.stt import DeepgramSpeechToText
from slotline.infrastructure.marked_speech import MarkedTextToSpeech
from slotline.infrastructure.telcoflow.loopback import LoopbackTelcoflowServer
from tests.e2e.phone import CALLER, agent_on, heard, turn, until_agent_says
from tests.integration.fake_deepgram import FakeDeepgram


@pytest.fixture
async def fake() -> AsyncIterator[FakeDeepgram]:
    async with FakeDeepgram("env-key") as server:
        yield server


async def test_the_container_recognises_with_deepgram(
    fake: FakeDeepgram, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SLOTLINE_SPEECH__STT", "deepgram")
    monkeypatch.setenv("SLOTLINE_SPEECH__DEEPGRAM__URL", fake.url)
    monkeypatch.setenv("SLOTLINE_SPEECH__DEEPGRAM__API_KEY", "env-key")
    monkeypatch.setenv("SLOTLINE_SPEECH__DEEPGRAM__DEADLINE_SECONDS", "1.5")
    settings = load_settings({"db": tmp_path / "x.db"})

    stt = build_container(settings).stt()

    assert isinstance(stt, DeepgramSpeechToText)
    assert settings.speech.deepgram is not None and settings.speech.deepgram.deadline_seconds == 1.5
    assert "env-key" not in repr(settings)
    said = await MarkedTextToSpeech().synthesize("a haircut please", 8000)
    assert await stt.transcribe(said, 8000) == "a haircut please"
    assert "haircut" in fake.received[0].query["keyterm"]  # the catalogue's words


def test_deepgram_without_a_key_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SLOTLINE_SPEECH__STT", "deepgram")

    with pytest.raises(SettingsInvalid, match=r"speech.deepgram.api_key") as raised:
        load_settings({"db": tmp_path / "x.db"})
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("name", "value"),
    [("URL", "https://api.deepgram.com"), ("DEADLINE_SECONDS", "0"), ("ENDPOINTING_MS", "-1"), ("COLOUR", "red")],
)
def test_bad_deepgram_settings_are_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, value: str
) -> None:
    monkeypatch.setenv("SLOTLINE_SPEECH__DEEPGRAM__API_KEY", "k")
    monkeypatch.setenv(f"SLOTLINE_SPEECH__DEEPGRAM__{name}", value)

    with pytest.raises(SettingsInvalid, match=name.lower()) as raised:
        load_settings({"db": tmp_path / "x.db"})
    assert "\n" not in str(raised.value)


BUILD_WITHOUT_SDK = """
import sys
sys.modules["deepgram"] = None
from pydantic import SecretStr
from slotline.entrypoints.wiring.extras import BackendNotInstalled
from slotline.entrypoints.wiring.speech import deepgram_stt
from slotline.infrastructure.deepgram_stt import DeepgramSettings
from slotline.testing.sample import sample_catalogue
try:
    deepgram_stt(sample_catalogue(), DeepgramSettings(api_key=SecretStr("k")))
except BackendNotInstalled as exc:
    print(exc)
"""


def test_deepgram_without_its_extra_names_the_extra() -> None:
    clean = {k: v for k, v in os.environ.items() if not k.upper().startswith("SLOTLINE_")}
    run = subprocess.run(
        [sys.executable, "-c", BUILD_WITHOUT_SDK], capture_output=True, text=True, timeout=60, env=clean, check=False
    )

    assert run.stdout == """speech.stt "deepgram" needs the deepgram extra: pip install 'slotline[deepgram]'\n"""


async def test_a_booking_call_heard_by_deepgram_while_the_caller_speaks(fake: FakeDeepgram, tmp_path: Path) -> None:
    """A whole call over loopback sockets with speech.stt = "deepgram": each turn is streamed to the fake."""
    deepgram = DeepgramSettings(url=fake.url, api_key=SecretStr("env-key"))
    async with (
        LoopbackTelcoflowServer() as server,
        agent_on(server, tmp_path / "x.db", max_calls=1, speech={"stt": "deepgram", "deepgram": deepgram}) as agent,
    ):
        call = await server.place_call(caller=CALLER)
        await call.wait_answered()
        await until_agent_says(call, "What can I do for you?")
        await turn(call, "i would like a haircut next tuesday afternoon with sam", "Which would you like?")
        await turn(call, "the second one", "Shall I book it?")
        await turn(call, "yes", "Is there anything else I can help you with?")
        await turn(call, "no thanks", "Goodbye!")
        assert await call.wait_ended(timeout=10) == "disconnect"
        await agent.task

    assert "You're booked: a haircut on Tuesday, December 1st at 2 PM with Sam." in heard(call)
    assert len(fake.received) >= 4 and all(r.controls == ["CloseStream"] for r in fake.received)
    first = fake.received[0]  # its audio came while the caller spoke, not all at once after the turn
    assert first.first_audio_at is not None and first.close_stream_at is not None
    assert first.close_stream_at - first.first_audio_at >= 0.15
    assert fake.received[2].query["keyterm"][:2] == ["yes", "no"]  # the read-back's expected answers
