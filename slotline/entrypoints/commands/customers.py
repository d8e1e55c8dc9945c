"""`slotline customers add`: put a returning customer in the directory."""

from __future__ import annotations

import argparse
import asyncio

from slotline.domain.appointment import Customer
from slotline.domain.names import clean_name
from slotline.entrypoints.commands.base import Parser, Subparsers, UsageError, prepare_storage
from slotline.entrypoints.container import Container
from slotline.infrastructure.common.phone_parsing import parse_phone

__all__ = ["register"]


def register(subparsers: Subparsers, common: Parser) -> None:
    parser = subparsers.add_parser("customers", parents=[common], help="manage customers")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", parents=[common], help="add or rename a customer")
    add.add_argument("--phone", required=True, metavar="E164")
    add.add_argument("--name", required=True, help="cleaned of control characters, at most 80 characters kept")
    add.set_defaults(handler=add_customer)


def add_customer(args: argparse.Namespace, container: Container) -> int:
    phone = parse_phone(args.phone, container.region())
    name = clean_name(str(args.name))
    if not name:
        raise UsageError("--name must not be empty (control characters and escape sequences do not count)")
    prepare_storage(container)
    asyncio.run(container.customers().save(Customer(phone, name)))
    print(f"saved {name} ({phone.e164})")
    return 0
