"""A serving process with recognition workers, killed by test_speech_stt_workers: prints its workers' pids, then
waits to be killed (run as `python -m tests.integration.stt_workers_child CACHE_DIR`)."""

from __future__ import annotations

import asyncio
import multiprocessing
import sys
from pathlib import Path

from slotline.infrastructure.pocketsphinx_stt import PocketsphinxSettings, PocketsphinxSpeechToText
from tests.factories import sample_catalogue


async def main(cache: Path) -> None:
    stt = PocketsphinxSpeechToText(sample_catalogue(), cache, PocketsphinxSettings(processes=2))
    await stt.warm_up()
    print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
    await asyncio.sleep(60)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
