"""`slotline outbox list|dispatch`: the texts waiting to go out, and sending them."""

from __future__ import annotations

import argparse
import asyncio
import json
import signal

from application.ports import OutboxMessage
from entrypoints.commands.base import Parser, Subparsers
from entrypoints.container import Container

__all__ = ["register"]


def register(subparsers: Subparsers, common: Parser) -> None:
    parser = subparsers.add_parser("outbox", parents=[common], help="show or send queued texts")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", parents=[common], help="list messages with status and attempts")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(handler=list_messages)
    dispatch = actions.add_parser("dispatch", parents=[common], help="send every message that is due")
    dispatch.add_argument(
        "--loop", action="store_true", help="keep sending until SIGINT/SIGTERM (every outbox.dispatch_interval_seconds)"
    )
    dispatch.set_defaults(handler=dispatch_due)


def message_json(message: OutboxMessage) -> dict[str, str | int | None]:
    return {
        "id": message.id,
        "to": message.to.e164,
        "body": message.body,
        "status": message.status.value,
        "attempts": message.attempts,
        "last_error": message.last_error,
        "created_at": message.created_at.isoformat(),
    }


def list_messages(args: argparse.Namespace, container: Container) -> int:
    messages = asyncio.run(container.outbox().all())
    if args.json:
        print(json.dumps([message_json(m) for m in messages], indent=2))
        return 0
    for m in messages:
        error = f"  last error: {m.last_error}" if m.last_error else ""
        print(f"{m.status.value:<8} attempts={m.attempts}  to {m.to.e164}: {m.body}{error}")
    return 0


def dispatch_due(args: argparse.Namespace, container: Container) -> int:
    if args.loop:
        asyncio.run(_loop(container))
        return 0
    report = asyncio.run(container.dispatcher().dispatch_due())
    print(f"sent {report.sent}, retrying {report.retrying}, dead {report.dead}")
    return 0


async def _loop(container: Container) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await container.outbox_runner().run_until(stop)
