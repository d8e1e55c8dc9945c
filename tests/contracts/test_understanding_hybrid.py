"""The UtteranceInterpreter contract against the hybrid interpreter, with a real OpenAI client and a local model
that understands nothing: whatever the model, the rules keep every promise the port makes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from slotline.application.hybrid_understanding import HybridUtteranceInterpreter, UnderstandingMode
from slotline.application.ports import UtteranceInterpreter
from slotline.infrastructure.model_nlu.openai_interpreter import OpenAIUtteranceInterpreter
from slotline.infrastructure.model_nlu.settings import ModelSettings
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.testing.contracts import UtteranceInterpreterContract
from slotline.testing.model_server import FakeModelServer


@pytest.fixture(scope="module")
def model() -> Iterator[FakeModelServer]:
    with FakeModelServer() as server:
        yield server


class TestHybridUtteranceInterpreter(UtteranceInterpreterContract):
    @pytest.fixture(params=list(UnderstandingMode))
    def interpreter(self, model: FakeModelServer, request: pytest.FixtureRequest) -> UtteranceInterpreter:
        settings = ModelSettings(base_url=f"{model.url}/v1", model="knows-nothing")
        return HybridUtteranceInterpreter(
            RulesUtteranceInterpreter(self.catalogue),
            OpenAIUtteranceInterpreter(settings, self.catalogue),
            deadline_seconds=settings.deadline_seconds,
            mode=request.param,
        )
