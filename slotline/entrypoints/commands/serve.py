"""`slotline serve`: answer calls as a service."""

from __future__ import annotations

import argparse
import asyncio
import logging

from slotline.entrypoints.commands.base import Parser, Subparsers, prepare_storage, whole_number
from slotline.entrypoints.commands.calls import purge_old_records
from slotline.entrypoints.container import Container
from slotline.entrypoints.logs import configure, configured_secrets
from slotline.entrypoints.serving import call_server

__all__ = ["register"]

log = logging.getLogger("slotline.serve")


def register(subparsers: Subparsers, common: Parser) -> None:
    parser = subparsers.add_parser(
        "serve",
        parents=[common],
        help="answer phone calls until SIGINT/SIGTERM",
        description="Take calls from Telcoflow (telcoflow.base_url; credentials from settings/env). On SIGINT or "
        "SIGTERM: stop taking calls, give live calls telephony.grace_seconds to finish (handing them to a person "
        "half-way), then exit 0.",
    )
    parser.add_argument("--max-calls", type=whole_number(1, 10**9), metavar="N", help="stop after N calls")
    parser.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    parser.add_argument(
        "--log-format", choices=["text", "json"], help="text lines, or one JSON object per line (default: logs.format)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, container: Container) -> int:
    settings = container.settings()
    log_format = args.log_format or settings.logs.format
    configure(args.log_level, secrets=configured_secrets(settings), log_format=log_format)
    prepare_storage(container)  # an unusable database is a start-up error, not a call to hand over
    service = call_server(container, max_calls=args.max_calls)  # a missing extra is refused before anything else
    if container.config.records.enabled():
        purged, cutoff = purge_old_records(container)
        if purged:
            log.info("call records: purged %d calls started before %s (records.retention_days)", purged, cutoff)
    stats = asyncio.run(service.run())
    handed = stats.handed_over_at_shutdown
    print(f"served {stats.finished} calls ({stats.failed} failed, {handed} handed over at shutdown)")
    return 0
