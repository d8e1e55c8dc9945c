"""The embedded backends: one SQLite file holds bookings, holds, the outbox, the staff calendar and customers."""

from infrastructure.sqlite.calendar import SqliteCalendarGateway
from infrastructure.sqlite.customers import SqliteCustomerDirectory
from infrastructure.sqlite.database import SqliteDatabase
from infrastructure.sqlite.ledger import SqliteSlotLedger
from infrastructure.sqlite.outbox import SqliteOutbox, insert_messages

__all__ = [
    "SqliteCalendarGateway",
    "SqliteCustomerDirectory",
    "SqliteDatabase",
    "SqliteOutbox",
    "SqliteSlotLedger",
    "insert_messages",
]
