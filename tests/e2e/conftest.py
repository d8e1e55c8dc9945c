"""Running `slotline` in-process against a fresh SQLite file with a pinned clock."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from slotline.entrypoints.cli import main

NOW = "2026-11-25T09:00:00-05:00"  # a Wednesday morning in New York
CALLER = "+12125550123"


@dataclass
class Run:
    code: int
    out: list[str]
    err: str

    @property
    def agent(self) -> list[str]:
        return [line.removeprefix("agent: ") for line in self.out if line.startswith("agent: ")]

    @property
    def ending(self) -> str:
        return self.out[-1]


Slotline = Callable[..., Run]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "slotline.db"


@pytest.fixture
def slotline(db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Slotline:
    """slotline(*args, stdin="...", now=NOW) runs the CLI on the test database and returns what it printed."""

    def run(*args: str, stdin: str = "", now: str = NOW) -> Run:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main([*args, "--db", str(db), "--now", now])
        captured = capsys.readouterr()
        return Run(code, captured.out.splitlines(), captured.err)

    return run


def chat(slotline: Slotline, *lines: str, caller: str | None = CALLER, now: str = NOW) -> Run:
    args = ["chat"] + (["--caller", caller] if caller else [])
    return slotline(*args, stdin="".join(f"{line}\n" for line in lines), now=now)


def bookings(slotline: Slotline) -> list[dict[str, str]]:
    result: list[dict[str, str]] = json.loads("\n".join(slotline("bookings", "list", "--json").out))
    return result


def outbox(slotline: Slotline) -> list[dict[str, str]]:
    result: list[dict[str, str]] = json.loads("\n".join(slotline("outbox", "list", "--json").out))
    return result


def confirmations(slotline: Slotline) -> list[dict[str, str]]:
    """The outbox without the scheduled reminders: the texts that go at once."""
    return [m for m in outbox(slotline) if m["reminder_for"] is None]


def reminders(slotline: Slotline) -> list[dict[str, str]]:
    return [m for m in outbox(slotline) if m["reminder_for"] is not None]
