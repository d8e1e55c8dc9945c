from __future__ import annotations

from datetime import datetime
from typing import Protocol

from slotline.domain.understanding import Interpretation


class UtteranceInterpreter(Protocol):
    """Turns recogniser text into what the caller meant. Dates resolve against `now` in the business zone."""

    async def interpret(self, utterance: str, now: datetime) -> Interpretation: ...
