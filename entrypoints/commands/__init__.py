"""One module per `slotline` subcommand; each exposes `register(subparsers, common)`."""

from entrypoints.commands import slots
from entrypoints.commands.base import Registrar

COMMANDS: tuple[Registrar, ...] = (slots.register,)
"""Every subcommand, in the order `slotline --help` lists them. Add new ones here."""

__all__ = ["COMMANDS"]
