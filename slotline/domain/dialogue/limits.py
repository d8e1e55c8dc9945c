from __future__ import annotations

from dataclasses import dataclass

from slotline.domain.errors import InvalidValue


@dataclass(frozen=True, slots=True)
class DialogueLimits:
    """Thresholds after which the agent stops trying and hands the caller to a person."""

    max_misunderstandings: int = 3
    max_silences: int = 2
    max_rejected_offers: int = 3
    max_empty_searches: int = 2

    def __post_init__(self) -> None:
        for name in ("max_misunderstandings", "max_silences", "max_rejected_offers", "max_empty_searches"):
            if getattr(self, name) < 1:
                raise InvalidValue(f"{name} must be at least 1")
