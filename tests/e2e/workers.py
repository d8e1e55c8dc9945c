"""`slotline serve` worker processes on one loopback connector, for the scale-out tests."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
API_KEY = "workers-test-key-do-not-log"
CONNECTOR = "c0ffee00-0000-4000-8000-0000000000aa"


def worker_environment(base_url: str, **settings: str) -> dict[str, str]:
    """The environment of a worker on the loopback connector at `base_url`, marked speech, plus `settings`
    (SLOTLINE_ names without the prefix, e.g. TELEPHONY__MAX_CONCURRENT_CALLS)."""
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "SLOTLINE_TELCOFLOW__BASE_URL": base_url,
        "SLOTLINE_TELCOFLOW__API_KEY": API_KEY,
        "SLOTLINE_TELCOFLOW__CONNECTOR_UUID": CONNECTOR,
        "SLOTLINE_TELEPHONY__GRACE_SECONDS": "4",
        "SLOTLINE_METRICS__PORT": "0",  # any free port: several serve processes on one machine
        "SLOTLINE_SPEECH__STT": "marked",
        "SLOTLINE_SPEECH__TTS": "marked",
        "SLOTLINE_SPEECH__TURNS": "energy",
        "SLOTLINE_SPEECH__END_OF_TURN_MS": "300",
        "SLOTLINE_SPEECH__REPLY_TIMEOUT_SECONDS": "3",
        **{f"SLOTLINE_{name}": value for name, value in settings.items()},
    }


@dataclass
class Worker:
    """One `slotline serve` process; its stderr (the log) goes to `log`."""

    name: str
    process: asyncio.subprocess.Process
    log: Path

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def connection(self) -> str | None:
        """The smWsId of this worker's session manager, from its log line 'taking calls at ... (connection ID)'."""
        for line in self.text().splitlines():
            if "taking calls at" in line and "(connection " in line:
                return line.rsplit("(connection ", 1)[1].rstrip(")")
        return None

    def kill(self) -> None:
        """SIGKILL: no clean-up of any kind."""
        self.process.send_signal(signal.SIGKILL)

    async def stop(self) -> int:
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        return await asyncio.wait_for(self.process.wait(), timeout=30)


async def start_worker(
    name: str, folder: Path, environment: Mapping[str, str], *arguments: str, db: Path | None = None
) -> Worker:
    log = folder / f"{name}.log"
    with log.open("wb") as err:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "slotline", "serve", "--db", str(db or folder / f"{name}.db"), *arguments,
            env=dict(environment), stdout=asyncio.subprocess.DEVNULL, stderr=err,
        )  # fmt: skip
    return Worker(name, process, log)


async def until_connected(workers: list[Worker], timeout: float = 60.0) -> None:
    """Until each worker has logged its session-manager connection (or one died)."""
    async with asyncio.timeout(timeout):
        while any(worker.connection() is None for worker in workers):
            for worker in workers:
                if worker.process.returncode is not None:
                    raise AssertionError(f"{worker.name} exited {worker.process.returncode}:\n{worker.text()[-3000:]}")
            await asyncio.sleep(0.1)


@asynccontextmanager
async def running(workers: list[Worker]) -> AsyncIterator[list[Worker]]:
    """Stop (SIGTERM) every worker still running on the way out."""
    try:
        yield workers
    finally:
        for worker in workers:
            with contextlib.suppress(ProcessLookupError, TimeoutError):
                await worker.stop()
