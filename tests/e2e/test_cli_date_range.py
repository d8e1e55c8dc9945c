"""Dates a user gives (--date, --now, --since, SLOTLINE_NOW, `now` in the config file) outside 1970..9000 are one
line and exit 2, never a traceback from date arithmetic at the ends of the calendar."""

from __future__ import annotations

from pathlib import Path

import pytest

from slotline.entrypoints.cli import main
from tests.e2e.conftest import Slotline

RANGE = "outside the supported range 1970-01-01 to 9000-12-31"


@pytest.mark.parametrize(
    ("args", "now"),
    [
        (["slots", "--service", "haircut", "--date", "9999-12-31", "--days", "2"], "2026-11-25T09:00:00-05:00"),
        (["slots", "--service", "haircut", "--date", "0001-01-01"], "2026-11-25T09:00:00-05:00"),
        (["slots", "--service", "haircut", "--date", "2026-11-26"], "9999-12-31T23:00:00+00:00"),
        (["slots", "--service", "haircut", "--date", "2026-11-26"], "0001-01-01T00:00:00+00:00"),
        (["chat"], "9999-12-31T23:00:00+00:00"),
        (["outbox", "requeue", "--all-dead", "--since", "0001-01-01T00:00:00+00:00"], "2026-11-25T09:00:00-05:00"),
    ],
    ids=["date-9999", "date-0001", "now-9999", "now-0001", "chat-now-9999", "since-0001"],
)
def test_a_date_at_the_ends_of_the_calendar_is_one_line_and_exit_2(
    slotline: Slotline, args: list[str], now: str
) -> None:
    run = slotline(*args, stdin="hello\n", now=now)

    assert run.code == 2
    assert run.err.startswith("slotline: error: argument ")
    assert RANGE in run.err
    assert run.err.count("\n") == 1
    assert run.out == []


def test_the_first_and_last_supported_days_work(slotline: Slotline) -> None:
    assert slotline("slots", "--service", "haircut", "--date", "9000-12-31", "--days", "3660").code == 0
    assert slotline("slots", "--service", "haircut", "--date", "1970-01-01", now="1970-01-01T00:00:00+00:00").code == 0


@pytest.mark.parametrize("now", ["9999-12-31T23:00:00+00:00", "0001-01-01T00:00:00+00:00"])
def test_slotline_now_from_the_environment_or_config_file_is_checked_too(
    now: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["slots", "--service", "haircut", "--date", "2026-11-26", "--db", str(tmp_path / "slotline.db")]
    monkeypatch.setenv("SLOTLINE_NOW", now)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"slotline: error: setting now (env SLOTLINE_NOW): value error, {now[:10]} is {RANGE}")
    assert err.count("\n") == 1

    monkeypatch.delenv("SLOTLINE_NOW")
    config = tmp_path / "slotline.toml"
    config.write_text(f'now = "{now}"\n')
    assert main([*args, "--config", str(config)]) == 2
    assert RANGE in capsys.readouterr().err
