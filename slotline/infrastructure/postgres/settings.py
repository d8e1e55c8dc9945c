"""PostgresSettings: where the shared PostgreSQL database is and how many connections a worker keeps to it.

Importing this module is cheap: it imports pydantic, never psycopg.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

__all__ = ["PostgresSettings"]


class PostgresSettings(BaseModel):
    """The `[storage.postgres]` section. The DSN is a secret (it may hold a password): never in repr or logs."""

    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    dsn: SecretStr | None = Field(default=None, repr=False)
    """libpq connection string or URI; None means libpq's own environment (PGHOST, PGDATABASE, PGPASSWORD...)."""
    pool_min_size: int = Field(default=1, ge=0, le=100)
    """Connections each worker process keeps open while idle."""
    pool_max_size: int = Field(default=10, ge=1, le=200)
    """Most connections each worker process opens; count them against the server's max_connections."""
    connect_timeout_seconds: float = Field(default=5.0, gt=0, le=120)
    """Longest an operation waits for a connection (a new one, or a free one from the pool)."""

    @model_validator(mode="after")
    def _min_fits_max(self) -> PostgresSettings:
        if self.pool_min_size > self.pool_max_size:
            raise ValueError(
                f"pool_min_size ({self.pool_min_size}) must not exceed pool_max_size ({self.pool_max_size})"
            )
        return self

    def conninfo(self) -> str:
        """The connection string to hand to libpq (empty: libpq reads its environment)."""
        return "" if self.dsn is None else self.dsn.get_secret_value()
