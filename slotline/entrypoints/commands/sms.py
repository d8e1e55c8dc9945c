"""`slotline sms list`: texts the local SMS backend 'sent' (it records them instead of sending)."""

from __future__ import annotations

import argparse
import asyncio
import json

from slotline.entrypoints.commands.base import Parser, Subparsers, UsageError
from slotline.entrypoints.container import Container
from slotline.infrastructure.sqlite import SqliteSmsSender

__all__ = ["register"]


def register(subparsers: Subparsers, common: Parser) -> None:
    parser = subparsers.add_parser("sms", parents=[common], help="texts recorded by the local SMS backend")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", parents=[common], help="list recorded texts")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(handler=list_sent)


def list_sent(args: argparse.Namespace, container: Container) -> int:
    sender = container.sms()
    if not isinstance(sender, SqliteSmsSender):
        raise UsageError("the SMS backend is not 'local'; look in the provider's console instead")
    sent = asyncio.run(sender.sent())
    if args.json:
        print(json.dumps([{"to": s.to.e164, "body": s.body, "id": s.id} for s in sent], indent=2))
        return 0
    for s in sent:
        print(f"to {s.to.e164}: {s.body}")
    return 0
