"""OpenAIUtteranceInterpreter: caller turns read by any OpenAI-compatible chat-completions endpoint (OpenAI, Azure
OpenAI, vLLM, Ollama, llama.cpp server), through the openai SDK, with the answer's shape fixed by a JSON schema."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import openai
from openai import AsyncOpenAI
from openai.types.chat import ChatCompletion, ChatCompletionMessageParam, ChatCompletionToolParam

from slotline.application.errors import InterpreterAnswerInvalid, InterpreterUnavailable
from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.expectation import OPEN, Expectation
from slotline.domain.understanding import Interpretation
from slotline.infrastructure.model_nlu.answer import ANSWER_SCHEMA
from slotline.infrastructure.model_nlu.reading import ModelBusy, TurnReader
from slotline.infrastructure.model_nlu.settings import ModelSettings

__all__ = ["OpenAIUtteranceInterpreter"]

_NAME = "interpretation"
_TOOL: ChatCompletionToolParam = {
    "type": "function",
    "function": {"name": _NAME, "description": "What the caller's words mean.", "parameters": ANSWER_SCHEMA},
}


class OpenAIUtteranceInterpreter:
    """Asks the model once per turn (retries only within the deadline); the SDK's own retries are off."""

    def __init__(self, settings: ModelSettings, catalogue: Catalogue) -> None:
        self._settings = settings
        key = settings.api_key.get_secret_value() if settings.api_key is not None else "unused"
        self._client = AsyncOpenAI(
            base_url=settings.base_url, api_key=key, max_retries=0, timeout=settings.deadline_seconds
        )
        self._reader = TurnReader(catalogue, settings.deadline_seconds)

    async def interpret(self, utterance: str, now: datetime, *, expecting: Expectation = OPEN) -> Interpretation:
        """The model's reading of `utterance`, or InterpreterUnavailable (InterpreterAnswerInvalid) when it has none."""
        return await self._reader.read(utterance, now, expecting, self._ask)

    async def warm_up(self) -> None:
        """Lists the endpoint's models (free, and served by vLLM, Ollama and llama.cpp too): the SDK loads its lazy
        parts and opens a connection before the first caller's turn, which then fits its deadline."""
        try:
            await self._client.models.list()
        except openai.OpenAIError as exc:
            raise InterpreterUnavailable(f"warming up: {type(exc).__name__}") from exc

    async def aclose(self) -> None:
        await self._client.close()

    async def _ask(self, system: str, user: str) -> str | dict[str, Any] | None:
        messages: list[ChatCompletionMessageParam] = [
            {"role": "system", "content": system},
            {"role": "user", "content": user},
        ]
        try:
            if self._settings.structured_output == "tool":
                completion = await self._client.chat.completions.create(
                    model=self._settings.model,
                    messages=messages,
                    temperature=0,
                    tools=[_TOOL],
                    tool_choice={"type": "function", "function": {"name": _NAME}},
                )
                return _tool_arguments(completion)
            completion = await self._client.chat.completions.create(
                model=self._settings.model,
                messages=messages,
                temperature=0,
                response_format={
                    "type": "json_schema",
                    "json_schema": {"name": _NAME, "schema": ANSWER_SCHEMA, "strict": False},
                },
            )
        except (openai.RateLimitError, openai.InternalServerError, openai.APIConnectionError) as exc:
            raise ModelBusy(type(exc).__name__) from exc
        except openai.OpenAIError as exc:
            raise InterpreterUnavailable(type(exc).__name__) from exc
        if not completion.choices:
            raise InterpreterAnswerInvalid("no choices in the completion")
        return completion.choices[0].message.content


def _tool_arguments(completion: ChatCompletion) -> dict[str, Any]:
    calls = completion.choices[0].message.tool_calls if completion.choices else None
    if not calls or calls[0].type != "function":
        raise InterpreterAnswerInvalid("no tool call in the completion")
    try:
        arguments = json.loads(calls[0].function.arguments)
    except json.JSONDecodeError:
        raise InterpreterAnswerInvalid("tool arguments are not JSON") from None
    if not isinstance(arguments, dict):
        raise InterpreterAnswerInvalid("tool arguments are not an object")
    return arguments
