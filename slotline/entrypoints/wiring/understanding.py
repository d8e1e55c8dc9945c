"""The language-model interpreter, its SDK imported only when understanding.backend is "model"."""

from __future__ import annotations

from slotline.application.hybrid_understanding import HybridUtteranceInterpreter, UnderstandingMode
from slotline.application.ports import UtteranceInterpreter
from slotline.domain.catalogue import Catalogue
from slotline.entrypoints.settings import SettingsInvalid
from slotline.entrypoints.wiring.extras import needs_extra
from slotline.infrastructure.model_nlu.settings import ModelSettings


def model_interpreter(
    rules: UtteranceInterpreter, catalogue: Catalogue, settings: ModelSettings | None, mode: str
) -> HybridUtteranceInterpreter:
    """The rules with a language model behind them (`mode` says for which turns), the provider's SDK loaded now."""
    if settings is None:
        raise SettingsInvalid('understanding.backend "model" needs the [understanding.model] section')
    model: UtteranceInterpreter
    if settings.provider == "bedrock":
        with needs_extra('understanding.model.provider "bedrock"', "model-bedrock"):
            from slotline.infrastructure.model_nlu.bedrock_interpreter import BedrockUtteranceInterpreter
        model = BedrockUtteranceInterpreter(settings, catalogue)
    else:
        with needs_extra('understanding.model.provider "openai"', "model-openai"):
            from slotline.infrastructure.model_nlu.openai_interpreter import OpenAIUtteranceInterpreter
        model = OpenAIUtteranceInterpreter(settings, catalogue)
    return HybridUtteranceInterpreter(
        rules, model, deadline_seconds=settings.deadline_seconds, mode=UnderstandingMode(mode)
    )
