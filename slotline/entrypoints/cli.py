"""The `slotline` command: parses the global options, builds the container, and dispatches to a subcommand."""

from __future__ import annotations

import logging
import os
import sys
from argparse import SUPPRESS, Namespace
from collections.abc import Sequence
from pathlib import Path

from slotline.application.errors import StorageUnavailable
from slotline.domain.errors import BookingError, InvalidValue, SlotlineError
from slotline.entrypoints.commands import COMMANDS
from slotline.entrypoints.commands.base import Handler, Parser, UsageError, aware_instant
from slotline.entrypoints.container import build_container
from slotline.entrypoints.logs import configure, configured_secrets
from slotline.entrypoints.plugins import PluginBroken
from slotline.entrypoints.settings import Overrides, SettingsInvalid, load_settings
from slotline.entrypoints.wiring.calendar import check_configuration
from slotline.entrypoints.wiring.extras import BackendNotInstalled
from slotline.entrypoints.wiring.storage import close_postgres
from slotline.infrastructure.msgraph.settings import GraphConfigInvalid
from slotline.infrastructure.yaml_catalogue import CatalogueFileInvalid

__all__ = ["EXIT_FAILURE", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK = 0
EXIT_FAILURE = 1
"""Something outside slotline failed (later: a calendar or SMS provider); one line on stderr."""
EXIT_USAGE = 2
"""Bad arguments, settings, catalogue file or ids, or a backend whose extra is missing: one line on stderr."""

_USAGE_ERRORS = (
    UsageError,
    InvalidValue,
    BookingError,
    SettingsInvalid,
    BackendNotInstalled,
    PluginBroken,
    CatalogueFileInvalid,
    StorageUnavailable,
    GraphConfigInvalid,
)


def build_parser() -> Parser:
    common = Parser(add_help=False)
    # SUPPRESS: a global option may come before or after the subcommand without the other position resetting it.
    group = common.add_argument_group("global options")
    group.add_argument(
        "--config", type=Path, metavar="FILE", default=SUPPRESS, help="TOML settings file (env SLOTLINE_CONFIG)"
    )
    group.add_argument(
        "--catalog",
        type=Path,
        metavar="FILE",
        default=SUPPRESS,
        help="catalogue YAML file (env SLOTLINE_CATALOG; default: the bundled sample)",
    )
    group.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        default=SUPPRESS,
        help="SQLite database file (env SLOTLINE_DB; default: slotline.db)",
    )
    group.add_argument(
        "--now",
        type=aware_instant,
        metavar="ISO-8601",
        default=SUPPRESS,
        help="pin the clock to this instant (env SLOTLINE_NOW)",
    )
    parser = Parser(prog="slotline", description="slotline, the phone booking agent.", parents=[common])
    subparsers = parser.add_subparsers(title="commands", dest="command", required=True, metavar="COMMAND")
    for register in COMMANDS:
        register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run `slotline` with `argv` (default: the process arguments); returns the exit code."""
    try:
        args = build_parser().parse_args(argv)
        handler: Handler = args.handler
        settings = load_settings(_overrides(args))
        if not logging.getLogger().handlers:  # no log set up yet: what reaches stderr is redacted, as serve's log is
            configure("WARNING", secrets=configured_secrets(settings))
        container = build_container(settings)
        try:
            check_configuration(container)
            return handler(args, container)
        finally:
            close_postgres(container)
    except (UsageError, SlotlineError) as exc:
        print(f"slotline: error: {exc}", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, _USAGE_ERRORS) else EXIT_FAILURE
    except SystemExit as exc:  # --help prints and exits
        return exc.code if isinstance(exc.code, int) else EXIT_OK if exc.code is None else EXIT_FAILURE
    except BrokenPipeError:  # the reader went away (`slotline slots ... | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE


def _overrides(args: Namespace) -> Overrides:
    given = vars(args)
    overrides: Overrides = {}
    if "config" in given:
        overrides["config"] = given["config"]
    if "catalog" in given:
        overrides["catalog"] = given["catalog"]
    if "db" in given:
        overrides["db"] = given["db"]
    if "now" in given:
        overrides["now"] = given["now"]
    return overrides
