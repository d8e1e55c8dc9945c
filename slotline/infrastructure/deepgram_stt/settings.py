"""DeepgramSettings: what DeepgramSpeechToText needs to reach Deepgram's live API; the `[speech.deepgram]` section.

Importing this module is cheap: it imports pydantic, never the Deepgram SDK.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, SecretStr

__all__ = ["DeepgramSettings"]


class DeepgramSettings(BaseModel):
    """How to reach Deepgram's streaming recogniser (`/v1/listen` over a websocket) and how long a caller may wait."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    url: str = Field(default="wss://api.deepgram.com", pattern=r"^wss?://[^/?#\s]+$")
    """The websocket origin, without a path: Deepgram's, or a self-hosted one ("ws://127.0.0.1:8080" in tests)."""
    api_key: SecretStr | None = None
    """Sent as `Authorization: Token <key>`; never logged. Required to use the backend."""
    model: str = Field(default="nova-3", pattern=r"^[a-z0-9][a-z0-9.\-]*$")
    """Deepgram model. "nova-3*" models get the expected answers as `keyterm`s, older ones as `keywords`."""
    language: str = Field(default="en-US", pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
    deadline_seconds: float = Field(default=3.0, gt=0, le=30)
    """One turn, connection included: after this the recogniser counts as unavailable (the dialogue hands over)."""
    endpointing_ms: int = Field(default=300, ge=10, le=5000)
    """Quiet Deepgram waits for before it marks a result `speech_final` (sent as `endpointing`)."""
    interim_results: bool = True
    """Ask for partial results while audio arrives (a stream's `partial`); a whole turn needs only finals."""
    max_keyterms: int = Field(default=50, ge=0, le=100)
    """At most this many expected phrases are sent per turn (Deepgram caps keyterm prompts at 500 tokens)."""
    chunk_ms: int = Field(default=100, ge=10, le=1000)
    """A turn's audio is sent in websocket messages of this much audio (Deepgram suggests 20-100 ms)."""
