"""What every subcommand shares: the handler shape, the usage error, and argument parsers for dates and instants."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, NoReturn, TypeAlias

from slotline.entrypoints.supported_dates import outside_supported_range
from slotline.entrypoints.wiring.storage import uses

if TYPE_CHECKING:
    from slotline.entrypoints.container import Container

__all__ = [
    "Handler",
    "Parser",
    "Registrar",
    "Subparsers",
    "UsageError",
    "aware_instant",
    "iso_date",
    "prepare_storage",
    "whole_number",
]

Handler = Callable[[argparse.Namespace, "Container"], int]
"""Runs one subcommand with parsed arguments and the configured container; returns the exit code."""

Subparsers: TypeAlias = "argparse._SubParsersAction[Parser]"
"""What `add_subparsers()` returns for a `Parser`; a subcommand adds itself with `.add_parser(...)`."""


class UsageError(Exception):
    """The command line cannot be run as given; `slotline` prints it on one line and exits with 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser that raises `UsageError` instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


Registrar = Callable[[Subparsers, Parser], None]
"""Adds one subcommand to `slotline`; the second argument is the parent parser holding the global options."""


def prepare_storage(container: Container) -> None:
    """The start-up check of a command that writes: the database can be written and its schema is current, so a
    read-only file is one line and exit 2, not calls handed to a person. A SQLite file is created or upgraded here;
    a PostgreSQL database is only checked: an older or newer schema is refused (`slotline db migrate` upgrades)."""
    if uses(container, "sqlite"):
        database = container.database()
        database.ensure_writable()
        database.migrate()
    if uses(container, "postgres"):
        container.postgres().check()


def iso_date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None
    if problem := outside_supported_range(day):
        raise argparse.ArgumentTypeError(problem)
    return day


def aware_instant(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO-8601 date and time: {text!r}") from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{text!r} needs a UTC offset, e.g. 2026-11-25T09:00:00-05:00")
    if problem := outside_supported_range(moment.date()):
        raise argparse.ArgumentTypeError(problem)
    return moment


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argument type accepting integers in [low, high]."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"expected a whole number from {low} to {high}, got {text!r}")
        return value

    return parse
