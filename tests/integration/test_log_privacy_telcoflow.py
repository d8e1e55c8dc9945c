"""At DEBUG, websockets, abxbus and the Telcoflow SDK log the handshake and every text frame; the log as the CLI
configures it keeps the api key, the connector uuid and the caller's number out."""

from __future__ import annotations

import asyncio
import json

import pytest

from slotline.application.ports import LiveCall
from slotline.entrypoints.logs import LogFormat
from slotline.infrastructure.telcoflow.adapter import TelcoflowTelephony
from slotline.infrastructure.telcoflow.loopback import LoopbackTelcoflowServer
from slotline.infrastructure.telcoflow.settings import TelcoflowSettings
from tests.integration.log_helpers import debug_log, leaks
from tests.integration.test_telcoflow_harness import StepClock

API_KEY = "tf_live_4f9a2c7e1b8d4e6fa0c3d5b7e9f1a2c4"
CONNECTOR = "5d0c9a4e-7b1f-4c2d-9e8a-3f6b2a1c0d9e"
CALLER = "+14155550182"


async def answer_and_hang_up(call: LiveCall) -> None:
    await call.answer()
    await call.hang_up()


@pytest.mark.parametrize("log_format", ["text", "json"])
async def test_a_call_at_debug_logs_no_key_connector_or_caller(log_format: LogFormat) -> None:
    with debug_log(secrets=[API_KEY, CONNECTOR], log_format=log_format) as log:
        async with LoopbackTelcoflowServer(api_key=API_KEY, connector_uuid=CONNECTOR) as server:
            config = TelcoflowSettings(base_url=server.base_url, api_key=API_KEY, connector_uuid=CONNECTOR)
            telephony = TelcoflowTelephony(config, clock=StepClock())
            runner = asyncio.create_task(telephony.run(answer_and_hang_up))
            await server.wait_for_session_manager(timeout=5.0)
            placed = await server.place_call(CALLER)
            assert await placed.wait_ended() == "disconnect"
            await telephony.stop()
            await telephony.finish_calls(grace=2.0)
            await asyncio.wait_for(runner, timeout=5.0)

    output = log.getvalue()
    assert "websockets" in output and "+14*******82" in output  # DEBUG still says what happened, and to whom
    assert leaks(output, API_KEY, CONNECTOR, CALLER, CALLER[1:]) == []
    if log_format == "json":  # one object per line, whatever a library logged (a traceback included)
        entries = [json.loads(line) for line in output.splitlines()]
        assert {"time", "level", "logger", "message"} <= set(entries[0])
        assert leaks(" ".join(e["message"] for e in entries), API_KEY, CONNECTOR, CALLER, CALLER[1:]) == []
