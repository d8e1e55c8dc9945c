from __future__ import annotations

from typing import TYPE_CHECKING

from slotline.application.ports import Clock
from slotline.entrypoints.settings import TelcoflowSettings
from slotline.entrypoints.wiring.extras import needs_extra
from slotline.entrypoints.wiring.secrets import reveal

if TYPE_CHECKING:
    from slotline.infrastructure.telcoflow.adapter import TelcoflowTelephony


def telcoflow_telephony(
    settings: dict[str, object], ring_seconds: int, region: str, clock: Clock
) -> TelcoflowTelephony:
    """The Telcoflow adapter, importing the SDK only now."""
    with needs_extra('telephony.backend "telcoflow"', "telcoflow"):
        from slotline.infrastructure.telcoflow.adapter import TelcoflowConfig, TelcoflowTelephony

    s = TelcoflowSettings.model_validate(settings)
    config = TelcoflowConfig(
        base_url=s.base_url,
        api_key=reveal(s.api_key),
        connector_uuid=reveal(s.connector_uuid),
        cert_file=s.cert_file,
        key_file=s.key_file,
        sample_rate=s.sample_rate,
        ring_seconds=ring_seconds,
        caller_region=region,
    )
    return TelcoflowTelephony(config, clock=clock)
