"""The UtteranceInterpreter contract against the rule-based interpreter."""

from __future__ import annotations

import pytest

from slotline.application.ports import UtteranceInterpreter
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.testing.contracts import UtteranceInterpreterContract


class TestRulesUtteranceInterpreter(UtteranceInterpreterContract):
    @pytest.fixture
    def interpreter(self) -> UtteranceInterpreter:
        return RulesUtteranceInterpreter(self.catalogue)
