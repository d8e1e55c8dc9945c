"""espeak-ng processes started before they are needed, so a reply's first sentence does not wait for one to start.

Starting espeak-ng (exec, loading the voice) is most of what a short sentence costs: measured here, 17-24 ms from
spawn to the last sample, 3-13 ms when the process was already waiting for its text (docs/speech.md). One spare
process waits on its stdin; each sentence takes it and a new spare is started in the background. When two sentences
want one at once, the second starts its own, as before.
"""

from __future__ import annotations

import subprocess
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass

from slotline.application.errors import SpeechUnavailable
from slotline.infrastructure.common.espeak_program import espeak_missing

__all__ = ["Finished", "SpareEspeak"]


@dataclass(frozen=True, slots=True)
class Finished:
    returncode: int
    stdout: bytes
    stderr: bytes


def _kill(processes: list[subprocess.Popen[bytes]]) -> None:
    while processes:
        process = processes.pop()
        process.kill()
        process.communicate()


class SpareEspeak:
    """Runs espeak-ng with fixed arguments; blocking, so call `run` off the event loop. Thread-safe."""

    def __init__(self, command: Sequence[str]) -> None:
        self._command = list(command)
        self._lock = threading.Lock()
        self._spares: list[subprocess.Popen[bytes]] = []
        self._closed = False
        # a spare left when this object goes away is killed (it would otherwise wait on stdin until we exit)
        self._finalizer = weakref.finalize(self, _kill, self._spares)

    def run(self, text: str, timeout_s: float) -> Finished:
        """espeak-ng's output for `text`; SpeechUnavailable when it is missing or hangs."""
        process, waited = self._take()
        if not self._closed:
            threading.Thread(target=self._refill, name="espeak-spare", daemon=True).start()
        done = self._speak(process, text, timeout_s)
        if done.returncode != 0 and waited:
            done = self._speak(self._start(), text, timeout_s)  # the spare died while it waited: once more, fresh
        return done

    def _speak(self, process: subprocess.Popen[bytes], text: str, timeout_s: float) -> Finished:
        try:
            out, err = process.communicate(text.encode(), timeout=timeout_s)
        except subprocess.TimeoutExpired as exc:
            process.kill()
            process.communicate()
            raise SpeechUnavailable(f"{self._command[0]} took longer than {timeout_s} s") from exc
        return Finished(process.returncode, out, err)

    def close(self) -> None:
        """Stop the spare; later runs start their own process."""
        with self._lock:
            self._closed = True
            spares, self._spares[:] = list(self._spares), []
        _kill(spares)

    def _start(self) -> subprocess.Popen[bytes]:
        try:
            return subprocess.Popen(
                self._command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
        except FileNotFoundError as exc:
            raise espeak_missing(self._command[0]) from exc

    def _take(self) -> tuple[subprocess.Popen[bytes], bool]:
        """A process for one sentence, and whether it is a spare that was waiting."""
        with self._lock:
            spare = self._spares.pop() if self._spares else None
        if spare is not None and spare.poll() is None:
            return spare, True
        if spare is not None:
            spare.communicate()  # it died waiting (killed from outside, say): reap it and start afresh
        return self._start(), False

    def _refill(self) -> None:
        try:
            process = self._start()
        except SpeechUnavailable:
            return  # the next run reports it
        with self._lock:
            keep = not self._closed and not self._spares
            if keep:
                self._spares.append(process)
        if not keep:
            _kill([process])
