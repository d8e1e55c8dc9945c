"""One turn's round trip, provider-neutral: the prompt out, the model's answer validated and resolved back in."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt, stop_after_delay, wait_exponential

from slotline.application.errors import InterpreterAnswerInvalid, InterpreterUnavailable
from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.expectation import Expectation
from slotline.domain.understanding import Interpretation
from slotline.infrastructure.model_nlu.answer import ModelAnswer
from slotline.infrastructure.model_nlu.prompt import Prompt
from slotline.infrastructure.model_nlu.resolution import AnswerResolver

__all__ = ["MAX_ATTEMPTS", "ModelBusy", "TurnReader"]

MAX_ATTEMPTS = 3


class ModelBusy(InterpreterUnavailable):
    """The model's endpoint said try again (429, 5xx) or could not be reached: worth one more try in time."""


class TurnReader:
    """The prompt and the answer check for one catalogue; `ask` sends one request through a provider."""

    def __init__(self, catalogue: Catalogue, deadline_seconds: float) -> None:
        self.prompt = Prompt(catalogue)
        self._resolver = AnswerResolver(catalogue)
        self._deadline = deadline_seconds

    def answer(self, raw: str | dict[str, Any] | None) -> ModelAnswer:
        """The model's output as a ModelAnswer, or InterpreterAnswerInvalid."""
        try:
            if isinstance(raw, str):
                return ModelAnswer.model_validate_json(raw)
            return ModelAnswer.model_validate(raw)
        except ValidationError as exc:
            raise InterpreterAnswerInvalid(f"answer fails the schema ({exc.error_count()} errors)") from None

    async def read(
        self,
        utterance: str,
        now: datetime,
        expecting: Expectation,
        ask: Callable[[str, str], Awaitable[str | dict[str, Any] | None]],
    ) -> Interpretation:
        """`ask(system, user)` with retries on ModelBusy, none started past the deadline; then validated, resolved."""
        user = self.prompt.user(utterance, expecting)
        raw: str | dict[str, Any] | None = None
        async for attempt in AsyncRetrying(
            stop=stop_after_attempt(MAX_ATTEMPTS) | stop_after_delay(self._deadline),
            wait=wait_exponential(multiplier=self._deadline / 16, max=self._deadline / 4),
            retry=retry_if_exception_type(ModelBusy),
            reraise=True,
        ):
            with attempt:
                raw = await ask(self.prompt.system, user)
        return self._resolver.interpretation(self.answer(raw), utterance, now)
