"""Speech engines are chosen by configuration alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from slotline.entrypoints.container import build_container
from slotline.entrypoints.settings import load_settings
from slotline.entrypoints.wiring.speech import cores
from slotline.infrastructure.aws.polly_tts import PollyTextToSpeech
from slotline.infrastructure.espeak import EspeakTextToSpeech
from slotline.infrastructure.faster_whisper_stt.stt import FasterWhisperSpeechToText
from slotline.infrastructure.marked_speech import MarkedTextToSpeech
from slotline.infrastructure.openai_stt.stt import OpenAISpeechToText
from slotline.infrastructure.pocketsphinx_stt import PocketsphinxSpeechToText
from tests.integration.sns_moto import MotoServer
from tests.whisper_model import TINY_EN


@pytest.fixture(scope="module")
def moto() -> Iterator[MotoServer]:
    with MotoServer.running() as server:
        yield server


def test_default_is_offline(tmp_path: Path) -> None:
    assert isinstance(build_container(load_settings({"db": tmp_path / "x.db"})).tts(), EspeakTextToSpeech)


async def test_polly_through_moto(moto: MotoServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SLOTLINE_SPEECH__TTS", "polly")
    monkeypatch.setenv("SLOTLINE_SPEECH__POLLY__ENDPOINT_URL", moto.endpoint)
    monkeypatch.setenv("SLOTLINE_SPEECH__POLLY__ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("SLOTLINE_SPEECH__POLLY__SECRET_ACCESS_KEY", "testing")
    tts = build_container(load_settings({"db": tmp_path / "x.db"})).tts()
    assert isinstance(tts, PollyTextToSpeech)
    pcm = await tts.synthesize("Thanks for calling Maple Street Clinic.", 16000)
    assert len(pcm) % 2 == 0  # moto answers placeholder audio; the request shape is tested in test_polly_tts


def test_marked_for_tests(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SLOTLINE_SPEECH__TTS", "marked")
    assert isinstance(build_container(load_settings({"db": tmp_path / "x.db"})).tts(), MarkedTextToSpeech)


@pytest.mark.parametrize(("env", "expected"), [(None, cores()), ("0", 0), ("1", 1)])
async def test_the_recogniser_decodes_in_one_worker_per_core_unless_told(
    env: str | None, expected: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if env is not None:
        monkeypatch.setenv("SLOTLINE_SPEECH__POCKETSPHINX__PROCESSES", env)
    monkeypatch.setenv("SLOTLINE_SPEECH__CACHE_DIR", str(tmp_path / "models"))
    stt = build_container(load_settings({"db": tmp_path / "x.db"})).stt()
    assert isinstance(stt, PocketsphinxSpeechToText)
    try:
        assert stt.processes == expected
    finally:
        await stt.aclose()


async def test_whisper_by_configuration_loads_the_model_directory_it_names(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SLOTLINE_SPEECH__STT", "whisper")
    monkeypatch.setenv("SLOTLINE_SPEECH__WHISPER__MODEL", str(TINY_EN))
    monkeypatch.setenv("SLOTLINE_SPEECH__WHISPER__CPU_THREADS", "2")
    stt = build_container(load_settings({"db": tmp_path / "x.db"})).stt()
    assert isinstance(stt, FasterWhisperSpeechToText)
    tts = EspeakTextToSpeech("en-us")
    try:
        pcm = await tts.synthesize("Cancel my appointment", 8000)
    finally:
        tts.close()
    assert "appointment" in (await stt.transcribe(bytes(3200) + pcm + bytes(3200), 8000)).split()


async def test_openai_by_configuration_falls_back_to_pocketsphinx_in_workers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SLOTLINE_SPEECH__STT", "openai")
    monkeypatch.setenv("SLOTLINE_SPEECH__OPENAI__BASE_URL", "http://127.0.0.1:9/v1")  # nobody listening
    monkeypatch.setenv("SLOTLINE_SPEECH__POCKETSPHINX__PROCESSES", "1")
    monkeypatch.setenv("SLOTLINE_SPEECH__CACHE_DIR", str(tmp_path / "models"))
    stt = build_container(load_settings({"db": tmp_path / "x.db"})).stt()
    assert isinstance(stt, OpenAISpeechToText)
    tts = EspeakTextToSpeech("en-us")
    try:
        pcm = await tts.synthesize("Cancel my appointment", 16000)
        await stt.warm_up()
        text = await stt.transcribe(bytes(6400) + pcm + bytes(6400), 16000)
    finally:
        tts.close()
        await stt.aclose()
    assert "appointment" in text.split()  # heard by the fallback: the server was not there
