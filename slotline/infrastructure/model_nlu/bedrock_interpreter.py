"""BedrockUtteranceInterpreter: caller turns read by a model on Amazon Bedrock through boto3's Converse API, the
answer's shape fixed by a forced tool call."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import TYPE_CHECKING, Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, ConnectionError, ReadTimeoutError

from slotline.application.errors import InterpreterAnswerInvalid, InterpreterUnavailable
from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.expectation import OPEN, Expectation
from slotline.domain.understanding import Interpretation
from slotline.infrastructure.model_nlu.answer import ANSWER_SCHEMA
from slotline.infrastructure.model_nlu.reading import ModelBusy, TurnReader
from slotline.infrastructure.model_nlu.settings import ModelSettings

if TYPE_CHECKING:
    from mypy_boto3_bedrock_runtime import BedrockRuntimeClient
    from mypy_boto3_bedrock_runtime.type_defs import ToolConfigurationTypeDef

__all__ = ["BedrockUtteranceInterpreter"]

_NAME = "interpretation"
_BUSY = frozenset(
    (
        "ThrottlingException",
        "ServiceUnavailableException",
        "InternalServerException",
        "ModelNotReadyException",
        "ModelTimeoutException",
    )
)


def _tool_config() -> ToolConfigurationTypeDef:
    return {
        "tools": [
            {
                "toolSpec": {
                    "name": _NAME,
                    "description": "What the caller's words mean.",
                    "inputSchema": {"json": ANSWER_SCHEMA},
                }
            }
        ],
        "toolChoice": {"tool": {"name": _NAME}},
    }


class BedrockUtteranceInterpreter:
    """One Converse request per turn on a worker thread; botocore's retries are off (tenacity retries in time)."""

    def __init__(self, settings: ModelSettings, catalogue: Catalogue) -> None:
        self._settings = settings
        secret = settings.secret_access_key
        self._client: BedrockRuntimeClient = boto3.client(
            "bedrock-runtime",
            region_name=settings.region,
            endpoint_url=settings.endpoint_url,
            aws_access_key_id=settings.access_key_id.get_secret_value() if settings.access_key_id else None,
            aws_secret_access_key=secret.get_secret_value() if secret else None,
            config=Config(
                connect_timeout=settings.deadline_seconds,
                read_timeout=settings.deadline_seconds,
                retries={"mode": "standard", "total_max_attempts": 1},
            ),
        )
        self._tools = _tool_config()
        self._reader = TurnReader(catalogue, settings.deadline_seconds)

    async def interpret(self, utterance: str, now: datetime, *, expecting: Expectation = OPEN) -> Interpretation:
        """The model's reading of `utterance`, or InterpreterUnavailable (InterpreterAnswerInvalid) when it has none."""
        return await self._reader.read(utterance, now, expecting, self._ask)

    async def warm_up(self) -> None:
        """The client is made in the constructor; Bedrock has no free call to open a connection with."""

    async def aclose(self) -> None:
        await asyncio.to_thread(self._client.close)

    async def _ask(self, system: str, user: str) -> dict[str, Any]:
        try:
            response = await asyncio.to_thread(
                self._client.converse,
                modelId=self._settings.model_id,
                system=[{"text": system}],
                messages=[{"role": "user", "content": [{"text": user}]}],
                toolConfig=self._tools,
                inferenceConfig={"temperature": 0, "maxTokens": 400},
            )
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
            if code in _BUSY or status == 429 or status >= 500:
                raise ModelBusy(code or str(status)) from exc
            raise InterpreterUnavailable(code or str(status)) from exc
        except (ConnectionError, ReadTimeoutError) as exc:
            raise ModelBusy(type(exc).__name__) from exc
        except BotoCoreError as exc:
            raise InterpreterUnavailable(type(exc).__name__) from exc
        for block in response["output"].get("message", {}).get("content", []):
            tool = block.get("toolUse")
            if tool is not None and tool.get("name") == _NAME and isinstance(tool.get("input"), dict):
                answer: dict[str, Any] = tool["input"]
                return answer
        raise InterpreterAnswerInvalid("no tool use in the Converse answer")
