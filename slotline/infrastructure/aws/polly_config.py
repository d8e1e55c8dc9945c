"""PollyConfig: everything PollyTextToSpeech needs to reach Amazon Polly (or moto), validated when it is built."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

from slotline.domain.errors import InvalidValue

__all__ = ["PollyConfig", "PollyEngine"]

PollyEngine = Literal["standard", "neural"]
_ENGINES: tuple[str, ...] = get_args(PollyEngine)


@dataclass(frozen=True, slots=True)
class PollyConfig:
    """Polly settings. Credentials left None come from boto3's default chain (environment, profile, instance role).

    Timeouts and the deadline are in seconds. One `synthesize` call (every piece of a long text, retries and
    backoff included) ends within `deadline`: an attempt still running then is abandoned and the call fails.
    A piece gets at most `max_attempts` attempts. Backoff before retry n (1-based) is
    `min(backoff_max, backoff_initial * 2**(n-1) + uniform(0, backoff_jitter))`; a caller is waiting, so the
    defaults are short.
    """

    region: str = "us-east-1"
    endpoint_url: str | None = None  # None for AWS itself; "http://127.0.0.1:PORT" for a moto server
    voice_id: str = "Joanna"  # a Polly voice id; it must support `engine` in `region`
    engine: PollyEngine = "standard"
    access_key_id: str | None = field(default=None, repr=False)
    secret_access_key: str | None = field(default=None, repr=False)
    session_token: str | None = field(default=None, repr=False)
    connect_timeout: float = 2.0
    read_timeout: float = 4.0
    deadline: float = 8.0
    max_attempts: int = 3
    backoff_initial: float = 0.2
    backoff_max: float = 1.0
    backoff_jitter: float = 0.2

    def __post_init__(self) -> None:
        if not self.region:
            raise InvalidValue("Polly needs a region")
        if not self.voice_id or not self.voice_id.isascii() or not self.voice_id.isalnum():
            raise InvalidValue(f"Polly voice_id must be a voice name such as 'Joanna', got {self.voice_id!r}")
        if self.engine not in _ENGINES:
            raise InvalidValue(f"Polly engine must be one of {', '.join(_ENGINES)}, got {self.engine!r}")
        if (self.access_key_id is None) != (self.secret_access_key is None):
            raise InvalidValue("Polly access_key_id and secret_access_key are set together or not at all")
        if self.session_token is not None and self.access_key_id is None:
            raise InvalidValue("Polly session_token needs access_key_id and secret_access_key")
        if min(self.connect_timeout, self.read_timeout, self.deadline) <= 0:
            raise InvalidValue("Polly timeouts and deadline must be positive")
        if self.max_attempts < 1:
            raise InvalidValue(f"Polly max_attempts must be at least 1, got {self.max_attempts}")
        if self.backoff_initial < 0 or self.backoff_max < 0 or self.backoff_jitter < 0:
            raise InvalidValue("Polly backoff settings cannot be negative")
