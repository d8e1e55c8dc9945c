"""Every command, not only `serve`, sends what reaches stderr through the redacting log handler."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

NOISY_CLI = """
import logging, sys
from slotline.entrypoints import cli

built = cli.build_container

def noisy(settings):
    logging.getLogger("botocore.endpoint").warning(
        "Sending to +12125550123 with X-Amz-Security-Token: FwoGZXIvYXdzTOKENTOKEN and Message=Your haircut is booked"
    )
    return built(settings)

cli.build_container = noisy
sys.exit(cli.main(["bookings", "list", "--db", sys.argv[1]]))
"""


def test_a_library_warning_during_any_command_is_redacted(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", NOISY_CLI, str(tmp_path / "x.db")], capture_output=True, text=True, check=False
    )

    assert done.returncode == 0, done.stderr
    assert "botocore.endpoint" in done.stderr  # the warning is shown
    for leak in ("+12125550123", "FwoGZXIvYXdzTOKENTOKEN", "Your haircut is booked"):
        assert leak not in done.stderr, done.stderr
