"""`slotline slots` end to end: arguments, settings, the container and the sample catalogue, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sysconfig
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from dependency_injector import providers

from slotline.domain.policy import BookingPolicy
from slotline.entrypoints.cli import main
from slotline.entrypoints.container import build_container
from slotline.entrypoints.settings import load_settings
from slotline.infrastructure.clock import FixedClock, SystemClock
from slotline.infrastructure.yaml_catalogue import sample_catalogue_path
from tests.factories import NOW, sample_catalogue

PINNED = "2026-11-25T09:00:00-05:00"  # Wednesday 09:00 in New York, as tests.factories.NOW
HAIRCUT_MONDAY = ["slots", "--service", "haircut", "--date", "2026-11-30", "--now", PINNED]


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No SLOTLINE_* variable of the machine running the tests leaks in; relative paths land in tmp_path."""
    for name in [n for n in os.environ if n.upper().startswith("SLOTLINE_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def slotline(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    def run(*argv: str) -> Run:
        code = main(list(argv))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def assert_one_error_line(result: Run, *fragments: str) -> None:
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1
    assert result.err.startswith("slotline: error: ")
    assert "Traceback" not in result.err
    for fragment in fragments:
        assert fragment in result.err


def test_lists_slots_in_local_time_with_weekday_and_staff_name(slotline: Callable[..., Run]) -> None:
    result = slotline(*HAIRCUT_MONDAY)

    assert (result.code, result.err) == (0, "")
    assert result.lines[0] == "Mon 2026-11-30 09:00-09:30  Sam Rivera"  # Alex does not work on Mondays
    # 30 minutes plus a 10-minute buffer must end by Sam's 12:00 break, and resume after it.
    assert result.lines[9:11] == ["Mon 2026-11-30 11:15-11:45  Sam Rivera", "Mon 2026-11-30 13:00-13:30  Sam Rivera"]
    assert result.lines[-1] == "Mon 2026-11-30 16:15-16:45  Sam Rivera"
    assert len(result.lines) == 24


def test_json_gives_iso_instants_with_the_business_offset(slotline: Callable[..., Run]) -> None:
    result = slotline(*HAIRCUT_MONDAY, "--json")

    slots = json.loads(result.out)
    assert result.code == 0
    assert slots[0] == {"start": "2026-11-30T09:00:00-05:00", "end": "2026-11-30T09:30:00-05:00", "staff": "sam"}
    assert len(slots) == 24
    assert {s["staff"] for s in slots} == {"sam"}


def test_staff_option_keeps_one_staff_member(slotline: Callable[..., Run]) -> None:
    result = slotline("slots", "--service", "haircut", "--date", "2026-12-01", "--staff", "alex", "--now", PINNED)

    assert result.code == 0
    assert result.lines[0] == "Tue 2026-12-01 10:00-10:30  Alex Chen"
    assert all(line.endswith("  Alex Chen") for line in result.lines)
    assert "Tue 2026-12-01 13:00-13:30  Alex Chen" not in result.lines  # Alex's break


def test_days_option_spans_several_days_in_time_order(slotline: Callable[..., Run]) -> None:
    result = slotline(*HAIRCUT_MONDAY, "--days", "2")

    assert result.code == 0
    assert {line[4:14] for line in result.lines} == {"2026-11-30", "2026-12-01"}
    tuesday = [line for line in result.lines if line.startswith("Tue")]
    assert tuesday[:3] == [
        "Tue 2026-12-01 09:00-09:30  Sam Rivera",
        "Tue 2026-12-01 09:15-09:45  Sam Rivera",
        "Tue 2026-12-01 09:30-10:00  Sam Rivera",
    ]
    assert tuesday[4:6] == ["Tue 2026-12-01 10:00-10:30  Sam Rivera", "Tue 2026-12-01 10:00-10:30  Alex Chen"]
    assert len(result.lines) == 24 + 24 + 26


def test_global_options_work_before_the_command_too(slotline: Callable[..., Run]) -> None:
    before = slotline("--now", PINNED, "slots", "--service", "haircut", "--date", "2026-11-30")

    assert before.out == slotline(*HAIRCUT_MONDAY).out


def test_minimum_notice_counts_from_the_pinned_now(slotline: Callable[..., Run]) -> None:
    result = slotline("slots", "--service", "haircut", "--date", "2026-11-25", "--now", PINNED)

    assert result.lines[:2] == ["Wed 2026-11-25 10:00-10:30  Sam Rivera", "Wed 2026-11-25 10:00-10:30  Alex Chen"]


def test_a_closed_day_exits_zero_with_a_note_on_stderr(slotline: Callable[..., Run]) -> None:
    text = slotline("slots", "--service", "haircut", "--date", "2026-12-25", "--now", PINNED)
    as_json = slotline("slots", "--service", "haircut", "--date", "2026-12-25", "--now", PINNED, "--json")

    assert (text.code, text.out, text.err) == (0, "", "slotline: no free haircut slots on 2026-12-25\n")
    assert (as_json.code, json.loads(as_json.out), as_json.err) == (0, [], "")


def test_unknown_service_names_the_known_ones(slotline: Callable[..., Run]) -> None:
    result = slotline("slots", "--service", "pedicure", "--date", "2026-11-30", "--now", PINNED)

    assert_one_error_line(result, "no service with id 'pedicure'", "(services: haircut, consultation, massage, colour)")


@pytest.mark.parametrize(
    ("staff", "problem"),
    [("bob", "no staff member with id 'bob'"), ("jordan", "jordan does not perform haircut")],
)
def test_unknown_or_ineligible_staff_is_one_error_line(slotline: Callable[..., Run], staff: str, problem: str) -> None:
    result = slotline(*HAIRCUT_MONDAY, "--staff", staff)

    assert_one_error_line(result, problem, "(staff for haircut: sam, alex)")


@pytest.mark.parametrize("bad", ["2026-11-31", "tomorrow", "30/11/2026"])
def test_bad_date_is_one_error_line(slotline: Callable[..., Run], bad: str) -> None:
    result = slotline("slots", "--service", "haircut", "--date", bad, "--now", PINNED)

    assert_one_error_line(result, f"argument --date: not a date in YYYY-MM-DD form: '{bad}'")


@pytest.mark.parametrize(
    ("bad", "problem"),
    [("2026-11-25T09:00", "needs a UTC offset"), ("half past nine", "not an ISO-8601 date and time")],
)
def test_bad_now_is_one_error_line(slotline: Callable[..., Run], bad: str, problem: str) -> None:
    assert_one_error_line(slotline("slots", "--service", "haircut", "--date", "2026-11-30", "--now", bad), problem)


@pytest.mark.parametrize("days", ["0", "-1", "two"])
def test_bad_days_is_one_error_line(slotline: Callable[..., Run], days: str) -> None:
    assert_one_error_line(slotline(*HAIRCUT_MONDAY, "--days", days), "argument --days")


def test_bad_catalogue_file_is_one_error_line_naming_file_and_field(
    slotline: Callable[..., Run], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(sample_catalogue_path().read_text().replace("duration_minutes: 30", "duration_minutes: 0"))

    result = slotline(*HAIRCUT_MONDAY, "--catalog", str(bad))

    assert_one_error_line(result, f"{bad}: services[0].duration_minutes: input should be greater than 0")


def test_missing_catalogue_file_is_one_error_line(slotline: Callable[..., Run], tmp_path: Path) -> None:
    assert_one_error_line(slotline(*HAIRCUT_MONDAY, "--catalog", "nope.yaml"), "nope.yaml: no such file")


@pytest.mark.parametrize(
    ("argv", "problem"),
    [([], "required: COMMAND"), (["slots"], "required: --service, --date"), (["fly"], "invalid choice: 'fly'")],
)
def test_incomplete_command_lines_are_one_error_line(
    slotline: Callable[..., Run], argv: list[str], problem: str
) -> None:
    assert_one_error_line(slotline(*argv), problem)


def test_help_exits_zero(slotline: Callable[..., Run]) -> None:
    result = slotline("slots", "--help")

    assert result.code == 0
    assert "--service ID" in result.out


def test_environment_variables_set_catalogue_and_clock(
    slotline: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "maple.yaml").write_text(sample_catalogue_path().read_text())
    monkeypatch.setenv("SLOTLINE_CATALOG", "maple.yaml")
    monkeypatch.setenv("SLOTLINE_NOW", "2026-11-30T15:00:00Z")  # 10:00 in New York

    result = slotline("slots", "--service", "haircut", "--date", "2026-11-30")

    assert result.lines[0] == "Mon 2026-11-30 11:00-11:30  Sam Rivera"


def test_flags_beat_environment_variables(
    slotline: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SLOTLINE_CATALOG", str(tmp_path / "missing.yaml"))
    monkeypatch.setenv("SLOTLINE_NOW", "2026-11-30T15:00:00Z")

    result = slotline(*HAIRCUT_MONDAY, "--catalog", str(sample_catalogue_path()))

    assert result.lines[0] == "Mon 2026-11-30 09:00-09:30  Sam Rivera"


def test_bad_environment_variable_is_one_error_line(
    slotline: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLOTLINE_NOW", "soon")

    result = slotline("slots", "--service", "haircut", "--date", "2026-11-30")

    assert_one_error_line(result, "setting now (env SLOTLINE_NOW)", "(got 'soon')")


def test_config_file_is_read_below_environment_variables(
    slotline: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "etc"
    folder.mkdir()
    (folder / "maple.yaml").write_text(sample_catalogue_path().read_text())
    config = folder / "slotline.toml"
    config.write_text('catalog = "maple.yaml"\nnow = 2026-11-30T15:00:00Z\n\n[dialogue]\nmax_silences = 4\n')
    monkeypatch.setenv("SLOTLINE_CONFIG", str(config))

    from_file = slotline("slots", "--service", "haircut", "--date", "2026-11-30")
    monkeypatch.setenv("SLOTLINE_NOW", PINNED)
    env_wins = slotline("slots", "--service", "haircut", "--date", "2026-11-30")

    assert from_file.lines[0] == "Mon 2026-11-30 11:00-11:30  Sam Rivera"  # catalog is relative to the file
    assert env_wins.lines[0] == "Mon 2026-11-30 09:00-09:30  Sam Rivera"
    settings = load_settings()
    assert (settings.catalog, settings.dialogue.max_silences) == (folder / "maple.yaml", 4)


@pytest.mark.parametrize(
    ("content", "problem"),
    [("colour = 'red'\n", "unknown setting 'colour' in the config file"), ("now = \n", "not valid TOML")],
)
def test_bad_config_file_is_one_error_line(
    slotline: Callable[..., Run], tmp_path: Path, content: str, problem: str
) -> None:
    config = tmp_path / "slotline.toml"
    config.write_text(content)

    assert_one_error_line(slotline(*HAIRCUT_MONDAY, "--config", str(config)), problem)


def test_the_container_runs_on_the_real_clock_unless_now_is_pinned() -> None:
    real = build_container(load_settings()).clock()
    pinned = build_container(load_settings({"now": NOW})).clock()

    assert isinstance(real, SystemClock)
    assert abs(real.now() - datetime.now(UTC)) < timedelta(minutes=1)
    assert isinstance(pinned, FixedClock)
    assert pinned.now() == NOW


def test_the_container_loads_the_sample_once_and_tests_can_override_it() -> None:
    container = build_container(load_settings())
    assert container.catalogue() is container.catalogue()
    assert container.catalogue() == sample_catalogue()

    strict = sample_catalogue(BookingPolicy(min_notice=timedelta(hours=48)))
    with container.catalogue.override(providers.Object(strict)):
        assert container.catalogue().policy.min_notice == timedelta(hours=48)


def test_a_fixed_clock_refuses_a_naive_instant() -> None:
    with pytest.raises(ValueError, match="time-zone-aware"):
        FixedClock(datetime(2026, 11, 25, 9))


def test_the_installed_console_script_runs() -> None:
    script = Path(sysconfig.get_path("scripts")) / "slotline"
    ok = subprocess.run([script, *HAIRCUT_MONDAY, "--json"], capture_output=True, text=True, check=False)
    bad = subprocess.run([script, *HAIRCUT_MONDAY, "--date", "2026-02-30"], capture_output=True, text=True, check=False)

    assert (ok.returncode, ok.stderr) == (0, "")
    assert json.loads(ok.stdout)[0]["start"] == "2026-11-30T09:00:00-05:00"
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr == "slotline: error: argument --date: not a date in YYYY-MM-DD form: '2026-02-30'\n"


def test_a_slot_across_the_autumn_clock_change_shows_both_zone_names(
    slotline: Callable[..., Run], tmp_path: Path
) -> None:
    catalogue = tmp_path / "night.yaml"
    catalogue.write_text(
        'business: {name: Night Owl, timezone: America/New_York, phone: "+12125550100"}\n'
        "policy: {slot_interval_minutes: 30, min_notice_minutes: 0}\n"
        "services: [{id: nap, name: Nap, duration_minutes: 30, staff: [kim]}]\n"
        'staff: [{id: kim, name: Kim Lee, hours: {sun: ["00:30-03:30"]}}]\n'
    )
    argv = ["slots", "--catalog", str(catalogue), "--service", "nap", "--date", "2026-11-01"]

    text = slotline(*argv, "--now", "2026-10-31T12:00:00Z")
    starts = [s["start"] for s in json.loads(slotline(*argv, "--now", "2026-10-31T12:00:00Z", "--json").out)]

    assert text.lines[2] == "Sun 2026-11-01 01:30 EDT-01:00 EST  Kim Lee"
    # 01:00-02:00 happens twice; its starts are offered once, at their first occurrence.
    assert starts[1:4] == ["2026-11-01T01:00:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-01T02:00:00-05:00"]
    assert len(starts) == 6
