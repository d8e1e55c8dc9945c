"""The loopback server as its own process, with two `slotline serve` processes on its one connector."""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path

from tests.e2e.phone import NOW
from tests.e2e.workers import ROOT, running, start_worker, until_connected, worker_environment


async def test_two_serve_processes_share_the_calls_of_a_loopback_process(tmp_path: Path) -> None:
    loopback = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "slotline.infrastructure.telcoflow.loopback",
        "--port", "0", "--agents", "2", "--calls", "4", "--concurrent", "2", "--call-seconds", "1.5",
        cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        assert loopback.stdout is not None
        first = (await asyncio.wait_for(loopback.stdout.readline(), timeout=30)).decode()
        url = re.search(r"listening on (ws://127\.0\.0\.1:\d+)", first)
        assert url is not None, first
        environment = worker_environment(url.group(1), TELEPHONY__MAX_CONCURRENT_CALLS="1")
        workers = [await start_worker(f"w{n}", tmp_path, environment, "--now", NOW) for n in range(2)]
        async with running(workers):
            await until_connected(workers)
            out, _ = await asyncio.wait_for(loopback.communicate(), timeout=60)
        assert loopback.returncode == 0
    finally:
        if loopback.returncode is None:
            loopback.kill()
            await loopback.wait()
    lines = out.decode().splitlines()
    taken = [re.search(r"taken by (sm-\w+)", line) for line in lines if line.startswith("call ")]
    by = [match.group(1) for match in taken if match is not None]
    assert len(by) == 4, lines  # each call taken once
    # a limit of 1 each and 2 calls at a time: both workers take calls (their own logs name their connections)
    assert {worker.connection() for worker in workers} == set(by), lines
    assert out.decode().rstrip().splitlines()[-2].startswith("4 calls in")
