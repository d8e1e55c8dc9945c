"""Every setting that is a choice (a `Literal`) can be set from the environment as well as from the config file.

Environment variables are text; a choice of numbers (the Telcoflow sample rate) used to refuse "16000" as not 16000.
The settings tree is walked, so a choice added later without a row in CHOICES fails here until it is tested too.
"""

from __future__ import annotations

import os
import types
from pathlib import Path
from typing import Literal, Union, get_args, get_origin

import pytest
from pydantic import BaseModel

from slotline.entrypoints.settings import Settings, SettingsInvalid, load_settings

_TELCOFLOW_SIGN_IN = {
    "telcoflow.api_key": "test-key",
    "telcoflow.connector_uuid": "00000000-0000-4000-8000-000000000001",
}
_GRAPH_STAND_IN = {"calendar.graph.static_token": "test-token", "calendar.graph.base_url": "http://127.0.0.1:9/v1.0"}

CHOICES: dict[str, dict[str, str]] = {
    # setting -> the other settings its section needs to be valid at all
    "storage.backend": {},
    "telcoflow.sample_rate": _TELCOFLOW_SIGN_IN,
    "calendar.graph.busy_source": _GRAPH_STAND_IN,
    "sms.sns.sms_type": {},
    "speech.polly.engine": {},
    "logs.format": {},
    "understanding.mode": {},
    "understanding.model.provider": {"understanding.model.model": "m", "understanding.model.model_id": "m"},
    "understanding.model.structured_output": {"understanding.model.model": "m"},
}


def _section(annotation: object) -> type[BaseModel] | None:
    """The settings model a field holds, also when it is optional (`TelcoflowSettings | None`)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, types.UnionType):
        models = [m for a in get_args(annotation) if (m := _section(a)) is not None]
        return models[0] if len(models) == 1 else None
    return None


def choice_settings(model: type[BaseModel] = Settings, within: str = "") -> dict[str, tuple[object, ...]]:
    """Every `Literal` setting under `model`, by dotted name, with its choices."""
    found: dict[str, tuple[object, ...]] = {}
    for name, field in model.model_fields.items():
        if get_origin(field.annotation) is Literal:
            found[within + name] = get_args(field.annotation)
        elif (section := _section(field.annotation)) is not None:
            found |= choice_settings(section, f"{within}{name}.")
    return found


def env_name(setting: str) -> str:
    return "SLOTLINE_" + setting.replace(".", "__").upper()


def value_of(settings: Settings, setting: str) -> object:
    value: object = settings
    for part in setting.split("."):
        value = getattr(value, part)
    return value


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in [n for n in os.environ if n.upper().startswith("SLOTLINE_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def test_every_choice_setting_is_covered_here() -> None:
    found = choice_settings()

    assert found["telcoflow.sample_rate"] == (8000, 16000, 24000)
    assert sorted(found) == sorted(CHOICES)


@pytest.mark.parametrize(
    ("setting", "choice"), [(setting, choice) for setting, choices in choice_settings().items() for choice in choices]
)
def test_each_choice_is_taken_from_the_environment(
    setting: str, choice: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    for other, value in CHOICES[setting].items():
        monkeypatch.setenv(env_name(other), value)
    monkeypatch.setenv(env_name(setting), str(choice))

    loaded = value_of(load_settings(), setting)

    assert loaded == choice
    assert type(loaded) is type(choice)


@pytest.mark.parametrize("setting", sorted(CHOICES))
def test_a_value_that_is_no_choice_is_one_clear_line(setting: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for other, value in CHOICES[setting].items():
        monkeypatch.setenv(env_name(other), value)
    monkeypatch.setenv(env_name(setting), "11025")

    with pytest.raises(SettingsInvalid) as raised:
        load_settings()

    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(f"setting {setting} (env {env_name(setting)}): input should be ")
    choices = choice_settings()[setting]
    assert all(repr(choice) in message for choice in choices if isinstance(choice, str))
    assert all(str(choice) in message for choice in choices)
    assert message.endswith(("(got 11025)", "(got '11025')"))


def test_a_sample_rate_written_as_a_word_is_refused_with_what_was_given(monkeypatch: pytest.MonkeyPatch) -> None:
    for other, value in _TELCOFLOW_SIGN_IN.items():
        monkeypatch.setenv(env_name(other), value)
    monkeypatch.setenv("SLOTLINE_TELCOFLOW__SAMPLE_RATE", "16k")

    with pytest.raises(SettingsInvalid, match=r"input should be 8000, 16000 or 24000 \(got '16k'\)$"):
        load_settings()


def test_the_config_file_still_sets_the_sample_rate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "slotline.toml"
    config.write_text('[telcoflow]\napi_key = "k"\nconnector_uuid = "u"\nsample_rate = 8000\n')
    monkeypatch.setenv("SLOTLINE_CONFIG", str(config))

    assert value_of(load_settings(), "telcoflow.sample_rate") == 8000

    monkeypatch.setenv("SLOTLINE_TELCOFLOW__SAMPLE_RATE", "24000")  # the environment beats the file
    assert value_of(load_settings(), "telcoflow.sample_rate") == 24000


def test_a_config_file_sample_rate_that_is_no_choice_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "slotline.toml"
    config.write_text('[telcoflow]\napi_key = "k"\nconnector_uuid = "u"\nsample_rate = 11025\n')
    monkeypatch.setenv("SLOTLINE_CONFIG", str(config))

    with pytest.raises(SettingsInvalid, match=r"^setting telcoflow.sample_rate .*\(got 11025\)$"):
        load_settings()
