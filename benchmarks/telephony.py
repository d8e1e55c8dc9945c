"""Telephony benchmark: N concurrent calls through the Telcoflow adapter and the loopback server, real-time audio.

Run: python -m benchmarks.telephony [--calls 200] [--seconds 10] [--sample-rate 16000] [--jitter-ms 60]

The loopback server runs in a child process (it plays the platform and every caller: 20 ms caller frames fed in
real time); this process runs TelcoflowTelephony on the unmodified SDK and an agent that echoes each caller frame
back as it arrives and barges in on itself once a second (stop_playback). Reported: the server's tick lateness
(frame lag) p50/p99, this process's RSS per live call (from /proc/self/status), CPU of each side, and the command
round trips the agent sees for call.answer and agent.interrupt.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import statistics
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from slotline.application.ports import CallHandler, LiveCall
from slotline.infrastructure.clock import SystemClock
from slotline.infrastructure.telcoflow.adapter import TelcoflowTelephony
from slotline.infrastructure.telcoflow.loopback import LoopbackTelcoflowServer
from slotline.infrastructure.telcoflow.settings import SampleRate, TelcoflowSettings

CALLER = "+12125550123"


@dataclass(frozen=True, slots=True)
class ServerReport:
    ended: dict[str, int]
    ticks: int
    lag_p50_ms: float
    lag_p99_ms: float
    lag_max_ms: float
    resyncs: int
    agent_seconds_played: float
    cpu_percent: float


@dataclass(slots=True)
class AgentTimings:
    calls: int
    answer_ms: list[float] = field(default_factory=list)
    interrupt_ms: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    finished: int = 0
    all_answered: asyncio.Event = field(default_factory=asyncio.Event)
    all_finished: asyncio.Event = field(default_factory=asyncio.Event)

    def answered(self, ms: float) -> None:
        self.answer_ms.append(ms)
        if len(self.answer_ms) == self.calls:
            self.all_answered.set()

    def finish(self) -> None:
        self.finished += 1
        if self.finished == self.calls:
            self.all_finished.set()


RATES: dict[int, SampleRate] = {8000: 8000, 16000: 16000, 24000: 24000}


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def tone(seconds: float, sample_rate: int) -> bytes:
    frame = sample_rate // 50
    return b"".join(bytes([n % 200 + 20, 0]) * frame for n in range(int(seconds * 50)))


def percentile(values: list[float], percent: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


# ── The loopback server's process ────────────────────────────────────────────────────────────────────────────


def serve(conn: Connection, calls: int, seconds: float, jitter_ms: int) -> None:
    asyncio.run(_serve(conn, calls, seconds, jitter_ms))


async def _serve(conn: Connection, calls: int, seconds: float, jitter_ms: int) -> None:
    async with LoopbackTelcoflowServer(
        jitter_ms=jitter_ms, record=False, caller_queue_seconds=int(seconds) + 30
    ) as server:
        conn.send(server.base_url)
        await server.wait_for_session_manager(timeout=30.0)
        placed = await asyncio.gather(*(server.place_call(CALLER, timeout=60.0) for _ in range(calls)))
        speech = tone(seconds, placed[0].sample_rate)
        for call in placed:
            call.feed(speech)
        await asyncio.gather(*(call.wait_answered(timeout=60.0) for call in placed))
        server.stats.reset()  # steady state only: every call is up and ticking
        wall, cpu = time.monotonic(), time.process_time()
        ends = await asyncio.gather(*(call.wait_ended(timeout=seconds + 60.0) for call in placed))
        cpu_percent = 100 * (time.process_time() - cpu) / (time.monotonic() - wall)
        lag = server.stats.lag_summary()
        played = sum(len(call.agent_audio) for call in placed) / (2 * placed[0].sample_rate)
        ended: dict[str, int] = {}
        for end in ends:
            ended[end] = ended.get(end, 0) + 1
        conn.send(
            ServerReport(
                ended, lag.ticks, lag.p50_ms, lag.p99_ms, lag.max_ms, server.stats.resyncs, played, cpu_percent
            )
        )


# ── The agent's process ──────────────────────────────────────────────────────────────────────────────────────


def echo_agent(seconds: float, timings: AgentTimings) -> CallHandler:
    frames_per_call = int(seconds * 50)

    async def on_call(call: LiveCall) -> None:
        try:
            start = time.perf_counter()
            await call.answer()
            timings.answered(1000 * (time.perf_counter() - start))
            heard = 0
            async for frame in call.audio():
                heard += 1
                if heard % 50 == 0:
                    start = time.perf_counter()
                    await call.stop_playback()
                    timings.interrupt_ms.append(1000 * (time.perf_counter() - start))
                await call.play(frame)
                if heard >= frames_per_call:
                    break
            await call.wait_played(5.0)
            await call.hang_up()
        except Exception as exc:
            timings.failures.append(repr(exc))
            raise
        finally:
            timings.finish()

    return on_call


async def run_agent(base_url: str, calls: int, seconds: float, sample_rate: int) -> tuple[AgentTimings, float, float]:
    config = TelcoflowSettings.model_validate(
        {"base_url": base_url, "api_key": "bench", "connector_uuid": "bench", "sample_rate": RATES[sample_rate]}
    )
    telephony = TelcoflowTelephony(config, clock=SystemClock())
    timings = AgentTimings(calls)
    baseline = rss_mb()
    runner = asyncio.create_task(telephony.run(echo_agent(seconds, timings)))
    await asyncio.wait({runner, asyncio.ensure_future(timings.all_answered.wait())}, return_when="FIRST_COMPLETED")
    if runner.done():
        runner.result()  # it failed to connect: raise that
    await asyncio.sleep(min(seconds / 2, 3.0))
    peak = rss_mb()
    wall, cpu = time.monotonic(), time.process_time()
    await timings.all_finished.wait()
    cpu_percent = 100 * (time.process_time() - cpu) / (time.monotonic() - wall)
    await telephony.stop()
    await runner
    return timings, (peak - baseline) / calls, cpu_percent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--calls", type=int, default=200, help="concurrent calls (default 200)")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each call (default 10)")
    parser.add_argument("--sample-rate", type=int, default=16000, choices=(8000, 16000, 24000))
    parser.add_argument("--jitter-ms", type=int, default=60, help="the loopback server's jitter target")
    args = parser.parse_args()

    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    server = context.Process(target=serve, args=(theirs, args.calls, args.seconds, args.jitter_ms), daemon=True)
    server.start()
    base_url = str(ours.recv())
    timings, rss_per_call, agent_cpu = asyncio.run(run_agent(base_url, args.calls, args.seconds, args.sample_rate))
    report = ours.recv()
    assert isinstance(report, ServerReport)
    server.join(timeout=10)

    print(f"## Telephony: {args.calls} concurrent calls x {args.seconds:g} s, {args.sample_rate} Hz, echo agent\n")
    print("| measure | p50 | p99 | other |")
    print("|---|---|---|---|")
    print(
        f"| server frame lag (tick lateness) | {report.lag_p50_ms:.2f} ms | {report.lag_p99_ms:.2f} ms "
        f"| max {report.lag_max_ms:.1f} ms, {report.ticks} ticks, {report.resyncs} resyncs |"
    )
    print(
        f"| call.answer round trip | {statistics.median(timings.answer_ms):.2f} ms "
        f"| {percentile(timings.answer_ms, 99):.2f} ms | {len(timings.answer_ms)} answers |"
    )
    print(
        f"| agent.interrupt round trip (stop_playback) | {statistics.median(timings.interrupt_ms):.2f} ms "
        f"| {percentile(timings.interrupt_ms, 99):.2f} ms | {len(timings.interrupt_ms)} interrupts |"
    )
    print(f"| agent RSS per live call | | | {rss_per_call:.3f} MB (SDK + adapter, /proc/self/status VmRSS) |")
    print(f"| agent CPU | | | {agent_cpu:.0f}% of a core ({agent_cpu / args.calls:.2f}% per call) |")
    print(f"| server CPU | | | {report.cpu_percent:.0f}% of a core |")
    print(f"| calls ended | | | {report.ended}; agent audio played {report.agent_seconds_played:.0f} s |")
    if timings.failures:
        print(f"\n{len(timings.failures)} handler failures, first: {timings.failures[0]}")


if __name__ == "__main__":
    main()
