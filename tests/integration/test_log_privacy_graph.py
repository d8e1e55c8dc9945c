"""At DEBUG, httpx, httpcore, kiota and azure log Graph requests; the log as the CLI configures it keeps the bearer
token and the caller's number (an event property, and a filter in the lookup URL) out."""

from __future__ import annotations

from pydantic import SecretStr

from slotline.infrastructure.msgraph import GraphCalendarConfig
from slotline.infrastructure.msgraph.gateway import GraphCalendarGateway
from tests.factories import NOW
from tests.integration.fake_graph import FakeGraph
from tests.integration.graph_helpers import CALENDARS, SAM
from tests.integration.log_helpers import debug_log, leaks
from tests.integration.sqlite_helpers import CATALOGUE, PHONE, appointment, slot

TOKEN = "graph-static-token-do-not-log-7f3a91"


async def test_graph_calls_at_debug_log_no_token_and_no_full_number() -> None:
    with FakeGraph.running(CALENDARS, token=TOKEN) as fake:
        config = GraphCalendarConfig(base_url=fake.base_url, static_token=SecretStr(TOKEN), deadline_seconds=4.0)
        gateway = GraphCalendarGateway(config, CATALOGUE)
        with debug_log(secrets=[TOKEN]) as log:
            await gateway.create(appointment(slot(10), "a1", phone=PHONE), SAM, idempotency_key="k1")
            found = await gateway.upcoming(PHONE, NOW)
            await gateway.aclose()

    assert [a.customer_phone for a in found] == [PHONE]  # the number really went to Graph and back
    output = log.getvalue()
    assert "httpx" in output and "httpcore" in output  # DEBUG still says what happened
    assert leaks(output, TOKEN, PHONE.e164, PHONE.e164[1:], "%2B" + PHONE.e164[1:]) == []
