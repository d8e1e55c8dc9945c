"""Per-turn latency of the Deepgram recogniser against the local fake of its live API, with 1 and 10 calls at once.

Run: python -m benchmarks.streaming_recognition [--turns 5] [--server-delay-ms 0]

Two ways a turn reaches the recogniser, both through the real deepgram-sdk and a real websocket on 127.0.0.1:
- whole turn (`transcribe`, what the phone call does today): the turn's audio is sent when it is over; latency is
  from the call to the final words (connection, upload, CloseStream, final result, Metadata);
- streamed (`stream`): the audio is sent in 20 ms frames as it is spoken (paced in real time); latency is from the
  last frame to the final words (`finish()`), the part a caller waits for.
The fake hears marked speech instantly, so this measures slotline's side, the SDK and the protocol's round trips, not
Deepgram's model; `--server-delay-ms` adds a fixed wait before each final result to stand for it. The fake runs on
an event loop of its own in another thread (sharing the GIL with the calls).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import threading
import time
from collections.abc import Awaitable, Callable

from pydantic import SecretStr

from slotline.infrastructure.deepgram_stt import DeepgramSettings
from slotline.infrastructure.deepgram_stt.stt import DeepgramSpeechToText
from slotline.infrastructure.marked_speech import MarkedTextToSpeech
from slotline.testing.contracts.audio import quiet
from tests.factories import sample_catalogue
from tests.integration.fake_deepgram import Behaviour, FakeDeepgram

RATE = 8000
FRAME = 2 * RATE // 50
TEXT = "i would like to book a haircut next tuesday"


class FakeInThread:
    """The fake Deepgram on its own event loop in a daemon thread."""

    def __init__(self, delay_s: float) -> None:
        self.url = ""
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread = threading.Thread(target=asyncio.run, args=(self._run(delay_s),), daemon=True)
        self._thread.start()
        self._ready.wait(10)

    async def _run(self, delay_s: float) -> None:
        self._loop, self._stop = asyncio.get_running_loop(), asyncio.Event()
        async with FakeDeepgram("bench-key") as fake:
            fake.behaviour = Behaviour(delay_s=delay_s)
            self.url = fake.url
            self._ready.set()
            await self._stop.wait()

    def close(self) -> None:
        assert self._loop is not None and self._stop is not None
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)


async def whole_turn(stt: DeepgramSpeechToText, pcm: bytes) -> float:
    started = time.perf_counter()
    assert await stt.transcribe(pcm, RATE) == TEXT
    return time.perf_counter() - started


async def streamed(stt: DeepgramSpeechToText, pcm: bytes) -> float:
    async with stt.stream(RATE) as stream:
        loop = asyncio.get_running_loop()
        start = loop.time()
        for n, i in enumerate(range(0, len(pcm), FRAME)):
            await stream.send(pcm[i : i + FRAME])
            await asyncio.sleep(max(0.0, start + (n + 1) * 0.02 - loop.time()))  # as a phone line delivers it
        spoke_until = time.perf_counter()
        assert await stream.finish() == TEXT
        return time.perf_counter() - spoke_until


async def run(
    turn: Callable[[DeepgramSpeechToText, bytes], Awaitable[float]], url: str, calls: int, turns: int
) -> list[float]:
    stt = DeepgramSpeechToText(DeepgramSettings(url=url, api_key=SecretStr("bench-key")), sample_catalogue())
    speech = await MarkedTextToSpeech(min_seconds=1.2).synthesize(TEXT, RATE)
    pcm = quiet(0.2, RATE) + speech + quiet(0.1, RATE)
    await turn(stt, pcm)  # warm: imports, the first connection

    async def call(offset: int) -> list[float]:
        await asyncio.sleep(0.013 * offset)  # calls do not start in lockstep
        return [await turn(stt, pcm) for _ in range(turns)]

    return [latency for latencies in await asyncio.gather(*(call(i) for i in range(calls))) for latency in latencies]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--turns", type=int, default=5, help="turns per call (default 5)")
    parser.add_argument("--server-delay-ms", type=float, default=0.0, help="the fake's wait before each final result")
    args = parser.parse_args()
    fake = FakeInThread(args.server_delay_ms / 1000)
    try:
        print(
            f"## Deepgram recogniser against the local fake: {args.turns} turns per call, turn 1.5 s at 8 kHz, ", end=""
        )
        print(f"fake's delay {args.server_delay_ms:.0f} ms\n")
        print("| how the turn is sent | calls at once | turns | p50 ms | p95 ms | max ms |")
        print("|---|---|---|---|---|---|")
        for name, turn in (
            ("whole turn after it ends (`transcribe`)", whole_turn),
            ("streamed while spoken", streamed),
        ):
            for calls in (1, 10):
                latencies = [1000 * s for s in asyncio.run(run(turn, fake.url, calls, args.turns))]
                print(
                    f"| {name} | {calls} | {len(latencies)} | {statistics.median(latencies):.1f} "
                    f"| {pct(latencies, 0.95):.1f} | {max(latencies):.1f} |"
                )
    finally:
        fake.close()


if __name__ == "__main__":
    main()
