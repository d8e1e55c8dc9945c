"""Every PostgreSQL adapter, in one import (it imports psycopg, the `postgres` extra)."""

from slotline.infrastructure.postgres.calendar import PostgresCalendarGateway
from slotline.infrastructure.postgres.call_records import PostgresCallRecords
from slotline.infrastructure.postgres.customers import PostgresCustomerDirectory
from slotline.infrastructure.postgres.database import PostgresDatabase
from slotline.infrastructure.postgres.ledger import PostgresSlotLedger
from slotline.infrastructure.postgres.outbox import PostgresOutbox
from slotline.infrastructure.postgres.schema import SchemaOutdated, SchemaTooNew
from slotline.infrastructure.postgres.settings import PostgresSettings

__all__ = [
    "PostgresCalendarGateway",
    "PostgresCallRecords",
    "PostgresCustomerDirectory",
    "PostgresDatabase",
    "PostgresOutbox",
    "PostgresSettings",
    "PostgresSlotLedger",
    "SchemaOutdated",
    "SchemaTooNew",
]
