"""OpenTelemetry: CallTracer as spans exported over OTLP."""

from slotline.infrastructure.opentelemetry_tracing.call_tracer import OpenTelemetryCallTracer

__all__ = ["OpenTelemetryCallTracer"]
