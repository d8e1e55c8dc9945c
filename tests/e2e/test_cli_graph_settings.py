"""Graph settings that cannot work are configuration errors: one line and exit 2 from every command, before any call
(like the SNS settings). A staff member without a calendar is a catalogue x backend check made at start-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from slotline.infrastructure.yaml_catalogue import sample_catalogue_path
from tests.e2e.conftest import CALLER, Slotline

GRAPH = "SLOTLINE_CALENDAR__GRAPH__"
BAD_SETTINGS = {
    "http-not-loopback": (
        {"BASE_URL": "http://graph.example.com/v1.0", "STATIC_TOKEN": "t"},
        "base_url must use https unless it is 127.0.0.1/localhost/::1",
    ),
    "static-token-real-graph": ({"STATIC_TOKEN": "t"}, "static_token is only for a Graph stand-in"),
    "no-credential": ({"TENANT_ID": "t", "CLIENT_ID": "c"}, "set exactly one of client_secret"),
    "two-credentials": (
        {"TENANT_ID": "t", "CLIENT_ID": "c", "CLIENT_SECRET": "s", "CERTIFICATE_PATH": "/nonexistent.pem"},
        "(got client_secret, certificate_path)",
    ),
}
COMMANDS = {
    "slots": ["slots", "--service", "haircut", "--date", "2026-11-26"],
    "chat": ["chat", "--caller", CALLER],
    "bookings": ["bookings", "list"],
}


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
@pytest.mark.parametrize(("env", "message"), BAD_SETTINGS.values(), ids=BAD_SETTINGS.keys())
def test_bad_graph_settings_are_one_line_and_exit_2(
    slotline: Slotline, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], message: str, command: list[str]
) -> None:
    monkeypatch.setenv("SLOTLINE_CALENDAR__BACKEND", "graph")
    for key, value in env.items():
        monkeypatch.setenv(GRAPH + key, value)

    run = slotline(*command, stdin="a haircut tomorrow at ten\n")

    assert run.code == 2
    assert run.err.startswith("slotline: error: setting calendar.graph (env SLOTLINE_CALENDAR__GRAPH): ")
    assert message in run.err
    assert run.err.count("\n") == 1
    assert run.out == []


def catalogue_without_sams_calendar(folder: Path) -> Path:
    text = sample_catalogue_path().read_text()
    assert "    calendar: sam@maple.example\n" in text
    path = folder / "catalogue.yaml"
    path.write_text(text.replace("    calendar: sam@maple.example\n", ""))
    return path


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_staff_member_without_a_calendar_is_one_line_naming_them_and_exit_2(
    slotline: Slotline, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, command: list[str]
) -> None:
    monkeypatch.setenv("SLOTLINE_CALENDAR__BACKEND", "graph")
    monkeypatch.setenv(GRAPH + "BASE_URL", "http://127.0.0.1:9/v1.0")  # never reached: the check comes first
    monkeypatch.setenv(GRAPH + "STATIC_TOKEN", "t")
    monkeypatch.setenv("SLOTLINE_CATALOG", str(catalogue_without_sams_calendar(tmp_path)))

    run = slotline(*command, stdin="a haircut tomorrow at ten\n")

    assert run.code == 2
    assert run.err == (
        'slotline: error: calendar.backend "graph": staff member sam has no calendar in the catalogue '
        "(give sam a Microsoft 365 mailbox as calendar:)\n"
    )
    assert run.out == []
