"""ModelSettings: which language model reads callers' words, and how long a turn may wait for it.

The `[understanding.model]` settings section. Importing this module is cheap: pydantic only, never an SDK.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

__all__ = ["ModelSettings"]


class ModelSettings(BaseModel):
    """An OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp server) or the
    Amazon Bedrock Converse API. Secrets are `SecretStr`, revealed only when the SDK client is made."""

    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    provider: Literal["openai", "bedrock"] = "openai"
    deadline_ms: int = Field(default=800, ge=50, le=30_000)
    """Longest one caller turn waits for the model, retries included; past it the rules' reading stands."""
    # -- provider "openai" --
    base_url: str | None = None
    """The endpoint's base URL (http://127.0.0.1:11434/v1 for Ollama, http://127.0.0.1:8000/v1 for vLLM);
    None is api.openai.com."""
    model: str = ""
    """The model name the endpoint knows ("gpt-4o-mini", "qwen2.5:7b-instruct", ...)."""
    api_key: SecretStr | None = Field(default=None, repr=False)
    """The API key; local servers that want none may leave it unset."""
    structured_output: Literal["json_schema", "tool"] = "json_schema"
    """How the answer's shape is asked for: `response_format` with a JSON schema, or a forced tool call (for
    servers without json_schema support)."""
    # -- provider "bedrock" --
    region: str = Field(default="us-east-1", min_length=1)
    model_id: str = ""
    """The Bedrock model or inference-profile id ("anthropic.claude-3-haiku-20240307-v1:0", ...)."""
    endpoint_url: str | None = None
    """None for AWS itself; a VPC endpoint or a local server's address otherwise."""
    access_key_id: SecretStr | None = Field(default=None, repr=False)
    """With `secret_access_key`; None takes boto3's usual chain (environment, profile, instance role)."""
    secret_access_key: SecretStr | None = Field(default=None, repr=False)

    @model_validator(mode="after")
    def _provider_is_named(self) -> Self:
        if self.provider == "openai" and not self.model:
            raise ValueError('provider "openai" needs `model`, the model name the endpoint serves')
        if self.provider == "bedrock" and not self.model_id:
            raise ValueError('provider "bedrock" needs `model_id`')
        if (self.access_key_id is None) != (self.secret_access_key is None):
            raise ValueError("access_key_id and secret_access_key are set together or not at all")
        return self

    @property
    def deadline_seconds(self) -> float:
        return self.deadline_ms / 1000
