"""OpenTelemetry tracing for `slotline serve` when tracing.otlp_endpoint is set; the SDK is imported only then."""

from __future__ import annotations

from typing import TYPE_CHECKING

from slotline.entrypoints.wiring.extras import needs_extra

if TYPE_CHECKING:
    from slotline.infrastructure.opentelemetry_tracing import OpenTelemetryCallTracer


def otlp_tracer(endpoint: str, service_name: str) -> OpenTelemetryCallTracer:
    with needs_extra("tracing.otlp_endpoint", "tracing"):
        from slotline.infrastructure.opentelemetry_tracing import OpenTelemetryCallTracer
    return OpenTelemetryCallTracer.otlp(endpoint, service_name=service_name)
