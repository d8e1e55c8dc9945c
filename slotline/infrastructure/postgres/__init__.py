"""The shared backends: one PostgreSQL database holds bookings, holds, the outbox, staff calendars and customers,
for any number of `slotline serve` workers.

Importing this package is cheap: it exports the configuration only. The adapters live in
`infrastructure.postgres.adapters`, whose import pulls in psycopg (the `postgres` extra);
import it where they are built.
"""

from slotline.infrastructure.postgres.settings import PostgresSettings

__all__ = ["PostgresSettings"]
