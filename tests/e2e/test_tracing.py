"""With tracing.otlp_endpoint set, a served call's turns and backend calls reach an OTLP/HTTP collector on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.proto.trace.v1.trace_pb2 import Span

from slotline.infrastructure.telcoflow.loopback import LoopbackTelcoflowServer
from tests.e2e.phone import CALLER, agent_on, turn, until_agent_says


class Collector:
    """The traces endpoint of an OpenTelemetry collector: keeps every span it is sent."""

    def __init__(self) -> None:
        self.spans: list[Span] = []
        self.service_names: set[str] = set()
        self.url = ""

    async def receive(self, request: web.Request) -> web.Response:
        export = ExportTraceServiceRequest()
        export.ParseFromString(await request.read())
        for resource_spans in export.resource_spans:
            for attribute in resource_spans.resource.attributes:
                if attribute.key == "service.name":
                    self.service_names.add(attribute.value.string_value)
            for scope in resource_spans.scope_spans:
                self.spans.extend(scope.spans)
        return web.Response(body=b"", content_type="application/x-protobuf")


@pytest.fixture
async def collector() -> AsyncIterator[Collector]:
    kept = Collector()
    app = web.Application()
    app.router.add_post("/v1/traces", kept.receive)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    kept.url = f"http://127.0.0.1:{runner.addresses[0][1]}"
    yield kept
    await runner.cleanup()


def attributes(span: Span) -> dict[str, object]:
    return {a.key: getattr(a.value, a.value.WhichOneof("value")) for a in span.attributes}


async def test_a_booking_call_is_traced_turn_by_turn(collector: Collector, tmp_path: Path) -> None:
    server = LoopbackTelcoflowServer()
    async with server, agent_on(server, tmp_path / "slotline.db", max_calls=1, otlp_endpoint=collector.url):
        call = await server.place_call(caller=CALLER)
        await until_agent_says(call, "What can I do for you?")
        await turn(call, "i would like a haircut next tuesday afternoon with sam", "Which would you like?")
        await turn(call, "the second one", "Shall I book it?")
        await turn(call, "yes", "Is there anything else I can help you with?")
        await turn(call, "no thanks", "Goodbye!")
        assert await call.wait_ended(timeout=10) == "disconnect"
    # the agent has stopped: the spans still buffered were sent on the way out
    by_name: dict[str, list[Span]] = {}
    for span in collector.spans:
        by_name.setdefault(span.name, []).append(span)
    assert collector.service_names == {"slotline"}
    (whole,) = by_name["slotline.call"]
    assert attributes(whole) == {"call_id": call.call_id, "slotline.call.outcome": "booked"}
    turns = by_name["slotline.turn"]
    assert len(turns) == 4
    assert all(t.parent_span_id == whole.span_id and t.trace_id == whole.trace_id for t in turns)
    assert all(attributes(t)["slotline.turn.understood"] is True for t in turns)
    turn_ids = {t.span_id for t in turns}
    calendar_reads = by_name["slotline.calendar.busy"]
    assert calendar_reads and all(span.parent_span_id in turn_ids for span in calendar_reads)
    (booking,) = by_name["slotline.storage.book"]
    assert booking.parent_span_id in turn_ids
    assert attributes(booking) == {"backend": "storage"}
    assert "+12125550123" not in str(collector.spans) and "2125550123" not in str(collector.spans)  # no number
