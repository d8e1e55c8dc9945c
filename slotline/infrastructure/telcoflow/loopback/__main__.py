"""Run the loopback server by hand: `python -m slotline.infrastructure.telcoflow.loopback --port 8080 --calls 3`.

Point an agent at ws://127.0.0.1:8080 (any api key is accepted). Once its session manager connects, calls are
placed one after another; each is hung up after --call-seconds unless the agent ends it first. Ctrl+C stops.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging

from slotline.infrastructure.telcoflow.loopback.errors import LoopbackError
from slotline.infrastructure.telcoflow.loopback.server import LoopbackTelcoflowServer


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m slotline.infrastructure.telcoflow.loopback", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--jitter-ms", type=int, default=60)
    parser.add_argument("--calls", type=int, default=1, help="calls to place; 0 keeps placing until Ctrl+C")
    parser.add_argument("--call-seconds", type=float, default=30.0, help="the caller hangs up after this long")
    parser.add_argument("--caller", default="+12125550123")
    parser.add_argument("--callee", default="+12125550100")
    parser.add_argument("--verbose", action="store_true")
    return parser.parse_args()


async def _serve(args: argparse.Namespace) -> None:
    async with LoopbackTelcoflowServer(args.host, args.port, jitter_ms=args.jitter_ms) as server:
        print(f"listening on {server.base_url}; waiting for a session manager", flush=True)
        placed = 0
        while args.calls == 0 or placed < args.calls:
            try:
                await server.wait_for_session_manager(timeout=3600)
                call = await server.place_call(args.caller, args.callee, timeout=10)
            except LoopbackError as exc:
                print(f"no call: {exc}", flush=True)
                continue
            placed += 1
            try:
                how = await call.wait_ended(timeout=args.call_seconds)
            except TimeoutError:
                await call.hang_up()
                how = "caller_hangup"
            played = len(call.agent_audio) / 2 / call.sample_rate
            print(f"call {placed}: {how}; agent played {played:.1f} s; commands {call.commands}", flush=True)
            server.discard_ended_calls()
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
