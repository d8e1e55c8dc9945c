"""The language model's settings: what each provider needs, refused in one line; the key never shown."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from slotline.entrypoints.settings import SettingsInvalid, load_settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in [n for n in os.environ if n.upper().startswith("SLOTLINE_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def test_a_model_from_the_config_file_defaults_to_hybrid_and_hides_its_key(tmp_path: Path) -> None:
    config = tmp_path / "slotline.toml"
    config.write_text(
        '[understanding]\nbackend = "model"\n\n[understanding.model]\n'
        'base_url = "http://127.0.0.1:11434/v1"\nmodel = "qwen2.5:7b-instruct"\napi_key = "sk-very-secret"\n'
    )

    settings = load_settings({"config": config})

    assert (settings.understanding.backend, settings.understanding.mode) == ("model", "hybrid")
    assert settings.understanding.model is not None
    assert settings.understanding.model.deadline_seconds == 0.8
    assert "sk-very-secret" not in repr(settings) and "sk-very-secret" not in str(settings.understanding)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"SLOTLINE_UNDERSTANDING__BACKEND": "model"},
            'backend "model" needs the [understanding.model] section (provider, model or model_id)',
        ),
        (
            {"SLOTLINE_UNDERSTANDING__BACKEND": "model", "SLOTLINE_UNDERSTANDING__MODEL__PROVIDER": "openai"},
            'provider "openai" needs `model`, the model name the endpoint serves',
        ),
        (
            {"SLOTLINE_UNDERSTANDING__MODEL__PROVIDER": "bedrock"},
            'provider "bedrock" needs `model_id`',
        ),
        (
            {"SLOTLINE_UNDERSTANDING__MODEL__MODEL": "m", "SLOTLINE_UNDERSTANDING__MODEL__DEADLINE_MS": "10"},
            "greater than or equal to 50",
        ),
    ],
)
def test_what_a_provider_lacks_is_one_line(env: dict[str, str], message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)

    with pytest.raises(SettingsInvalid) as raised:
        load_settings()

    assert "\n" not in str(raised.value)
    assert message in str(raised.value)
