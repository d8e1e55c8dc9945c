"""`slotline console` as a real process: refused at start off loopback without a token; with one, it serves the
page to requests that carry it and shuts down cleanly on SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.integration.console_helpers import seed

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-11-25T09:00:00-05:00"
TOKEN = "console-e2e-token"


def _env(**more: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.upper().startswith("SLOTLINE_")}
    return {**clean, "PYTHONPATH": str(ROOT), **more}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_listening_beyond_loopback_without_a_token_is_refused_in_one_line(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "slotline", "console", "--db", str(tmp_path / "x.db")],
        capture_output=True,
        text=True,
        env=_env(SLOTLINE_CONSOLE__HOST="0.0.0.0"),
        timeout=60,
    )
    expected = (
        "slotline: error: console.host '0.0.0.0' is not a loopback address: set console.token "
        "(env SLOTLINE_CONSOLE__TOKEN) so every request must carry it, or listen on 127.0.0.1\n"
    )
    assert (run.returncode, run.stderr, run.stdout) == (2, expected, "")
    assert not (tmp_path / "x.db").exists()


def test_the_console_serves_token_holders_and_shuts_down_on_sigterm(tmp_path: Path) -> None:
    db = tmp_path / "slotline.db"
    seed(db)
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "slotline", "console", "--db", str(db), "--now", NOW, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(SLOTLINE_CONSOLE__TOKEN=TOKEN),
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first == f"slotline console on http://127.0.0.1:{port}/ (read-only; SIGINT or SIGTERM stops it)\n"
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                refused = httpx.get(f"{url}/calls")
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline and process.poll() is None, "the console did not come up"
                time.sleep(0.05)
        assert refused.status_code == 401
        served = httpx.get(f"{url}/calls", params={"token": TOKEN})
        assert served.status_code == 200
        assert "Haircut with Sam Rivera, Thu 26 Nov 10:00" in served.text
        assert "Wednesday 25 November 2026 09:00" in served.text  # the pinned clock
    finally:
        process.send_signal(signal.SIGTERM)
        _, log = process.communicate(timeout=20)
    # uvicorn shuts down cleanly, then ends the process by the signal it got, as a killed process would look
    # to its supervisor (systemd counts SIGTERM as a clean stop).
    assert process.returncode == -signal.SIGTERM, log
    assert "Application shutdown complete." in log
    assert TOKEN not in log, "the token reached the log"
    assert "token=[redacted]" in log  # the access line of the request that carried it
