"""Per-turn latency of the Deepgram recogniser against the local fake of its live API, with 1 and 10 calls at once.

Run: python -m benchmarks.streaming_recognition [--turns 5] [--server-delay-ms 0]

Two ways a turn reaches the recogniser, both through the real deepgram-sdk and a real websocket on 127.0.0.1:
- whole turn (`transcribe`, what the phone call does today): the turn's audio is sent when it is over; latency is
  from the call to the final words (connection, upload, CloseStream, final result, Metadata);
- streamed (`stream`): the audio is sent in 20 ms frames as it is spoken (paced in real time); latency is from the
  last frame to the final words (`finish()`), the part a caller waits for (the call's listener closes the websocket
  after it has the words).
The fake hears marked speech instantly, so this measures slotline's side, the SDK and the protocol's round trips, not
Deepgram's model; `--server-delay-ms` adds a fixed wait before each final result to stand for it. The fake runs in a
child process (`python -m tests.integration.fake_deepgram`), on the same two cores.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable

from pydantic import SecretStr

from slotline.infrastructure.deepgram_stt import DeepgramSettings
from slotline.infrastructure.deepgram_stt.stt import DeepgramSpeechToText
from slotline.infrastructure.marked_speech import MarkedTextToSpeech
from slotline.testing.contracts.audio import quiet
from tests.factories import sample_catalogue

RATE = 8000
FRAME = 2 * RATE // 50
TEXT = "i would like to book a haircut next tuesday"


class FakeInProcess:
    """The fake Deepgram in a child process of its own (so its work does not share this process's GIL)."""

    def __init__(self, delay_ms: float) -> None:
        command = [sys.executable, "-m", "tests.integration.fake_deepgram", "--api-key", "bench-key"]
        self._child = subprocess.Popen(
            [*command, "--delay-ms", str(delay_ms)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self._child.stdout is not None
        self.url = self._child.stdout.readline().strip()

    def close(self) -> None:
        assert self._child.stdin is not None
        self._child.stdin.close()
        self._child.wait(10)


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
        return time.perf_counter() - spoke_until  # the words; the call's listener closes the stream after that


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
    fake = FakeInProcess(args.server_delay_ms)
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
