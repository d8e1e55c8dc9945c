"""speech.pocketsphinx.processes: how many worker processes decode callers' turns, from the file or the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from slotline.entrypoints.settings import SettingsInvalid, load_settings
from slotline.entrypoints.wiring.speech import cores


def test_by_default_one_worker_per_core_is_chosen_when_the_recogniser_is_built(tmp_path: Path) -> None:
    assert load_settings({"db": tmp_path / "x.db"}).speech.pocketsphinx.processes is None
    assert cores() >= 1


@pytest.mark.parametrize("value", ["0", "3"])
def test_the_environment_sets_it(value: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SLOTLINE_SPEECH__POCKETSPHINX__PROCESSES", value)
    assert load_settings({"db": tmp_path / "x.db"}).speech.pocketsphinx.processes == int(value)


def test_the_config_file_sets_it(tmp_path: Path) -> None:
    config = tmp_path / "slotline.toml"
    config.write_text("[speech.pocketsphinx]\nprocesses = 1\n")
    assert load_settings({"config": config}).speech.pocketsphinx.processes == 1


@pytest.mark.parametrize("value", ["-1", "two"])
def test_a_bad_value_is_one_clear_line(value: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SLOTLINE_SPEECH__POCKETSPHINX__PROCESSES", value)
    with pytest.raises(
        SettingsInvalid, match=r"speech\.pocketsphinx\.processes \(env SLOTLINE_SPEECH__POCKETSPHINX__PROCESSES\)"
    ) as raised:
        load_settings({"db": tmp_path / "x.db"})
    assert "\n" not in str(raised.value)
