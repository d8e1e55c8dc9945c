"""How long a live caller is kept waiting on the calendar before the agent carries on without it."""

from __future__ import annotations

from dataclasses import dataclass

from slotline.domain.errors import InvalidValue

__all__ = ["CallerWaits"]


@dataclass(frozen=True, slots=True)
class CallerWaits:
    """Budgets for calendar reads a caller waits on; the adapter's own deadline may be longer (a write's is)."""

    lookup_seconds: float = 0.5
    """Reading the caller's upcoming appointments before the greeting; past it they are greeted from
    slotline's own records alone."""
    read_seconds: float = 2.0
    """Reading busy time (for slots, and the re-check before a hold or a booking); past it the read fails
    and the agent apologises and hands over."""

    def __post_init__(self) -> None:
        for name in ("lookup_seconds", "read_seconds"):
            if getattr(self, name) <= 0:
                raise InvalidValue(f"{name} must be positive")
