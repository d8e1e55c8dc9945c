"""`slotline calls list|show|purge`: the calls on the record, one call's transcript with timings, and retention."""

from __future__ import annotations

import argparse
import asyncio
import json
from datetime import date, datetime, time, timedelta, tzinfo

from slotline.application.ports import CallRecordNotFound, CallRecords
from slotline.domain.call_record import CallQuery, CallResult
from slotline.entrypoints.call_views import record_json, summary_line, transcript_lines
from slotline.entrypoints.commands.base import Parser, Subparsers, UsageError, prepare_storage, whole_number
from slotline.entrypoints.container import Container
from slotline.entrypoints.supported_dates import outside_supported_range
from slotline.infrastructure.common.phone_parsing import parse_phone

__all__ = ["outcome_name", "purge_old_records", "register", "since_instant"]

_OUTCOMES = {outcome.value.replace(" ", "-"): outcome for outcome in CallResult}
"""Outcomes as typed on the command line: "caller-hung-up" for "caller hung up"."""


def outcome_name(outcome: CallResult) -> str:
    return outcome.value.replace(" ", "-")


def register(subparsers: Subparsers, common: Parser) -> None:
    parser = subparsers.add_parser("calls", parents=[common], help="show call records and transcripts")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", parents=[common], help="calls on the record, newest first")
    listing.add_argument(
        "--since",
        metavar="ISO-8601",
        help="only calls started at or after this date (local midnight) or date and time (local unless offset given)",
    )
    listing.add_argument("--outcome", choices=list(_OUTCOMES), help="only calls that ended this way")
    listing.add_argument("--phone", metavar="NUMBER", help="only calls from this number")
    listing.add_argument("--limit", type=whole_number(1, 100_000), default=50, metavar="N", help="at most N (50)")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.add_argument("--unmask", action="store_true", help="show phone numbers in full")
    listing.set_defaults(handler=list_calls)
    show = actions.add_parser("show", parents=[common], help="one call: header and transcript with timings")
    show.add_argument("id", metavar="ID", help="the call id (from `slotline calls list`)")
    show.add_argument("--json", action="store_true", help="print a JSON object")
    show.add_argument("--unmask", action="store_true", help="show phone numbers in full")
    show.set_defaults(handler=show_call)
    purge = actions.add_parser("purge", parents=[common], help="delete records older than the retention")
    purge.add_argument(
        "--older-than-days",
        type=whole_number(1, 36500),
        metavar="N",
        help="delete calls that started more than N days ago (default: records.retention_days)",
    )
    purge.set_defaults(handler=purge_calls)


def since_instant(text: str, zone: tzinfo) -> datetime:
    """`--since`: a date is that day's local midnight; a date and time without an offset is local."""
    try:
        moment = (
            datetime.combine(date.fromisoformat(text), time(), zone)
            if len(text) == 10
            else datetime.fromisoformat(text)
        )
    except ValueError:
        raise UsageError(f"--since: not an ISO-8601 date or date and time: {text!r}") from None
    if problem := outside_supported_range(moment.date()):
        raise UsageError(f"--since: {problem}")
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)


def list_calls(args: argparse.Namespace, container: Container) -> int:
    zone = container.catalogue().zone
    query = CallQuery(
        since=None if args.since is None else since_instant(args.since, zone),
        outcome=None if args.outcome is None else _OUTCOMES[args.outcome],
        caller=None if args.phone is None else parse_phone(args.phone, container.region()),
        limit=args.limit,
    )
    records: CallRecords = container.call_records()
    found = asyncio.run(records.list(query))
    if args.json:
        print(json.dumps([record_json(r, unmask=args.unmask, entries=False) for r in found], indent=2))
        return 0
    for record in found:
        print(summary_line(record, zone, unmask=args.unmask))
    return 0


def show_call(args: argparse.Namespace, container: Container) -> int:
    records: CallRecords = container.call_records()
    try:
        record = asyncio.run(records.get(args.id))
    except CallRecordNotFound as exc:
        raise UsageError(str(exc)) from exc
    if args.json:
        print(json.dumps(record_json(record, unmask=args.unmask), indent=2))
        return 0
    print("\n".join(transcript_lines(record, container.catalogue().zone, unmask=args.unmask)))
    return 0


def purge_old_records(container: Container, days: int | None = None) -> tuple[int, datetime]:
    """Delete the records older than `days` (default: records.retention_days); how many, and the cutoff."""
    keep = days if days is not None else container.config.records.retention_days()
    cutoff = container.clock().now() - timedelta(days=keep)
    records: CallRecords = container.call_records()
    return asyncio.run(records.purge(cutoff)), cutoff


def purge_calls(args: argparse.Namespace, container: Container) -> int:
    prepare_storage(container)
    purged, cutoff = purge_old_records(container, args.older_than_days)
    print(f"purged {purged} calls started before {cutoff.astimezone(container.catalogue().zone):%Y-%m-%d %H:%M %Z}")
    return 0
