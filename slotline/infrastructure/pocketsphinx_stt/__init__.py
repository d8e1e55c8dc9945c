"""Offline speech-to-text with pocketsphinx and a language model of what callers say to this business.

See docs/speech.md: how the model is built, and the rule that rejects speech outside the domain.
"""

from slotline.infrastructure.pocketsphinx_stt.model import DomainModel, LanguageModelSettings
from slotline.infrastructure.pocketsphinx_stt.rejection import RejectionRule
from slotline.infrastructure.pocketsphinx_stt.stt import (
    PocketsphinxCallSpeechToText,
    PocketsphinxSettings,
    PocketsphinxSpeechToText,
    Recognition,
)

__all__ = [
    "DomainModel",
    "LanguageModelSettings",
    "PocketsphinxCallSpeechToText",
    "PocketsphinxSettings",
    "PocketsphinxSpeechToText",
    "Recognition",
    "RejectionRule",
]
