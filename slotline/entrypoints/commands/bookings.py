"""`slotline bookings list`: what the ledger holds."""

from __future__ import annotations

import argparse
import asyncio
import json

from slotline.domain.appointment import Appointment
from slotline.domain.catalogue import Catalogue
from slotline.entrypoints.commands.base import Parser, Subparsers
from slotline.entrypoints.container import Container
from slotline.infrastructure.common.phone_parsing import parse_phone

__all__ = ["appointment_json", "register", "run"]


def register(subparsers: Subparsers, common: Parser) -> None:
    parser = subparsers.add_parser("bookings", parents=[common], help="show bookings")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", parents=[common], help="list bookings, soonest first")
    listing.add_argument("--phone", metavar="E164", help="only this customer's bookings")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(handler=run)


def appointment_json(appointment: Appointment, catalogue: Catalogue) -> dict[str, str | None]:
    zone = catalogue.zone
    return {
        "id": appointment.id,
        "service": appointment.service_id,
        "staff": appointment.staff_id,
        "start": appointment.window.start.astimezone(zone).isoformat(),
        "end": appointment.window.end.astimezone(zone).isoformat(),
        "customer_phone": appointment.customer_phone.e164,
        "customer_name": appointment.customer_name,
        "status": appointment.status.value,
        "external_event_id": appointment.external_event_id,
    }


def run(args: argparse.Namespace, container: Container) -> int:
    catalogue = container.catalogue()
    ledger = container.ledger()
    if args.phone:
        phone = parse_phone(args.phone, container.region())
        found = asyncio.run(ledger.for_customer(phone))
    else:
        found = asyncio.run(ledger.all())
    found.sort(key=lambda a: a.window.start)
    if args.json:
        print(json.dumps([appointment_json(a, catalogue) for a in found], indent=2))
        return 0
    for a in found:
        local = a.window.start.astimezone(catalogue.zone)
        print(
            f"{local:%a %Y-%m-%d %H:%M}  {a.status.value:<9}  {a.service_id:<14} "
            f"{catalogue.staff_member(a.staff_id).name:<14} {a.customer_phone.e164}  {a.id}"
        )
    return 0
