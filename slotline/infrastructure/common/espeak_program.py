"""Running espeak-ng as a child process (no shell): the text goes in on stdin, so it is never read as an option."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence

from slotline.application.errors import SpeechUnavailable

__all__ = ["ESPEAK", "espeak_failed", "espeak_missing", "run_espeak_sync"]

ESPEAK = "espeak-ng"


def espeak_missing(executable: str) -> SpeechUnavailable:
    """The error when the program is not installed."""
    return SpeechUnavailable(f"{executable} is not installed (apt-get install espeak-ng)")


def espeak_failed(executable: str, code: int | None, stderr: bytes) -> SpeechUnavailable:
    """The error when the program exited with an error: its code and the start of what it wrote to stderr."""
    detail = stderr.decode(errors="replace").strip()[:200]
    return SpeechUnavailable(f"{executable} exited with {code}: {detail}")


def run_espeak_sync(args: Sequence[str], text: str, *, executable: str = ESPEAK, timeout_s: float = 10.0) -> bytes:
    """espeak-ng's stdout for `text` (blocking: start-up work done off the event loop); SpeechUnavailable on failure."""
    try:
        done = subprocess.run([executable, *args], input=text.encode(), capture_output=True, timeout=timeout_s)
    except FileNotFoundError as exc:
        raise espeak_missing(executable) from exc
    except subprocess.TimeoutExpired as exc:
        raise SpeechUnavailable(f"{executable} took longer than {timeout_s} s") from exc
    if done.returncode != 0:
        raise espeak_failed(executable, done.returncode, done.stderr)
    return done.stdout
