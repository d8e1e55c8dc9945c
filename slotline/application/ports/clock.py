from __future__ import annotations

from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    """Where now comes from; tests pin it."""

    def now(self) -> datetime:
        """The current instant, time-zone aware."""
        ...
