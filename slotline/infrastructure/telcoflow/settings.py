"""TelcoflowSettings: how to reach Telcoflow and how the adapter paces audio; the `[telcoflow]` settings section.

Importing this module is cheap: it imports pydantic, never the telcoflow SDK.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, SecretStr, model_validator

from slotline.infrastructure.common.setting_types import number_from_text

__all__ = ["PRODUCTION_URL", "SampleRate", "TelcoflowSettings"]

SampleRate = Annotated[
    Literal[8000, 16000, 24000], BeforeValidator(number_from_text)
]  # SLOTLINE_TELCOFLOW__SAMPLE_RATE is text
PRODUCTION_URL = "wss://wss-prod.agentao.com"


class TelcoflowSettings(BaseModel):
    """Connection, credentials (API key + connector UUID, or an mTLS certificate) and audio settings.

    Credentials are `SecretStr` and out of repr, so printing the settings is safe; the adapter reveals them only to
    the SDK. How long a hand-over rings and the region for caller numbers are the app's settings, given separately.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    base_url: str = Field(default=PRODUCTION_URL, pattern=r"^wss?://")
    """The Telcoflow platform, or ws://127.0.0.1:PORT for the loopback server."""
    api_key: SecretStr | None = Field(default=None, repr=False)
    connector_uuid: SecretStr | None = Field(default=None, repr=False)
    cert_file: Path | None = None
    """mTLS client certificate (instead of api_key + connector_uuid)."""
    key_file: Path | None = Field(default=None, repr=False)
    sample_rate: SampleRate = 16000
    drain_grace_ms: int = Field(default=300, ge=0)
    """After the SDK's send buffer is empty, how long the platform's jitter buffer may still be playing."""
    send_buffer_bytes: int = Field(default=1 << 20, ge=4096)
    """The SDK's per-call send buffer (a power of two); a longer play() waits for space instead of failing."""
    caller_backlog_frames: int = Field(default=500, ge=1)
    """Caller frames kept while nobody reads audio() (500 = 10 s); older ones are dropped, with a log line."""
    poll_seconds: float = Field(default=0.01, gt=0)
    """How often wait_played and a full send buffer are re-checked."""

    @model_validator(mode="after")
    def _one_way_to_sign_in(self) -> Self:
        if self.send_buffer_bytes & (self.send_buffer_bytes - 1):
            raise ValueError(f"send_buffer_bytes must be a power of two, got {self.send_buffer_bytes}")
        key_pair = (
            bool(self.api_key and self.api_key.get_secret_value()),
            bool(self.connector_uuid and self.connector_uuid.get_secret_value()),
        )
        tls_pair = (self.cert_file is not None, self.key_file is not None)
        if key_pair[0] != key_pair[1] or tls_pair[0] != tls_pair[1] or all(key_pair) == all(tls_pair):
            raise ValueError("Telcoflow needs either api_key and connector_uuid, or cert_file and key_file")
        return self

    @property
    def frame_bytes(self) -> int:
        """One 20 ms PCM16 mono frame."""
        return self.sample_rate * 2 // 50
