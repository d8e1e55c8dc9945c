"""The spare espeak-ng process: waiting for text before it is needed, replaced when used, gone when closed."""

from __future__ import annotations

import gc
import os
import shutil
import signal
import time

import pytest

from slotline.application.errors import SpeechUnavailable
from slotline.infrastructure.espeak.spare import SpareEspeak

ESPEAK = shutil.which("espeak-ng")
COMMAND = [ESPEAK or "espeak-ng", "-b", "1", "--stdout", "--stdin", "-v", "en-us"]


def spare_pids(spare: SpareEspeak, wait_s: float = 5.0) -> list[int]:
    """The pid of the process waiting for text, once the background refill has started one."""
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        pids = [p.pid for p in spare._spares]
        if pids:
            return pids
        time.sleep(0.005)
    return []


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split()[2] != "Z"


def test_each_run_leaves_a_spare_that_the_next_run_uses() -> None:
    spare = SpareEspeak(COMMAND)
    first = spare.run("Hello there.", 10)
    (waiting,) = spare_pids(spare)
    second = spare.run("Hello there.", 10)
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout and len(first.stdout) > 10_000  # the same speech, waiting or not
    (next_spare,) = spare_pids(spare)
    assert next_spare != waiting  # the waiting process spoke the second sentence; a new one waits now
    spare.close()


def test_a_spare_that_died_is_replaced() -> None:
    spare = SpareEspeak(COMMAND)
    spare.run("One.", 10)
    (waiting,) = spare_pids(spare)
    os.kill(waiting, signal.SIGKILL)
    assert spare.run("Two.", 10).returncode == 0
    spare.close()


def test_closing_stops_the_spare_and_runs_go_on() -> None:
    spare = SpareEspeak(COMMAND)
    spare.run("One.", 10)
    (waiting,) = spare_pids(spare)
    spare.close()
    assert not alive(waiting)
    assert spare.run("Two.", 10).returncode == 0
    time.sleep(0.1)
    assert spare._spares == []  # closed: no new spare is kept


def test_a_forgotten_spare_is_killed() -> None:
    spare = SpareEspeak(COMMAND)
    spare.run("One.", 10)
    (waiting,) = spare_pids(spare)
    del spare
    gc.collect()
    assert not alive(waiting)


def test_a_missing_program_is_a_backend_error() -> None:
    with pytest.raises(SpeechUnavailable, match="not installed"):
        SpareEspeak(["espeak-ng-not-installed"]).run("hello", 1)


def test_a_hung_program_is_a_backend_error() -> None:
    sleeper = shutil.which("sleep")
    assert sleeper is not None
    with pytest.raises(SpeechUnavailable, match="longer than"):
        SpareEspeak([sleeper, "30"]).run("hello", 0.2)
