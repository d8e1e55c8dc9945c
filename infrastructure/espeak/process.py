"""Running espeak-ng as a child process (no shell): the text goes in on stdin, so it is never read as an option."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Sequence

from infrastructure.espeak.errors import SpeechUnavailable

__all__ = ["ESPEAK", "run_espeak", "run_espeak_sync"]

ESPEAK = "espeak-ng"


def _failed(proc_args: Sequence[str], code: int | None, stderr: bytes) -> SpeechUnavailable:
    detail = stderr.decode(errors="replace").strip()[:200]
    return SpeechUnavailable(f"{proc_args[0]} exited with {code}: {detail}")


async def run_espeak(args: Sequence[str], text: str, *, executable: str = ESPEAK, timeout_s: float = 10.0) -> bytes:
    """espeak-ng's stdout for `text`; SpeechUnavailable when it is missing, fails or hangs."""
    try:
        proc = await asyncio.create_subprocess_exec(
            executable,
            *args,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
    except FileNotFoundError as exc:
        raise SpeechUnavailable(f"{executable} is not installed (apt-get install espeak-ng)") from exc
    try:
        out, err = await asyncio.wait_for(proc.communicate(text.encode()), timeout_s)
    except TimeoutError as exc:
        proc.kill()
        await proc.wait()
        raise SpeechUnavailable(f"{executable} took longer than {timeout_s} s") from exc
    except BaseException:  # cancelled: leave no child behind
        if proc.returncode is None:
            proc.kill()
        await proc.wait()
        raise
    if proc.returncode != 0:
        raise _failed([executable], proc.returncode, err)
    return out


def run_espeak_sync(args: Sequence[str], text: str, *, executable: str = ESPEAK, timeout_s: float = 10.0) -> bytes:
    """The blocking twin of `run_espeak`, for start-up work done off the event loop."""
    try:
        done = subprocess.run([executable, *args], input=text.encode(), capture_output=True, timeout=timeout_s)
    except FileNotFoundError as exc:
        raise SpeechUnavailable(f"{executable} is not installed (apt-get install espeak-ng)") from exc
    except subprocess.TimeoutExpired as exc:
        raise SpeechUnavailable(f"{executable} took longer than {timeout_s} s") from exc
    if done.returncode != 0:
        raise _failed([executable], done.returncode, done.stderr)
    return done.stdout
