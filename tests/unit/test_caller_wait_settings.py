"""The caller's waiting budgets and the filler come from the settings (file, environment or code)."""

from __future__ import annotations

from pathlib import Path

import pytest

from slotline.application.waits import CallerWaits
from slotline.entrypoints.container import build_container, phone_settings
from slotline.entrypoints.settings import Settings, SettingsInvalid, load_settings


def test_the_budgets_reach_the_use_cases(tmp_path: Path) -> None:
    settings = Settings(
        db=tmp_path / "x.db", dialogue={"lookup_budget_seconds": 0.2, "calendar_read_budget_seconds": 1.5}
    )
    container = build_container(settings)

    assert container.caller_waits() == CallerWaits(lookup_seconds=0.2, read_seconds=1.5)
    assert container.availability()._waits is container.caller_waits()


def test_the_filler_delay_is_a_telephony_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLOTLINE_TELEPHONY__FILLER_AFTER_SECONDS", "2.5")
    settings = load_settings()

    assert (
        phone_settings(settings.telephony.ring_seconds, settings.telephony.filler_after_seconds).filler_after_seconds
        == 2.5
    )


def test_a_budget_of_zero_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLOTLINE_DIALOGUE__LOOKUP_BUDGET_SECONDS", "0")
    with pytest.raises(SettingsInvalid, match="SLOTLINE_DIALOGUE__LOOKUP_BUDGET_SECONDS"):
        load_settings()
