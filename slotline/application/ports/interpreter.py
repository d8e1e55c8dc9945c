from __future__ import annotations

from datetime import datetime
from typing import Protocol

from slotline.domain.dialogue.expectation import OPEN, Expectation
from slotline.domain.understanding import Interpretation


class UtteranceInterpreter(Protocol):
    """Turns recogniser text into what the caller meant. Dates resolve against `now` in the business zone.

    `expecting` is what the agent's last question expects (a yes or no, a choice among the offers read out, a day,
    ...): the short dialogue state an interpreter may read the words against. The rule-based one does not need it.
    """

    async def interpret(self, utterance: str, now: datetime, *, expecting: Expectation = OPEN) -> Interpretation: ...
