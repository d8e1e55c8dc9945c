"""CallTracer as OpenTelemetry spans from a tracer provider of slotline's own (the global one is left alone)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter

from slotline.application.ports import AttributeValue, TraceSpan

__all__ = ["OpenTelemetryCallTracer"]

_SPAN_PREFIX = "slotline."


class OpenTelemetryCallTracer:
    """Records each span as an OpenTelemetry span named `slotline.<name>`, exported in batches in the background.

    `exporter`: where the spans go; `otlp(endpoint)` sends them to an OpenTelemetry collector over OTLP/HTTP.
    """

    def __init__(self, exporter: SpanExporter, *, service_name: str = "slotline") -> None:
        self._provider = TracerProvider(resource=Resource.create({"service.name": service_name}))
        self._provider.add_span_processor(BatchSpanProcessor(exporter))
        self._tracer = self._provider.get_tracer("slotline")

    @classmethod
    def otlp(cls, endpoint: str, *, service_name: str = "slotline") -> OpenTelemetryCallTracer:
        """Spans sent to the OTLP/HTTP collector at `endpoint` (e.g. http://127.0.0.1:4318), path /v1/traces."""
        return cls(OTLPSpanExporter(endpoint=f"{endpoint.rstrip('/')}/v1/traces"), service_name=service_name)

    def span(self, name: str, **attributes: AttributeValue) -> AbstractContextManager[TraceSpan]:
        return self._span(_SPAN_PREFIX + name, attributes)

    @contextmanager
    def _span(self, name: str, attributes: dict[str, AttributeValue]) -> Iterator[TraceSpan]:
        with self._tracer.start_as_current_span(name, attributes=attributes) as span:
            yield span

    def close(self) -> None:
        """Send the spans still buffered and stop (blocking, bounded by the exporter's timeout)."""
        self._provider.shutdown()
