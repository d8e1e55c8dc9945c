"""The loopback server's handshakes with the real SDK and a raw client: credentials, voice tokens, unknown paths."""

from __future__ import annotations

from typing import Any

import pytest
from telcoflow import WSSConnectionError
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from slotline.infrastructure.telcoflow.loopback import LoopbackTelcoflowServer
from tests.integration.loopback_helpers import API_KEY, CONNECTOR, SdkAgent


async def test_sdk_connects_with_the_configured_credentials() -> None:
    async with LoopbackTelcoflowServer(api_key=API_KEY, connector_uuid=CONNECTOR) as server:
        async with SdkAgent(server.base_url) as agent:
            link = await server.wait_for_session_manager()
            assert agent.sm.id == link.id and link.sample_rate == 16000 and link.audio_mode == "mixed"
        assert server.stats.rejected_handshakes == 0


@pytest.mark.parametrize(("api_key", "connector"), [("wrong-key", CONNECTOR), (API_KEY, "other-connector")])
async def test_wrong_credentials_are_refused_and_the_sdk_raises(api_key: str, connector: str) -> None:
    async with LoopbackTelcoflowServer(api_key=API_KEY, connector_uuid=CONNECTOR) as server:
        with pytest.raises(WSSConnectionError, match="invalid api key or connector uuid"):
            async with SdkAgent(server.base_url, api_key=api_key, connector_uuid=connector):
                pass
        assert server.stats.rejected_handshakes == 1 and server.sm_connections == []


async def test_missing_credentials_are_a_401_with_a_body() -> None:
    async with LoopbackTelcoflowServer(api_key=API_KEY, connector_uuid=CONNECTOR) as server:
        with pytest.raises(InvalidStatus) as refused:
            await connect(f"{server.base_url}/v1/agent/session-manager")
        assert refused.value.response.status_code == 401
        assert b"invalid api key" in refused.value.response.body


async def test_without_configured_credentials_any_key_is_accepted() -> None:
    async with LoopbackTelcoflowServer() as server, SdkAgent(server.base_url, api_key="anything", connector_uuid="x"):
        await server.wait_for_session_manager()


async def test_voice_socket_needs_the_call_token() -> None:
    async with LoopbackTelcoflowServer() as server, SdkAgent(server.base_url) as agent:
        call = await server.place_call()
        sdk_call = (await agent.next_call()).call
        url = f"{server.base_url}/v1/voice/{call.call_id}"
        for headers in ({}, {"Authorization": "Bearer not-the-token"}):
            with pytest.raises(InvalidStatus) as refused:
                await connect(url, additional_headers=headers)
            assert refused.value.response.status_code == 401
        assert await sdk_call.answer()  # the SDK's own token still works
        await call.hang_up()


@pytest.mark.parametrize("path", ["/", "/v1/voice/no-such-call", "/v1/agent/other"])
async def test_unknown_paths_are_404(path: str) -> None:
    async with LoopbackTelcoflowServer() as server:
        with pytest.raises(InvalidStatus) as refused:
            await connect(server.base_url + path)
        assert refused.value.response.status_code == 404


async def test_permessage_deflate_is_off() -> None:
    async with LoopbackTelcoflowServer() as server, connect(f"{server.base_url}/v1/agent/session-manager") as ws:
        assert ws.response is not None and "Sec-WebSocket-Extensions" not in ws.response.headers


@pytest.mark.parametrize(
    "options",
    [
        {"api_key": "k"},
        {"api_key": "", "connector_uuid": ""},
        {"jitter_ms": 10},
        {"jitter_ms": 2000},
        {"ring_seconds": -1},
    ],
)
def test_inconsistent_options_are_refused(options: dict[str, Any]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - each option has its own message
        LoopbackTelcoflowServer(**options)
