"""The embedded backends: one SQLite file holds bookings, holds, the outbox, the staff calendar, customers, texts."""

from slotline.infrastructure.sqlite.calendar import SqliteCalendarGateway
from slotline.infrastructure.sqlite.call_records import SqliteCallRecords
from slotline.infrastructure.sqlite.customers import SqliteCustomerDirectory
from slotline.infrastructure.sqlite.database import SqliteDatabase
from slotline.infrastructure.sqlite.ledger import SqliteSlotLedger
from slotline.infrastructure.sqlite.outbox import SqliteOutbox, insert_messages
from slotline.infrastructure.sqlite.sms import SentSms, SqliteSmsSender

__all__ = [
    "SentSms",
    "SqliteCalendarGateway",
    "SqliteCallRecords",
    "SqliteCustomerDirectory",
    "SqliteDatabase",
    "SqliteOutbox",
    "SqliteSlotLedger",
    "SqliteSmsSender",
    "insert_messages",
]
