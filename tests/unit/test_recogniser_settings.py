"""speech.whisper and speech.openai: the recognisers' settings, from the config file or the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from slotline.entrypoints.settings import SettingsInvalid, load_settings


def test_the_defaults_are_tiny_en_on_the_cpu_and_openai_with_a_fallback(tmp_path: Path) -> None:
    speech = load_settings({"db": tmp_path / "x.db"}).speech

    assert (speech.stt, speech.whisper.model, speech.whisper.device, speech.whisper.compute_type) == (
        "pocketsphinx",
        "tiny.en",
        "cpu",
        "int8",
    )
    assert (speech.openai.base_url, speech.openai.api_key, speech.openai.fallback) == (
        "https://api.openai.com/v1",
        None,
        True,
    )


def test_the_environment_sets_them(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name, value in {
        "SLOTLINE_SPEECH__STT": "whisper",
        "SLOTLINE_SPEECH__WHISPER__MODEL": "/models/small.en",
        "SLOTLINE_SPEECH__WHISPER__DEVICE": "auto",
        "SLOTLINE_SPEECH__WHISPER__CPU_THREADS": "2",
        "SLOTLINE_SPEECH__OPENAI__BASE_URL": "http://127.0.0.1:8000/v1/",
        "SLOTLINE_SPEECH__OPENAI__MODEL": "whisper-large-v3-turbo",
        "SLOTLINE_SPEECH__OPENAI__API_KEY": "gsk-secret",
        "SLOTLINE_SPEECH__OPENAI__DEADLINE_SECONDS": "1.5",
    }.items():
        monkeypatch.setenv(name, value)

    speech = load_settings({"db": tmp_path / "x.db"}).speech

    assert (speech.stt, speech.whisper.model, speech.whisper.device, speech.whisper.cpu_threads) == (
        "whisper",
        "/models/small.en",
        "auto",
        2,
    )
    openai = speech.openai
    assert (openai.base_url, openai.model, openai.deadline_seconds) == (
        "http://127.0.0.1:8000/v1",
        "whisper-large-v3-turbo",
        1.5,
    )
    assert openai.api_key is not None and openai.api_key.get_secret_value() == "gsk-secret"
    assert "gsk-secret" not in repr(speech)


def test_the_config_file_sets_them(tmp_path: Path) -> None:
    config = tmp_path / "slotline.toml"
    config.write_text(
        '[speech]\nstt = "openai"\n[speech.openai]\nbase_url = "https://api.groq.com/openai/v1"\nfallback = false\n'
        "[speech.whisper]\nbeam_size = 5\nsilence_dbfs = -55\n"
    )
    speech = load_settings({"config": config}).speech

    assert (speech.stt, speech.openai.base_url, speech.openai.fallback) == (
        "openai",
        "https://api.groq.com/openai/v1",
        False,
    )
    assert (speech.whisper.beam_size, speech.whisper.silence_dbfs) == (5, -55.0)


@pytest.mark.parametrize(
    ("variable", "value", "line"),
    [
        (
            "SLOTLINE_SPEECH__OPENAI__BASE_URL",
            "api.openai.com",
            "setting speech.openai.base_url (env SLOTLINE_SPEECH__OPENAI__BASE_URL): value error, must be an http://",
        ),
        (
            "SLOTLINE_SPEECH__OPENAI__DEADLINE_SECONDS",
            "0",
            "setting speech.openai.deadline_seconds (env SLOTLINE_SPEECH__OPENAI__DEADLINE_SECONDS): input should be",
        ),
        (
            "SLOTLINE_SPEECH__WHISPER__DEVICE",
            "tpu",
            "setting speech.whisper.device (env SLOTLINE_SPEECH__WHISPER__DEVICE): input should be 'cpu', 'auto'",
        ),
        ("SLOTLINE_SPEECH__STT", "vosk", "setting speech.stt (env SLOTLINE_SPEECH__STT): unknown backend 'vosk'"),
    ],
)
def test_a_bad_value_is_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, variable: str, value: str, line: str
) -> None:
    monkeypatch.setenv(variable, value)

    with pytest.raises(SettingsInvalid) as raised:
        load_settings({"db": tmp_path / "x.db"})

    assert str(raised.value).startswith(line) and "\n" not in str(raised.value)
