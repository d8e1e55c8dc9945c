"""One module per `slotline` subcommand; each exposes `register(subparsers, common)`."""

from slotline.entrypoints.commands import bookings, calls, chat, console, customers, db, demo, outbox, serve, slots, sms
from slotline.entrypoints.commands.base import Registrar

COMMANDS: tuple[Registrar, ...] = (
    demo.register,
    chat.register,
    serve.register,
    slots.register,
    bookings.register,
    calls.register,
    customers.register,
    outbox.register,
    sms.register,
    console.register,
    db.register,
)
"""Every subcommand, in the order `slotline --help` lists them. Add new ones here."""

__all__ = ["COMMANDS"]
