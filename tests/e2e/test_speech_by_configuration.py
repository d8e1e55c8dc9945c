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
from slotline.infrastructure.marked_speech import MarkedTextToSpeech
from slotline.infrastructure.pocketsphinx_stt import PocketsphinxSpeechToText
from tests.integration.sns_moto import MotoServer


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
