"""An offline, rule-based UtteranceInterpreter for recogniser and typed text (see docs/understanding.md)."""

from slotline.infrastructure.rules_nlu.interpreter import RulesUtteranceInterpreter

__all__ = ["RulesUtteranceInterpreter"]
