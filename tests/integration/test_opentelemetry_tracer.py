"""OpenTelemetryCallTracer: spans nest as the call's work does, and a failed backend call says so."""

from __future__ import annotations

import asyncio

import pytest
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import StatusCode

from slotline.application.errors import CalendarUnavailable
from slotline.application.metered import Meter
from slotline.application.ports import Backend, NoCallMetrics
from slotline.infrastructure.opentelemetry_tracing import OpenTelemetryCallTracer


async def _down() -> None:
    raise CalendarUnavailable("graph timed out")


async def _read() -> int:
    return 1


async def test_spans_nest_across_tasks_and_a_failed_backend_call_is_marked() -> None:
    exporter = InMemorySpanExporter()
    tracer = OpenTelemetryCallTracer(exporter, service_name="slotline-test")
    calendar = Meter(NoCallMetrics(), Backend.CALENDAR, tracer)
    with tracer.span("call", call_id="c1") as call:
        with tracer.span("turn", call_id="c1", quick=True):
            await asyncio.ensure_future(calendar("busy", _read()))  # a task started in the turn: still its child
            with pytest.raises(CalendarUnavailable):
                await calendar("create", _down())
        call.set_attribute("slotline.call.outcome", "transferred")
    tracer.close()

    spans = {span.name: span for span in exporter.get_finished_spans()}
    assert set(spans) == {"slotline.call", "slotline.turn", "slotline.calendar.busy", "slotline.calendar.create"}
    whole, turn = spans["slotline.call"], spans["slotline.turn"]
    assert turn.parent is not None and whole.context is not None and turn.parent.span_id == whole.context.span_id
    for name in ("slotline.calendar.busy", "slotline.calendar.create"):
        parent = spans[name].parent
        assert parent is not None and turn.context is not None and parent.span_id == turn.context.span_id
    assert dict(whole.attributes or {}) == {"call_id": "c1", "slotline.call.outcome": "transferred"}
    failed = spans["slotline.calendar.create"]
    assert (failed.attributes or {})["slotline.backend.failed"] is True
    assert failed.status.status_code is StatusCode.ERROR
    assert spans["slotline.calendar.busy"].status.status_code is StatusCode.UNSET
    assert whole.resource.attributes["service.name"] == "slotline-test"
