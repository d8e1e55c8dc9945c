"""The PostgreSQL backends, imported only when one is selected (psycopg is the `postgres` extra)."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, Literal

from slotline.application.ports import Clock
from slotline.domain.errors import SlotlineError
from slotline.entrypoints.wiring.extras import needs_extra
from slotline.infrastructure.postgres.settings import PostgresSettings

if TYPE_CHECKING:
    from slotline.entrypoints.container import Container
    from slotline.infrastructure.postgres.adapters import (
        PostgresCalendarGateway,
        PostgresCallRecords,
        PostgresCustomerDirectory,
        PostgresDatabase,
        PostgresOutbox,
        PostgresSlotLedger,
    )

__all__ = [
    "close_postgres",
    "postgres_calendar",
    "postgres_call_records",
    "postgres_customers",
    "postgres_database",
    "postgres_ledger",
    "postgres_outbox",
    "uses",
]

_WHAT = '"postgres" storage'


def uses(container: Container, engine: Literal["sqlite", "postgres"]) -> bool:
    """Whether any configured backend keeps its data in this engine (the local SMS sender records into SQLite)."""
    config = container.config
    chosen = {config.storage.backend(), config.customers.backend(), config.calendar.backend()}
    if config.sms.backend() == "local":
        chosen.add("sqlite")
    return engine in chosen


def close_postgres(container: Container) -> None:
    """Hand the pool's connections back to the server now, not at exit; a pool that could not be built is no error
    here (the command already failed with that error)."""
    if uses(container, "postgres"):
        with suppress(SlotlineError):
            container.postgres().close()


def postgres_database(settings: PostgresSettings) -> PostgresDatabase:
    """The pool every PostgreSQL adapter of this process shares."""
    with needs_extra(_WHAT, "postgres"):
        from slotline.infrastructure.postgres.adapters import PostgresDatabase

    return PostgresDatabase(settings)


def postgres_ledger(db: PostgresDatabase, clock: Clock) -> PostgresSlotLedger:
    from slotline.infrastructure.postgres.adapters import PostgresSlotLedger

    return PostgresSlotLedger(db, clock)


def postgres_outbox(db: PostgresDatabase) -> PostgresOutbox:
    from slotline.infrastructure.postgres.adapters import PostgresOutbox

    return PostgresOutbox(db)


def postgres_customers(db: PostgresDatabase, clock: Clock) -> PostgresCustomerDirectory:
    from slotline.infrastructure.postgres.adapters import PostgresCustomerDirectory

    return PostgresCustomerDirectory(db, clock)


def postgres_calendar(db: PostgresDatabase, clock: Clock) -> PostgresCalendarGateway:
    from slotline.infrastructure.postgres.adapters import PostgresCalendarGateway

    return PostgresCalendarGateway(db, clock)


def postgres_call_records(db: PostgresDatabase) -> PostgresCallRecords:
    from slotline.infrastructure.postgres.adapters import PostgresCallRecords

    return PostgresCallRecords(db)
