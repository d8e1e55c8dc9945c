"""`slotline outbox list|dispatch|requeue`: the texts waiting to go out, sending them, and retrying dead ones."""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import sys

from slotline.application.ports import OutboxMessage, OutboxOperations, OutboxStatus
from slotline.application.ports.outbox import OutboxMessageNotDead, OutboxMessageNotFound
from slotline.entrypoints.commands.base import Parser, Subparsers, UsageError, aware_instant, prepare_storage
from slotline.entrypoints.container import Container

__all__ = ["register"]


def register(subparsers: Subparsers, common: Parser) -> None:
    parser = subparsers.add_parser("outbox", parents=[common], help="show, send or requeue queued texts")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", parents=[common], help="list messages with status and attempts")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.add_argument(
        "--status", choices=[s.value for s in OutboxStatus], help="only messages with this status (dead: the failed)"
    )
    listing.set_defaults(handler=list_messages)
    dispatch = actions.add_parser("dispatch", parents=[common], help="send every message that is due")
    dispatch.add_argument(
        "--loop", action="store_true", help="keep sending until SIGINT/SIGTERM (every outbox.dispatch_interval_seconds)"
    )
    dispatch.set_defaults(handler=dispatch_due)
    requeue = actions.add_parser(
        "requeue", parents=[common], help="put dead messages back in the queue, with fresh attempts"
    )
    requeue.add_argument("ids", nargs="*", metavar="ID", help="the dead messages to requeue (all or none)")
    requeue.add_argument("--all-dead", action="store_true", help="requeue every dead message")
    requeue.add_argument(
        "--since", type=aware_instant, metavar="ISO-8601", help="with --all-dead: only messages queued at or after this"
    )
    requeue.set_defaults(handler=requeue_dead)


def message_json(message: OutboxMessage) -> dict[str, str | int | None]:
    return {
        "id": message.id,
        "to": message.to.e164,
        "body": message.body,
        "status": message.status.value,
        "attempts": message.attempts,
        "last_error": message.last_error,
        "created_at": message.created_at.isoformat(),
        "due_at": None if message.due_at is None else message.due_at.isoformat(),
        "reminder_for": message.reminder_for,
    }


def list_messages(args: argparse.Namespace, container: Container) -> int:
    status = None if args.status is None else OutboxStatus(args.status)
    outbox: OutboxOperations = container.outbox()
    messages = asyncio.run(outbox.all(status))
    if args.json:
        print(json.dumps([message_json(m) for m in messages], indent=2))
        return 0
    for m in messages:
        print(_line(m))
    if dead := sum(m.status is OutboxStatus.DEAD for m in messages):
        print(
            f"slotline: {dead} dead; once the cause is fixed: slotline outbox requeue ID ... (or --all-dead)",
            file=sys.stderr,
        )
    return 0


def _line(m: OutboxMessage) -> str:
    if m.status is OutboxStatus.DEAD:  # upper case and always with its reason, to stand out
        return f"{m.id}  DEAD     attempts={m.attempts}  to {m.to.e164}: {m.body}  last error: {m.last_error or '-'}"
    error = f"  last error: {m.last_error}" if m.last_error else ""
    due = f"  due {m.due_at.isoformat()}" if m.due_at is not None and m.status is OutboxStatus.PENDING else ""
    return f"{m.id}  {m.status.value:<8} attempts={m.attempts}{due}  to {m.to.e164}: {m.body}{error}"


def requeue_dead(args: argparse.Namespace, container: Container) -> int:
    if bool(args.ids) == args.all_dead:
        raise UsageError("give the IDs of dead messages, or --all-dead (not both)")
    if args.since is not None and not args.all_dead:
        raise UsageError("--since goes with --all-dead")
    prepare_storage(container)
    use_case = container.requeue_dead()
    try:
        requeued = asyncio.run(use_case.all_dead(args.since) if args.all_dead else use_case(args.ids))
    except (OutboxMessageNotFound, OutboxMessageNotDead) as exc:
        raise UsageError(str(exc)) from exc
    for m in requeued:
        print(f"requeued {m.id}  to {m.to.masked()}  last error: {m.last_error or '-'}")
    if not requeued:
        print("slotline: no dead messages to requeue", file=sys.stderr)
    return 0


def dispatch_due(args: argparse.Namespace, container: Container) -> int:
    prepare_storage(container)
    if args.loop:
        asyncio.run(_loop(container))
        return 0
    report = asyncio.run(container.dispatcher().dispatch_due())
    withdrawn = f", withdrawn {report.withdrawn}" if report.withdrawn else ""
    print(f"sent {report.sent}, retrying {report.retrying}, dead {report.dead}{withdrawn}")
    return 0


async def _loop(container: Container) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await container.outbox_runner().run_until(stop)
