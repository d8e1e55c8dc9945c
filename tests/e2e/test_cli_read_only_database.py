"""A database this user cannot write is refused when a command that writes starts: one line, exit 2, nothing left.

The operator's case is a non-root user with a 0444 file. Root ignores file modes, so when the tests run as root the
child process gives up CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH first: the kernel then applies the modes to it as to
any other owner. (Switching to `nobody` would also do, but the interpreter may live where `nobody` cannot read.)
"""

from __future__ import annotations

import ctypes
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import CALLER, NOW

ROOT = Path(__file__).resolve().parents[2]
_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE = 1
_CAP_DAC_READ_SEARCH = 2

WRITING_COMMANDS = {
    "chat": ["chat", "--caller", CALLER],
    "serve": ["serve", "--max-calls", "1"],
    "demo": ["demo"],
    "customers add": ["customers", "add", "--phone", CALLER, "--name", "Ann"],
    "outbox dispatch": ["outbox", "dispatch"],
    "outbox requeue": ["outbox", "requeue", "--all-dead"],
}


def _like_an_ordinary_user() -> None:
    """In the child, before exec: root loses the capabilities that let it write whatever the file modes say."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def slotline_as_user(*args: str, db: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SLOTLINE_SPEECH__STT": "marked", "SLOTLINE_SPEECH__TTS": "marked"}
    return subprocess.run(
        [sys.executable, "-m", "slotline", *args, "--db", str(db), "--now", NOW],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=db.parent if db.parent.exists() else ROOT,
        timeout=60,
        preexec_fn=_like_an_ordinary_user,
    )


@pytest.fixture
def read_only_db(tmp_path: Path) -> Path:
    db = tmp_path / "slotline.db"
    made = slotline_as_user("customers", "add", "--phone", CALLER, "--name", "Ann", db=db)
    assert made.returncode == 0, made.stderr
    db.chmod(0o444)
    return db


def test_the_child_really_cannot_write_a_0444_file(read_only_db: Path) -> None:
    probe = subprocess.run(
        [sys.executable, "-c", f"open({str(read_only_db)!r}, 'r+b')"],
        capture_output=True,
        text=True,
        preexec_fn=_like_an_ordinary_user,
    )
    assert "PermissionError" in probe.stderr


@pytest.mark.parametrize("command", WRITING_COMMANDS.values(), ids=WRITING_COMMANDS.keys())
def test_a_read_only_database_file_is_one_line_and_exit_2(read_only_db: Path, command: list[str]) -> None:
    result = slotline_as_user(*command, db=read_only_db, stdin="a haircut tomorrow at ten\nyes\nno\n")

    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr == (
        f"slotline: error: storage unavailable: {read_only_db} is read-only for this user; "
        "slotline must be able to write it\n"
    )
    assert "agent:" not in result.stdout
    assert sorted(p.name for p in read_only_db.parent.iterdir()) == ["slotline.db"]  # no -wal or -shm left behind


def test_a_new_database_in_a_read_only_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    db = folder / "slotline.db"

    result = slotline_as_user("chat", "--caller", CALLER, db=db, stdin="hello\n")

    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith(f"slotline: error: storage unavailable: {db}: the folder {folder} is read-only")
    assert result.stderr.count("\n") == 1
    assert list(folder.iterdir()) == []


def test_reading_commands_still_read_a_read_only_file(read_only_db: Path) -> None:
    result = slotline_as_user("bookings", "list", db=read_only_db)

    assert result.returncode == 0, result.stderr
