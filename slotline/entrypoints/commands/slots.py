"""`slotline slots`: the bookable slots for a service, in the business's local time."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from slotline.domain.catalogue import Catalogue, Service
from slotline.domain.errors import StaffNotEligible, UnknownService, UnknownStaffMember
from slotline.domain.ids import StaffId
from slotline.domain.slot import Slot
from slotline.entrypoints.commands.base import Parser, Subparsers, UsageError, iso_date, whole_number
from slotline.entrypoints.container import Container

__all__ = ["SlotsRequest", "register", "run", "slot_json", "slot_line"]

MAX_DAYS = 3660


@dataclass(frozen=True, slots=True)
class SlotsRequest:
    service: str
    first: date
    days: int
    staff: str | None
    json: bool

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> SlotsRequest:
        return cls(str(args.service), args.date, int(args.days), args.staff, bool(args.json))


def register(subparsers: Subparsers, common: Parser) -> None:
    parser = subparsers.add_parser(
        "slots",
        parents=[common],
        help="list bookable slots for a service",
        description="List bookable slots, one per line, in the business's local time. "
        "Exits 0 even when there are none (a note then goes to stderr).",
    )
    parser.add_argument("--service", required=True, metavar="ID", help="service id from the catalogue, e.g. haircut")
    parser.add_argument("--date", required=True, type=iso_date, metavar="YYYY-MM-DD", help="first local day")
    parser.add_argument(
        "--days", type=whole_number(1, MAX_DAYS), default=1, metavar="N", help="number of days from --date (default 1)"
    )
    parser.add_argument("--staff", metavar="ID", help="only this staff member")
    parser.add_argument("--json", action="store_true", help="print a JSON array of {start, end, staff}")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, container: Container) -> int:
    request = SlotsRequest.from_args(args)
    catalogue = container.catalogue()
    service = _service(catalogue, request.service)
    try:
        last = request.first + timedelta(days=request.days - 1)
        staff = StaffId(request.staff) if request.staff is not None else None
        slots = asyncio.run(container.availability().slots(service, request.first, last, staff_id=staff))
    except (UnknownStaffMember, StaffNotEligible) as exc:
        raise UsageError(f"{exc} (staff for {service.id}: {', '.join(service.staff)})") from exc
    if request.json:
        print(json.dumps([slot_json(s, catalogue.zone) for s in slots], indent=2))
        return 0
    for slot in slots:
        print(slot_line(slot, catalogue))
    if not slots:
        last = request.first + timedelta(days=request.days - 1)
        span = f"on {request.first}" if request.days == 1 else f"from {request.first} to {last}"
        print(f"slotline: no free {service.id} slots {span}", file=sys.stderr)
    return 0


def _service(catalogue: Catalogue, service_id: str) -> Service:
    try:
        return catalogue.service(service_id)
    except UnknownService as exc:
        raise UsageError(f"{exc} (services: {', '.join(s.id for s in catalogue.services)})") from exc


def slot_line(slot: Slot, catalogue: Catalogue) -> str:
    """`Mon 2026-11-30 09:00-09:30  Sam Rivera`, in the business's zone; zone names appear when DST changes mid-slot."""
    start = slot.window.start.astimezone(catalogue.zone)
    end = slot.window.end.astimezone(catalogue.zone)
    name = catalogue.staff_member(slot.staff_id).name
    if start.utcoffset() != end.utcoffset():
        return f"{start:%a %Y-%m-%d %H:%M %Z}-{end:%H:%M %Z}  {name}"
    return f"{start:%a %Y-%m-%d %H:%M}-{end:%H:%M}  {name}"


def slot_json(slot: Slot, zone: ZoneInfo) -> dict[str, str]:
    """ISO-8601 ends with the business zone's offset, and the staff id."""
    return {
        "start": slot.window.start.astimezone(zone).isoformat(),
        "end": slot.window.end.astimezone(zone).isoformat(),
        "staff": slot.staff_id,
    }
