"""Where recognition can run without stalling other calls: does pocketsphinx release the GIL while it decodes?

Run: python -m benchmarks.recognition_threads [--turns 8]

One caller turn ("hi i'd like to book a haircut for tomorrow", espeak-ng en-us, 16 kHz) is decoded `--turns` times:
one after another on one thread; on two threads at once (each its own decoder); while an asyncio event loop ticks
every 20 ms (as a call's audio does), decoding on the loop's default executor as slotline did before issue 14. If
the decoder released the GIL, two threads would take about half the one-thread time on two cores, and the loop's
ticks would stay on time. The loop is then measured again with the turns decoded by two worker processes
(`speech.pocketsphinx.processes = 2`). Also times the Silero VAD and the energy VAD per 20 ms frame (the work every
call does on the event loop for every frame of caller audio).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import statistics
import tempfile
import threading
import time
from pathlib import Path

from slotline.infrastructure.energy_vad.detector import EnergyTurnDetector
from slotline.infrastructure.espeak import EspeakTextToSpeech
from slotline.infrastructure.pocketsphinx_stt import PocketsphinxSettings, PocketsphinxSpeechToText
from slotline.infrastructure.pocketsphinx_stt.audio import for_decoder
from slotline.infrastructure.pocketsphinx_stt.recognizer import Recognizer
from slotline.infrastructure.silero_vad import SileroTurnDetector
from tests.factories import sample_catalogue

TEXT = "hi i'd like to book a haircut for tomorrow"


def decode_all(recognizer: Recognizer, audio: bytes, turns: int) -> None:
    for _ in range(turns):
        recognizer.decode(audio)


def on_threads(stt: PocketsphinxSpeechToText, audio: bytes, turns: int, threads: int) -> float:
    recognizers = [Recognizer(stt.model) for _ in range(threads)]
    workers = [threading.Thread(target=decode_all, args=(r, audio, turns)) for r in recognizers]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.perf_counter() - started


async def loop_lateness(stt: PocketsphinxSpeechToText, pcm: bytes, turns: int) -> tuple[list[float], float]:
    """How late (ms) a 20 ms ticker wakes while `turns` turns are recognised, two at a time, on the executor."""
    late: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        loop = asyncio.get_running_loop()
        while not done.is_set():
            before = loop.time()
            await asyncio.sleep(0.02)
            late.append(1000 * max(0.0, loop.time() - before - 0.02))

    async def recognise(n: int) -> None:
        for _ in range(n):
            await stt.recognise(pcm, 16000)

    tick = asyncio.create_task(ticker())
    started = time.perf_counter()
    await asyncio.gather(recognise(turns // 2), recognise(turns - turns // 2))
    wall = time.perf_counter() - started
    done.set()
    await tick
    return late, wall


async def in_workers(stt: PocketsphinxSpeechToText, pcm: bytes, turns: int) -> tuple[list[float], float, list[float]]:
    """Lateness and wall time as `loop_lateness`, decoding in the worker processes; then each worker's RSS (MB)."""
    await stt.warm_up()
    try:
        late, wall = await loop_lateness(stt, pcm, turns)
        rss = [rss_mb(p.pid) for p in multiprocessing.active_children() if p.pid is not None]
    finally:
        await stt.aclose()
    return late, wall, rss


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def per_frame_us(feed: object, frames: list[bytes]) -> float:
    assert callable(feed)
    started = time.perf_counter()
    for frame in frames:
        feed(frame)
    return 1e6 * (time.perf_counter() - started) / len(frames)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--turns", type=int, default=8, help="turns decoded per thread (default 8)")
    args = parser.parse_args()
    pcm = asyncio.run(EspeakTextToSpeech("en-us").synthesize(TEXT, 16000))
    audio = for_decoder(pcm, 16000)
    with tempfile.TemporaryDirectory() as cache:
        stt = PocketsphinxSpeechToText(sample_catalogue(), Path(cache))
        Recognizer(stt.model).decode(audio)  # warm
        one = on_threads(stt, audio, args.turns, 1)
        two = on_threads(stt, audio, args.turns, 2)
        late, wall = asyncio.run(loop_lateness(stt, pcm, args.turns))
        pooled = PocketsphinxSpeechToText(sample_catalogue(), Path(cache), PocketsphinxSettings(processes=2))
        pool_late, pool_wall, pool_rss = asyncio.run(in_workers(pooled, pcm, 2 * args.turns))
    speech_s = len(pcm) / 32000
    print(f"## Recognition on threads: {args.turns} turns of {speech_s:.1f} s per thread\n")
    print("| how | wall s | per turn ms | speed-up over one thread |")
    print("|---|---|---|---|")
    print(f"| one thread, {args.turns} turns | {one:.2f} | {1000 * one / args.turns:.0f} | 1.00 |")
    print(
        f"| two threads, {args.turns} turns each | {two:.2f} | {1000 * two / (2 * args.turns):.0f} "
        f"| {2 * one / two:.2f} (2.00 = the GIL released, 1.00 = held) |"
    )
    print(
        f"| two worker processes (`speech.pocketsphinx.processes = 2`), {2 * args.turns} turns | {pool_wall:.2f} "
        f"| {1000 * pool_wall / (2 * args.turns):.0f} | {2 * one / pool_wall:.2f} |"
    )
    print(
        "\n| an event loop ticking every 20 ms while turns are recognised, two at a time | p50 ms | p95 ms | max ms "
        "| ticks |"
    )
    print("|---|---|---|---|---|")
    for name, lateness, seconds in (
        (f"on its default executor (`processes = 0`), {args.turns} turns", late, wall),
        (f"in two worker processes, {2 * args.turns} turns", pool_late, pool_wall),
    ):
        print(
            f"| {name} in {seconds:.2f} s | {pct(lateness, 0.5):.1f} | {pct(lateness, 0.95):.1f} | {max(lateness):.1f} "
            f"| {len(lateness)} |"
        )
    print(f"\nRSS of each worker process after its turns: {', '.join(f'{r:.0f} MB' for r in pool_rss)}")
    frames = [pcm[i : i + 640] for i in range(0, len(pcm) - 639, 640)] * 20
    frames8k = [pcm[i : i + 320] for i in range(0, len(pcm) - 319, 320)] * 20
    print("\n| VAD per 20 ms frame of caller audio | us per frame |")
    print("|---|---|")
    for name, feed, these in (
        ("Silero, 16 kHz", SileroTurnDetector(16000).feed, frames),
        ("Silero, 8 kHz (320-byte frames of the same audio)", SileroTurnDetector(8000).feed, frames8k),
        ("energy, 16 kHz", EnergyTurnDetector(16000).feed, frames),
    ):
        runs = [per_frame_us(feed, these) for _ in range(3)]
        print(f"| {name} | {statistics.median(runs):.0f} (runs {', '.join(f'{r:.0f}' for r in runs)}) |")


if __name__ == "__main__":
    main()
