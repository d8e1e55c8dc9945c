"""Caller turns read by a language model (OpenAI-compatible endpoints, Amazon Bedrock); see docs/understanding.md.

Import the adapters by their modules (`openai_interpreter`, `bedrock_interpreter`): each loads its own SDK.
"""

from slotline.infrastructure.model_nlu.settings import ModelSettings

__all__ = ["ModelSettings"]
