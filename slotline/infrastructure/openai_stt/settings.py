"""Settings of a transcription server speaking OpenAI's API (`[speech.openai]`); imports only pydantic."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

__all__ = ["OpenAITranscriptionSettings"]


class OpenAITranscriptionSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    base_url: str = "https://api.openai.com/v1"
    """The API's root, the part before /audio/transcriptions: OpenAI, https://api.groq.com/openai/v1, a
    self-hosted faster-whisper or vLLM server (http://127.0.0.1:8000/v1)."""
    model: str = Field(default="whisper-1", min_length=1)
    """The server's model name ("whisper-1", "gpt-4o-mini-transcribe", "whisper-large-v3-turbo" on Groq...)."""
    api_key: SecretStr | None = None
    """The server's key (sent as a bearer token); None for a server that needs none. Never logged."""
    deadline_seconds: float = Field(default=2.5, gt=0, le=30)
    """Longest a turn waits for the server, every attempt included; then the fallback recogniser hears it."""
    attempts: int = Field(default=2, ge=1, le=5)
    """Tries per turn within the deadline: a 429, a 5xx or a dropped connection is tried again after a short pause."""
    fallback: bool = True
    """On a timeout, an error or a malformed answer, the local recogniser (speech.pocketsphinx) hears the turn; off,
    the turn fails and the agent apologises and hands the caller over."""
    language: str = Field(default="en", min_length=2)
    silence_dbfs: float = Field(default=-60.0, le=0)
    """A turn quieter than this (RMS) is no words, without a request."""

    @field_validator("base_url")
    @classmethod
    def _an_http_address(cls, url: str) -> str:
        if not url.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// address, e.g. http://127.0.0.1:8000/v1")
        return url.rstrip("/")
