"""The SDK's own configuration, made from TelcoflowSettings; the one place the credentials are revealed."""

from __future__ import annotations

from pydantic import SecretStr
from telcoflow import CallAudioConfig, SessionManagerConfig

from slotline.infrastructure.telcoflow.settings import TelcoflowSettings

__all__ = ["session_manager_config"]


def _reveal(secret: SecretStr | None) -> str | None:
    return (secret.get_secret_value() or None) if secret is not None else None


def session_manager_config(settings: TelcoflowSettings) -> SessionManagerConfig:
    """The SDK's configuration for these settings."""
    return SessionManagerConfig.create(
        api_key=_reveal(settings.api_key),
        connector_uuid=_reveal(settings.connector_uuid),
        cert_path=str(settings.cert_file) if settings.cert_file else None,
        key_path=str(settings.key_file) if settings.key_file else None,
        base_url=settings.base_url,
        call_audio=CallAudioConfig(sample_rate=settings.sample_rate, buffer_size=settings.send_buffer_bytes),
    )
