"""Voice capacity: how many concurrent spoken calls one `slotline serve` process carries with turn latency in bounds.

Run: python -m benchmarks.voice_capacity [--calls 10 20] [--search] [--target-p95-ms 700] [--stagger-s 10]
                                          [--sample-rate 16000] [--voice en-us] [--processes N] [--agents K]

For each N, `slotline serve` runs as its own process with the shipped defaults (pocketsphinx in one worker process
per core, Silero turn-taking, espeak-ng; a fresh SQLite file; the clock pinned) and telephony.max_concurrent_calls
= N. This process plays the Telcoflow platform (the loopback server) and N callers, who ring over the first
`--stagger-s` seconds and each speak a booking (the demo's simulated caller: espeak-ng audio synthesised once and
cached on disk, each line spoken once the agent has been quiet 0.7 s): a haircut with Sam or Alex, a day and a part
of it, "the second one" or "the third one" (each caller its own combination, up to 36 callers, so no two choose one
slot), "yes please", "no thank you".

Reported per N: turn latency on the line (the end of the caller's speech to the agent's first audio, from each
call's recording, as benchmarks.voice_latency measures it) p50/p95/max; calls ended right (the agent booked the
caller's slot and hung up after its goodbye); how often the agent stopped its own speech (barge-in); the serve
process tree's CPU (the server and its recognition workers, from /proc) in seconds per call-minute and in cores.
`--search` raises N by 10 from 10 until a level fails (p95 >= target or fewer than 90% of calls ended right), then
tries the midpoint once; the largest N that passed is the capacity. The callers and the loopback server share the
machine with the agent: their CPU is not counted, but it is taken from the agent. `--agents K` runs K serve
processes on the one connector and database, each with max_concurrent_calls = N/K (rounded up): the deployment
telephony.max_concurrent_calls is for, when one event loop is what runs out.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import signal
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.voice_latency import pct
from slotline.entrypoints.demo.caller import SimulatedCaller
from slotline.entrypoints.demo.timing import turn_latencies_ms
from slotline.infrastructure.espeak import EspeakTextToSpeech
from slotline.infrastructure.telcoflow.loopback import LoopbackCall, LoopbackTelcoflowServer

NOW = "2026-11-25T09:00:00-05:00"  # a Wednesday: "next monday" is 30 November
API_KEY = "voice-capacity-bench"
CONNECTOR = "00000000-0000-4000-8000-0000000000cc"
CACHE = Path(tempfile.gettempdir()) / "slotline-voice-capacity"
# Who works when (the bundled sample catalogue): Sam Mon-Fri 9-17 (break 12-13), Alex Tue-Sat 10-18. Saturday is
# left out: "next saturday" is often misheard at 8 kHz.
DAYS = {
    "sam": ("monday", "tuesday", "wednesday", "thursday", "friday"),
    "alex": ("tuesday", "wednesday", "thursday", "friday"),
}
PARTS = ("morning", "afternoon")
CHOICES = ("second", "third")
MIN_ENDED_RIGHT = 0.9


def scripts() -> list[list[str]]:
    """One booking per (staff, day, part, offer chosen): callers at once never choose the same slot (two callers
    who want the same morning take different offers of it). 36 of them; more callers than that repeat them."""
    return [
        [f"hi i would like to book a haircut with {staff}", f"next {day} in the {part}", f"the {choice} one",
         "yes please", "no thank you"]
        for choice in CHOICES for staff, days in DAYS.items() for day in days for part in PARTS
    ]  # fmt: skip


class CachedVoice:
    """espeak-ng, each (voice, rate, line) synthesised once and kept on disk for later runs."""

    def __init__(self, voice: str) -> None:
        self._voice = voice
        self._tts = EspeakTextToSpeech(voice)
        self._memory: dict[tuple[str, int], bytes] = {}

    async def synthesize(self, text: str, sample_rate: int) -> bytes:
        key = (text, sample_rate)
        if key not in self._memory:
            name = hashlib.sha256(f"{self._voice}|{sample_rate}|{text}".encode()).hexdigest()[:20]
            path = CACHE / f"{name}.pcm"
            if not path.exists():
                CACHE.mkdir(parents=True, exist_ok=True)
                path.write_bytes(await self._tts.synthesize(text, sample_rate))
            self._memory[key] = path.read_bytes()
        return self._memory[key]


# ── CPU of the serve process and its children, from /proc ───────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class TreeCpu:
    """CPU seconds of the serve process (with the children it has reaped, e.g. espeak-ng) and of its live children
    (the recognition workers)."""

    serve: float
    children: float

    def __sub__(self, before: TreeCpu) -> TreeCpu:
        return TreeCpu(self.serve - before.serve, self.children - before.children)

    @property
    def total(self) -> float:
        return self.serve + self.children


def tree_cpu(root: int) -> TreeCpu:
    """User + system time of `root` and of every live descendant, each with the children it has already reaped."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        ticks[pid] = sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    family = {root}
    grew = True
    while grew:
        found = {pid for pid, parent in parents.items() if parent in family} - family
        family |= found
        grew = bool(found)
    per_second = os.sysconf("SC_CLK_TCK")
    return TreeCpu(ticks.get(root, 0) / per_second, sum(ticks.get(pid, 0) for pid in family - {root}) / per_second)


def agents_cpu(agents: list[asyncio.subprocess.Process]) -> TreeCpu:
    each = [tree_cpu(agent.pid) for agent in agents]
    return TreeCpu(sum(c.serve for c in each), sum(c.children for c in each))


def uptime() -> str:
    """The load averages over 1, 5 and 15 minutes, as `uptime` prints them."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# ── One level: N concurrent calls ────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Level:
    calls: int
    latencies_ms: list[int]
    ended_right: int
    ended: dict[str, int]
    barge_ins: int
    call_minutes: float
    cpu: TreeCpu
    caller_cpu: float
    """CPU seconds of this process: the loopback server and the callers."""
    wall_seconds: float
    load_before: str

    @property
    def p95(self) -> float:
        return pct([float(v) for v in self.latencies_ms], 0.95) if self.latencies_ms else float("inf")

    def passed(self, target_ms: float) -> bool:
        return self.p95 < target_ms and self.ended_right >= MIN_ENDED_RIGHT * self.calls


async def start_agent(
    server: LoopbackTelcoflowServer, scratch: Path, n: int, calls: int, rate: int, processes: int | None
) -> asyncio.subprocess.Process:
    """Agent `n`, taking at most `calls` calls at once; every agent shares one database, as on one machine."""
    chosen = {} if processes is None else {"SLOTLINE_SPEECH__POCKETSPHINX__PROCESSES": str(processes)}
    env = {
        **os.environ,
        **chosen,
        "SLOTLINE_TELCOFLOW__BASE_URL": server.base_url,
        "SLOTLINE_METRICS__PORT": "0",  # any free port: several serve processes on one machine
        "SLOTLINE_TELCOFLOW__API_KEY": API_KEY,
        "SLOTLINE_TELCOFLOW__CONNECTOR_UUID": CONNECTOR,
        "SLOTLINE_TELCOFLOW__SAMPLE_RATE": str(rate),
        "SLOTLINE_TELEPHONY__MAX_CONCURRENT_CALLS": str(calls),
        "SLOTLINE_SPEECH__CACHE_DIR": str(CACHE / "models"),
    }
    log = (scratch / f"serve-{n}.log").open("wb")
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "slotline", "serve", "--db", str(scratch / "slotline.db"), "--now", NOW,
        "--log-level", "WARNING", env=env, stdout=log, stderr=log,
    )  # fmt: skip


async def one_caller(
    server: LoopbackTelcoflowServer, voice: CachedVoice, number: str, lines: list[str], delay: float
) -> LoopbackCall:
    await asyncio.sleep(delay)
    call = await server.place_call(caller=number, timeout=60.0)
    await SimulatedCaller(call, voice, lambda _: None).run(lines)
    await call.wait_ended(timeout=60.0)
    return call


async def run_level(
    calls: int, voice: CachedVoice, rate: int, stagger: float, processes: int | None, agents: int
) -> Level:
    booking_scripts = scripts()
    numbers = [f"+1212555{n:04d}" for n in range(calls)]
    for lines in booking_scripts:
        for line in lines:
            await voice.synthesize(line, rate)  # before the clock starts
    with tempfile.TemporaryDirectory() as directory:
        scratch = Path(directory)
        async with LoopbackTelcoflowServer(api_key=API_KEY, connector_uuid=CONNECTOR, record=True) as server:
            share = -(-calls // agents)  # each agent's max_concurrent_calls
            started = [await start_agent(server, scratch, n, share, rate, processes) for n in range(agents)]
            try:
                async with asyncio.timeout(120):  # serve warms up its workers before it connects
                    while len(server.sm_connections) < agents:  # noqa: ASYNC110 - the server has no event for this
                        await asyncio.sleep(0.1)
                await server.wait_for_session_manager(timeout=5)
                load = uptime()
                wall, before, mine = time.monotonic(), agents_cpu(started), time.process_time()
                placed = await asyncio.gather(
                    *(
                        one_caller(server, voice, numbers[n], booking_scripts[n % len(booking_scripts)],
                                   stagger * n / calls)
                        for n in range(calls)
                    )
                )  # fmt: skip
                cpu, wall = agents_cpu(started) - before, time.monotonic() - wall
                mine = time.process_time() - mine
            finally:
                for agent in started:
                    agent.send_signal(signal.SIGTERM)
                for n, agent in enumerate(started):
                    await asyncio.wait_for(agent.wait(), timeout=60)
                    if agent.returncode != 0:
                        sys.stderr.write((scratch / f"serve-{n}.log").read_text()[-3000:])
        with sqlite3.connect(scratch / "slotline.db") as db:
            booked = {row[0] for row in db.execute("SELECT customer_phone FROM appointments WHERE status='confirmed'")}
    latencies: list[int] = []
    ended: dict[str, int] = {}
    right, minutes, barge_ins = 0, 0.0, 0
    for number, call in zip(numbers, placed, strict=True):
        recording = call.recording()
        latencies += turn_latencies_ms(recording.caller, recording.agent, recording.sample_rate)
        reason = str(call.ended)
        ended[reason] = ended.get(reason, 0) + 1
        right += reason == "disconnect" and number in booked
        minutes += len(recording.agent) / (2 * recording.sample_rate) / 60
        barge_ins += call.interrupts
    return Level(calls, latencies, right, ended, barge_ins, minutes, cpu, mine, wall, load)


# ── Output ──────────────────────────────────────────────────────────────────────────────────────────────────


def header() -> str:
    return (
        "| calls | turns | turn latency p50 / p95 / max ms | calls ended right | ended | barge-ins | call-minutes "
        "| CPU s per call-minute: all (serve + workers) | CPU, cores | callers' CPU, cores | wall s "
        "| load avg before |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|"
    )


def row(level: Level) -> str:
    values = [float(v) for v in level.latencies_ms]
    p50 = statistics.median(values) if values else float("nan")
    worst = max(values) if values else float("nan")
    return (
        f"| {level.calls} | {len(values)} | {p50:.0f} / {level.p95:.0f} / {worst:.0f} "
        f"| {level.ended_right}/{level.calls} | {level.ended} | {level.barge_ins} | {level.call_minutes:.1f} "
        f"| {level.cpu.total / level.call_minutes:.2f} ({level.cpu.serve / level.call_minutes:.2f} + "
        f"{level.cpu.children / level.call_minutes:.2f}) | {level.cpu.total / level.wall_seconds:.2f} "
        f"| {level.caller_cpu / level.wall_seconds:.2f} | {level.wall_seconds:.0f} | {level.load_before} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--calls", type=int, nargs="+", default=[10, 20], help="levels of concurrent calls")
    parser.add_argument("--search", action="store_true", help="search for the largest passing level instead")
    parser.add_argument("--max-calls", type=int, default=len(scripts()), help="the search stops here (36)")
    parser.add_argument("--target-p95-ms", type=float, default=700.0)
    parser.add_argument("--stagger-s", type=float, default=10.0, help="callers ring over this many seconds")
    parser.add_argument("--sample-rate", type=int, default=16000, choices=(8000, 16000))
    parser.add_argument("--voice", default="en-us", help="the callers' espeak-ng voice")
    parser.add_argument(
        "--processes", type=int, help="the agent's speech.pocketsphinx.processes (default: the setting's, one per core)"
    )
    parser.add_argument(
        "--agents", type=int, default=1, help="serve processes on the one connector, each taking N/agents calls"
    )
    args = parser.parse_args()
    voice = CachedVoice(args.voice)
    workers = "one per core" if args.processes is None else args.processes
    print(
        f"cores {os.cpu_count()}, load average at start {uptime()}, {args.sample_rate} Hz, voice {args.voice}, "
        f"recognition workers {workers} per agent, {args.agents} agent process(es)\n"
    )
    print(header(), flush=True)
    results: dict[int, Level] = {}

    def level(n: int) -> Level:
        results[n] = asyncio.run(run_level(n, voice, args.sample_rate, args.stagger_s, args.processes, args.agents))
        print(row(results[n]), flush=True)
        return results[n]

    if not args.search:
        for n in args.calls:
            level(n)
        return
    passed, failed = 0, None
    for n in range(10, args.max_calls + 1, 10):
        if level(n).passed(args.target_p95_ms):
            passed = n
        else:
            failed = n
            break
    if failed is not None and failed - passed > 5:
        middle = (passed + failed) // 2
        if level(middle).passed(args.target_p95_ms):
            passed = middle
    print(
        f"\nlargest N with turn latency p95 < {args.target_p95_ms:.0f} ms and at least {MIN_ENDED_RIGHT:.0%} of "
        f"calls ended right: {passed or 'none'}; load average at the end {uptime()}"
    )


if __name__ == "__main__":
    main()
