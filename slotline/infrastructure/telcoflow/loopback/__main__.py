"""Run the loopback server as its own process: `python -m slotline.infrastructure.telcoflow.loopback --port 8080`.

Point one or more agents at ws://127.0.0.1:8080 (any api key is accepted); several `slotline serve` processes
pointed at it share its one connector. Once --agents session managers are connected, --calls calls are placed,
--concurrent at a time; each is hung up after --call-seconds unless the agent ends it first. Each call's line says
which agent connection took it. `--port 0` picks a free port (the first line printed names it). Ctrl+C stops.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import time
from collections import Counter

from slotline.infrastructure.telcoflow.loopback.errors import LoopbackError
from slotline.infrastructure.telcoflow.loopback.server import LoopbackTelcoflowServer


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m slotline.infrastructure.telcoflow.loopback", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    parser.add_argument("--jitter-ms", type=int, default=60)
    parser.add_argument("--calls", type=int, default=1, help="calls to place; 0 keeps placing until Ctrl+C")
    parser.add_argument("--concurrent", type=int, default=1, help="calls live at once")
    parser.add_argument("--agents", type=int, default=1, help="session managers to wait for before the first call")
    parser.add_argument("--call-seconds", type=float, default=30.0, help="the caller hangs up after this long")
    parser.add_argument("--caller", default="+12125550123")
    parser.add_argument("--callee", default="+12125550100")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if args.concurrent < 1 or args.agents < 1 or args.calls < 0:
        parser.error("--concurrent and --agents are at least 1, --calls at least 0")
    return args


async def _wait_for_agents(server: LoopbackTelcoflowServer, agents: int) -> None:
    while len(server.sm_connections) < agents:
        await server.wait_for_session_manager(timeout=3600)
        await asyncio.sleep(0.05)


async def _one_call(server: LoopbackTelcoflowServer, args: argparse.Namespace, n: int, taken: Counter[str]) -> None:
    try:
        call = await server.place_call(args.caller, args.callee, timeout=10)
    except LoopbackError as exc:
        print(f"call {n}: not taken: {exc}", flush=True)
        return
    agent = call.session_manager_id or "?"
    taken[agent] += 1
    try:
        how = await call.wait_ended(timeout=args.call_seconds)
    except TimeoutError:
        await call.hang_up()
        how = "caller_hangup"
    played = len(call.agent_audio) / 2 / call.sample_rate
    print(f"call {n}: taken by {agent}; {how}; agent played {played:.1f} s; commands {call.commands}", flush=True)


async def _serve(args: argparse.Namespace) -> None:
    async with LoopbackTelcoflowServer(args.host, args.port, jitter_ms=args.jitter_ms) as server:
        print(f"listening on {server.base_url}; waiting for {args.agents} session manager(s)", flush=True)
        await _wait_for_agents(server, args.agents)
        taken: Counter[str] = Counter()
        room = asyncio.Semaphore(args.concurrent)
        calls: set[asyncio.Task[None]] = set()
        started = time.monotonic()
        placed = 0
        while args.calls == 0 or placed < args.calls:
            await room.acquire()
            placed += 1
            task = asyncio.create_task(_one_call(server, args, placed, taken))
            calls.add(task)
            task.add_done_callback(calls.discard)
            task.add_done_callback(lambda _: room.release())
            task.add_done_callback(lambda _: server.discard_ended_calls())
        await asyncio.gather(*calls)
        seconds = time.monotonic() - started
        print(f"{placed} calls in {seconds:.1f} s; taken per agent: {dict(sorted(taken.items()))}", flush=True)
        lag = server.stats.lag_summary()
        print(f"{lag.ticks} ticks; frame lag p50 {lag.p50_ms:.2f} ms, p99 {lag.p99_ms:.2f} ms, max {lag.max_ms:.2f} ms")


def main() -> None:
    args = _arguments()
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO, format="%(asctime)s %(name)s %(message)s"
    )
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args))


if __name__ == "__main__":
    main()
