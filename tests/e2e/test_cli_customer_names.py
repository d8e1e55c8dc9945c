"""`slotline customers add --name`: the name is cleaned where it enters, before it is stored or printed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.e2e.conftest import CALLER, Slotline

ESC = "\x1b"


def stored_names(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT name FROM customers")]


def test_a_name_is_stored_and_printed_without_escapes_or_controls(slotline: Slotline, db: Path) -> None:
    run = slotline("customers", "add", "--phone", CALLER, "--name", f"{ESC}]0;pwned\x07Dana{ESC}[31m\t Scully\x00")

    assert run.code == 0
    assert run.out == [f"saved Dana Scully ({CALLER})"]
    assert stored_names(db) == ["Dana Scully"]


def test_a_long_name_is_capped_at_80_characters(slotline: Slotline, db: Path) -> None:
    run = slotline("customers", "add", "--phone", CALLER, "--name", "Dana " + "x" * 10_000)

    assert run.code == 0
    assert stored_names(db) == [("Dana " + "x" * 10_000)[:80]]
    assert len(run.out[0]) < 120


def test_a_name_of_nothing_but_controls_is_refused_in_one_line(slotline: Slotline, db: Path) -> None:
    run = slotline("customers", "add", "--phone", CALLER, "--name", f"{ESC}[2J\x07 ")

    assert run.code == 2
    assert run.err.count("\n") == 1 and "--name" in run.err
    assert ESC not in run.err
