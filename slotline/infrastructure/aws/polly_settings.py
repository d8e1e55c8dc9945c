"""PollySettings: everything PollyTextToSpeech needs to reach Amazon Polly (or moto); the `[speech.polly]` section.

Importing this module is cheap: it imports pydantic, never boto3.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from slotline.infrastructure.aws.access_settings import AwsAccessSettings

__all__ = ["PollyEngine", "PollySettings"]

PollyEngine = Literal["standard", "neural"]


class PollySettings(AwsAccessSettings):
    """Polly settings. One `synthesize` call (every piece of a long text, retries and backoff included) ends within
    `deadline`: an attempt still running then is abandoned and the call fails. A piece gets at most `max_attempts`
    attempts. Backoff before retry n (1-based) is `min(backoff_max, backoff_initial * 2**(n-1) + uniform(0,
    backoff_jitter))`; a caller is waiting, so the defaults are short."""

    voice_id: str = Field(default="Joanna", pattern=r"^[A-Za-z0-9]+$")
    """A Polly voice id; it must support `engine` in `region`."""
    engine: PollyEngine = "standard"
    read_timeout: float = Field(default=4.0, gt=0)
    deadline: float = Field(default=8.0, gt=0)
    """One sentence's synthesis, retries included."""
    max_attempts: int = Field(default=3, ge=1)
    backoff_initial: float = Field(default=0.2, ge=0)
    backoff_max: float = Field(default=1.0, ge=0)
    backoff_jitter: float = Field(default=0.2, ge=0)
