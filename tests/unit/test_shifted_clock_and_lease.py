"""`now` with `now_since` runs a clock from a pinned instant, shared by every worker given the pair; the outbox
lease is a setting. Both let the scale-out tests watch holds and leases run out across processes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from slotline.entrypoints.container import build_container
from slotline.entrypoints.settings import SettingsInvalid, load_settings
from slotline.infrastructure.clock import ShiftedClock

NOW = datetime.fromisoformat("2026-11-25T09:00:00-05:00")


def test_a_shifted_clock_reads_now_at_since_and_runs_on() -> None:
    since = datetime.now(UTC) - timedelta(seconds=30)
    clock = ShiftedClock(NOW, since)
    read = clock.now()
    assert timedelta(seconds=30) <= read - NOW < timedelta(seconds=40)
    assert read.utcoffset() == NOW.utcoffset()  # in the zone `now` was given in
    assert clock.now() >= read
    other = ShiftedClock(NOW, since)  # another worker with the same pair: the same time
    assert abs(other.now() - clock.now()) < timedelta(seconds=1)


def test_a_shifted_clock_refuses_naive_instants() -> None:
    with pytest.raises(ValueError, match="time-zone-aware"):
        ShiftedClock(NOW, datetime(2026, 11, 25, 9))


def test_the_container_shifts_the_clock_when_now_since_is_set(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SLOTLINE_NOW_SINCE", datetime.now(UTC).isoformat())
    clock = build_container(load_settings({"now": NOW, "db": tmp_path / "x.db"})).clock()
    assert isinstance(clock, ShiftedClock)
    assert timedelta(0) <= clock.now() - NOW < timedelta(seconds=10)


def test_now_since_without_now_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLOTLINE_NOW_SINCE", "2026-11-25T14:00:00Z")
    with pytest.raises(SettingsInvalid, match="now_since needs now"):
        load_settings()


def test_the_lease_reaches_the_dispatcher(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SLOTLINE_OUTBOX__LEASE_SECONDS", "2.5")
    assert build_container(load_settings({"db": tmp_path / "x.db"})).dispatcher()._retry.lease == timedelta(seconds=2.5)
    monkeypatch.delenv("SLOTLINE_OUTBOX__LEASE_SECONDS")
    assert build_container(load_settings({"db": tmp_path / "x.db"})).dispatcher()._retry.lease == timedelta(minutes=2)
