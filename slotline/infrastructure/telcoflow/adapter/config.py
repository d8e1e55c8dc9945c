"""How to reach Telcoflow and how the adapter behaves; built from settings by the container."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from telcoflow import CallAudioConfig, SessionManagerConfig

from slotline.domain.errors import InvalidValue

SampleRate = Literal[8000, 16000, 24000]
PRODUCTION_URL = "wss://wss-prod.agentao.com"


@dataclass(frozen=True, slots=True)
class TelcoflowConfig:
    """Connection, credentials and audio settings. Credentials stay out of repr, so printing a config is safe."""

    base_url: str = PRODUCTION_URL
    api_key: str | None = field(default=None, repr=False)
    connector_uuid: str | None = field(default=None, repr=False)
    cert_file: Path | None = None
    """Client certificate for mTLS, instead of api_key + connector_uuid."""
    key_file: Path | None = field(default=None, repr=False)
    sample_rate: SampleRate = 16000
    ring_seconds: int = 30
    """How long a transfer rings when `connect_to_human` is given no time of its own."""
    drain_grace_ms: int = 300
    """After the SDK's send buffer is empty, how long the platform's jitter buffer may still be playing."""
    send_buffer_bytes: int = 1 << 20
    """The SDK's per-call send buffer (a power of two); a longer play() waits for space instead of failing."""
    caller_backlog_frames: int = 500
    """Caller frames kept while nobody reads audio() (500 = 10 s); older ones are dropped, with a log line."""
    caller_region: str | None = None
    """Region for caller numbers that arrive without a leading +; None accepts only international form."""
    poll_seconds: float = 0.01
    """How often wait_played and a full send buffer are re-checked."""

    def __post_init__(self) -> None:
        if self.sample_rate not in (8000, 16000, 24000):
            raise InvalidValue(f"Telcoflow sample_rate must be 8000, 16000 or 24000, got {self.sample_rate}")
        if not 1 <= self.ring_seconds <= 120:
            raise InvalidValue(f"Telcoflow ring_seconds must be 1..120, got {self.ring_seconds}")
        if self.drain_grace_ms < 0 or self.poll_seconds <= 0 or self.caller_backlog_frames < 1:
            raise InvalidValue("Telcoflow drain_grace_ms, poll_seconds and caller_backlog_frames must be positive")
        if self.send_buffer_bytes < 4096 or self.send_buffer_bytes & (self.send_buffer_bytes - 1):
            raise InvalidValue(
                f"Telcoflow send_buffer_bytes must be a power of two of at least 4096, got {self.send_buffer_bytes}"
            )
        if not self.base_url.startswith(("ws://", "wss://")):
            raise InvalidValue(f"Telcoflow base_url must be ws:// or wss://, got {self.base_url!r}")
        key_pair = (bool(self.api_key), bool(self.connector_uuid))
        tls_pair = (self.cert_file is not None, self.key_file is not None)
        if key_pair[0] != key_pair[1] or tls_pair[0] != tls_pair[1] or all(key_pair) == all(tls_pair):
            raise InvalidValue("Telcoflow needs either api_key and connector_uuid, or cert_file and key_file")

    @property
    def frame_bytes(self) -> int:
        """One 20 ms PCM16 mono frame."""
        return self.sample_rate * 2 // 50

    def session_manager_config(self) -> SessionManagerConfig:
        """The SDK's own configuration for this one."""
        return SessionManagerConfig.create(
            api_key=self.api_key or None,
            connector_uuid=self.connector_uuid or None,
            cert_path=str(self.cert_file) if self.cert_file else None,
            key_path=str(self.key_file) if self.key_file else None,
            base_url=self.base_url,
            call_audio=CallAudioConfig(sample_rate=self.sample_rate, buffer_size=self.send_buffer_bytes),
        )
