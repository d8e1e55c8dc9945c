from __future__ import annotations

from typing import TYPE_CHECKING

from slotline.application.ports import CallMetrics, Clock
from slotline.entrypoints.settings import SettingsInvalid
from slotline.entrypoints.wiring.extras import needs_extra
from slotline.infrastructure.telcoflow.settings import TelcoflowSettings

if TYPE_CHECKING:
    from slotline.infrastructure.telcoflow.adapter import TelcoflowTelephony


def telcoflow_telephony(
    settings: TelcoflowSettings | None,
    ring_seconds: int,
    region: str,
    clock: Clock,
    max_concurrent_calls: int,
    metrics: CallMetrics | None = None,
) -> TelcoflowTelephony:
    """The Telcoflow adapter, importing the SDK only now."""
    with needs_extra('telephony.backend "telcoflow"', "telcoflow"):
        from slotline.infrastructure.telcoflow.adapter import TelcoflowTelephony

    if settings is None:
        raise SettingsInvalid(
            'telephony.backend "telcoflow" needs the [telcoflow] section: api_key and connector_uuid, or cert_file '
            "and key_file (env SLOTLINE_TELCOFLOW__API_KEY, SLOTLINE_TELCOFLOW__CONNECTOR_UUID)"
        )
    return TelcoflowTelephony(
        settings,
        ring_seconds=ring_seconds,
        caller_region=region,
        clock=clock,
        max_concurrent_calls=max_concurrent_calls,
        metrics=metrics,
    )
