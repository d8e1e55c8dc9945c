from __future__ import annotations

from pydantic import SecretStr


def reveal(value: object) -> str | None:
    """The plain text of a SecretStr setting, for handing to an SDK (never for logging)."""
    return value.get_secret_value() if isinstance(value, SecretStr) else None
