"""telephony.max_concurrent_calls reaches the Telcoflow adapter from the config file or the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from slotline.entrypoints.container import build_container
from slotline.entrypoints.settings import Overrides, SettingsInvalid, load_settings
from slotline.infrastructure.telcoflow.adapter import TelcoflowTelephony


@pytest.fixture(autouse=True)
def telcoflow_sign_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLOTLINE_TELCOFLOW__BASE_URL", "ws://127.0.0.1:9")
    monkeypatch.setenv("SLOTLINE_TELCOFLOW__API_KEY", "test-key")
    monkeypatch.setenv("SLOTLINE_TELCOFLOW__CONNECTOR_UUID", "00000000-0000-4000-8000-000000000001")


def limit_of(tmp_path: Path, config: Path | None = None) -> int | None:
    overrides: Overrides = {"db": tmp_path / "x.db"}
    if config is not None:
        overrides["config"] = config
    settings = load_settings(overrides)
    telephony = build_container(settings).telephony()
    assert isinstance(telephony, TelcoflowTelephony)
    assert telephony.max_concurrent_calls == settings.telephony.max_concurrent_calls
    return telephony.max_concurrent_calls


def test_twenty_calls_by_default(tmp_path: Path) -> None:
    assert limit_of(tmp_path) == 20


def test_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SLOTLINE_TELEPHONY__MAX_CONCURRENT_CALLS", "5")
    assert limit_of(tmp_path) == 5


def test_from_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "slotline.toml"
    config.write_text("[telephony]\nmax_concurrent_calls = 3\n")
    assert limit_of(tmp_path, config) == 3


@pytest.mark.parametrize("value", ["0", "-2", "many"])
def test_a_bad_limit_is_one_clear_line(value: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SLOTLINE_TELEPHONY__MAX_CONCURRENT_CALLS", value)
    with pytest.raises(SettingsInvalid) as raised:
        load_settings({"db": tmp_path / "x.db"})
    message = str(raised.value)
    assert (
        message.startswith("setting telephony.max_concurrent_calls (env SLOTLINE_TELEPHONY__MAX_CONCURRENT_CALLS):")
        and "\n" not in message
    )
