"""Rules first, a language model for the turns they could not read: the model interprets, the policy still decides.

The rule-based reading is made for every turn (microseconds) and is what stands when the model is not asked, is too
slow, fails or answers nonsense. "hybrid" asks the model only when the rules understood nothing or left words
unused that could change a day, time, service or person (`Interpretation.unsure`); "model" asks it every turn.
A turn carrying a phone number is always the rules': numbers are never sent to the model, so it cannot read them.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol, runtime_checkable

from slotline.application.errors import BackendUnavailable
from slotline.application.ports import UtteranceInterpreter
from slotline.domain.dialogue.expectation import OPEN, Expectation
from slotline.domain.understanding import Intent, Interpretation

__all__ = ["HybridUtteranceInterpreter", "ModelTurns", "UnderstandingMode", "needs_model"]

log = logging.getLogger(__name__)

_STANDING = frozenset((Intent.URGENT, Intent.HUMAN))
"""Readings of the rules no model may overrule: urgent care and asking for a person always get through."""


@runtime_checkable
class _Warmable(Protocol):
    async def warm_up(self) -> None: ...

    async def aclose(self) -> None: ...


class UnderstandingMode(StrEnum):
    HYBRID = "hybrid"
    MODEL = "model"


@dataclass(slots=True)
class ModelTurns:
    """What the model was asked and how it went, since this interpreter was made."""

    heard: int = 0
    asked: int = 0
    answered: int = 0
    timed_out: int = 0
    failed: int = 0  # unreachable, refused, or an answer that failed validation

    @property
    def fell_back(self) -> int:
        return self.timed_out + self.failed


def needs_model(ruled: Interpretation) -> bool:
    """Whether the rules' reading leaves something a model might understand better."""
    return ruled.intent is Intent.UNKNOWN or bool(ruled.unsure)


class HybridUtteranceInterpreter:
    """An UtteranceInterpreter over two: `rules` always, `model` within `deadline_seconds` when it is worth asking."""

    def __init__(
        self,
        rules: UtteranceInterpreter,
        model: UtteranceInterpreter,
        *,
        deadline_seconds: float = 0.8,
        mode: UnderstandingMode = UnderstandingMode.HYBRID,
    ) -> None:
        self._rules = rules
        self._model = model
        self._deadline = deadline_seconds
        self._every_turn = mode is UnderstandingMode.MODEL
        self.turns = ModelTurns()

    async def warm_up(self) -> None:
        """Lets the model's client do its start-up work (imports, a connection) before the first caller needs it."""
        if isinstance(self._model, _Warmable):
            await asyncio.wait_for(self._model.warm_up(), max(self._deadline, 5.0))

    async def aclose(self) -> None:
        if isinstance(self._model, _Warmable):
            await self._model.aclose()

    async def interpret(self, utterance: str, now: datetime, *, expecting: Expectation = OPEN) -> Interpretation:
        ruled = await self._rules.interpret(utterance, now, expecting=expecting)
        self.turns.heard += 1
        if not utterance.strip() or ruled.phone is not None or ruled.intent in _STANDING:
            return ruled
        if not (self._every_turn or needs_model(ruled)):
            return ruled
        self.turns.asked += 1
        try:
            modelled = await asyncio.wait_for(
                self._model.interpret(utterance, now, expecting=expecting), self._deadline
            )
        except TimeoutError:
            self.turns.timed_out += 1
            log.warning("model gave no answer within %.0f ms; the rules' reading stands", self._deadline * 1000)
            return ruled
        except BackendUnavailable as exc:
            self.turns.failed += 1
            log.warning("model failed (%s); the rules' reading stands", exc)
            return ruled
        self.turns.answered += 1
        if modelled.intent is Intent.UNKNOWN and ruled.intent is not Intent.UNKNOWN:
            return ruled  # the model made nothing of words the rules read (unsure): asking again beats nothing
        return modelled
