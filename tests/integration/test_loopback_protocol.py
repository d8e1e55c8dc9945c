"""The loopback server frame by frame, with a raw websockets client: ordering, exact pacing numbers, error replies,
and malformed frames that must be survived."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from slotline.infrastructure.telcoflow.loopback import LoopbackCall, LoopbackTelcoflowServer

FRAME = 640  # 16 kHz


async def recv_json(ws: ClientConnection) -> dict[str, object]:
    """The next text frame (binary caller audio is skipped)."""
    async with asyncio.timeout(2):
        while True:
            message = await ws.recv()
            if isinstance(message, str):
                value = json.loads(message)
                assert isinstance(value, dict)
                return value


async def texts_until_closed(ws: ClientConnection) -> list[dict[str, object]]:
    texts: list[dict[str, object]] = []
    try:
        while True:
            texts.append(await recv_json(ws))
    except ConnectionClosed:
        return texts


def data_of(frame: dict[str, object]) -> dict[str, object]:
    data = frame["data"]
    assert isinstance(data, dict)
    return data


async def command(ws: ClientConnection, command_id: str, name: str, **data: object) -> dict[str, object]:
    payload: dict[str, object] = {"command_id": command_id, "command": name, "timeout_ms": 10000}
    if data:
        payload["data"] = data
    await ws.send(json.dumps({"type": "command", "data": payload}))
    return await next_of(ws, "command_response")


async def next_of(ws: ClientConnection, kind: str) -> dict[str, object]:
    while (frame := await recv_json(ws))["type"] != kind:
        pass
    return data_of(frame)


@dataclass
class RawCall:
    server: LoopbackTelcoflowServer
    sm: ClientConnection
    call: LoopbackCall
    call_in: dict[str, object]


async def send(ws: ClientConnection, **frame: object) -> None:
    await ws.send(json.dumps(frame))


@asynccontextmanager
async def raw_session_manager(server: LoopbackTelcoflowServer, rate: int = 16000) -> AsyncIterator[ClientConnection]:
    async with connect(f"{server.base_url}/v1/agent/session-manager") as sm:
        await send(sm, type="setup", data={"sampleRate": rate, "audioMode": "mixed"})
        done = await recv_json(sm)
        assert done["type"] == "setup.done" and isinstance(done["smWsId"], str)
        yield sm


async def take_call(server: LoopbackTelcoflowServer, sm: ClientConnection) -> RawCall:
    """notify -> open -> (nothing) -> ready -> call.in, checking every field on the way."""
    placing = asyncio.create_task(server.place_call(caller="+12125550123", callee="+12125550100"))
    notify = await recv_json(sm)
    assert notify["type"] == "session.notify" and notify["activity"] == "NEW_INCOMING_CALL"
    assert notify["channel"] == "TELCO" and notify["remoteAddress"] == "+12125550123"
    assert notify["localAddress"] == "+12125550100" and isinstance(notify["createdAt"], int)
    session_id = notify["sessionId"]
    await send(sm, type="session.open", sessionId=session_id, reqId="open-1")
    opened = await recv_json(sm)
    assert opened["type"] == "response" and opened["reqId"] == "open-1" and opened["ok"] is True
    session = data_of({"data": data_of({"data": opened["content"]})["session"]})
    assert session["id"] == session_id and session["channel"] == "TELCO"
    with pytest.raises(TimeoutError):  # call.in waits for session.ready
        await asyncio.wait_for(sm.recv(), 0.05)
    await send(sm, type="session.ready", sessionId=session_id)
    call_in = await recv_json(sm)
    assert call_in["type"] == "call.in" and call_in["sessionId"] == session_id
    assert call_in["from"] == "+12125550123" and call_in["to"] == "+12125550100"
    assert {"callId", "orgUuid", "url", "token"} <= call_in.keys()
    return RawCall(server, sm, await placing, call_in)


@asynccontextmanager
async def voice_socket(raw: RawCall) -> AsyncIterator[ClientConnection]:
    url, token = raw.call_in["url"], raw.call_in["token"]
    assert isinstance(url, str) and isinstance(token, str)
    async with connect(url, additional_headers={"Authorization": f"Bearer {token}"}) as voice:
        yield voice


async def test_pull_pacing_numbers_on_the_wire() -> None:
    async with LoopbackTelcoflowServer(jitter_ms=60) as server, raw_session_manager(server) as sm:
        raw = await take_call(server, sm)
        async with voice_socket(raw) as voice:
            answered = await command(voice, "a-1", "call.answer")
            assert answered == {
                "command_id": "a-1",
                "success": True,
                "result": None,
                "error_code": None,
                "error_message": None,
            }
            caller_frame = await voice.recv()
            assert caller_frame == b"\x00" + bytes(FRAME)  # the first tick: silence from the caller
            first = await next_of(voice, "buffer_request")
            assert first == {"requested_bytes": 3 * FRAME, "prefer_audio_frame_bytes": FRAME, "channelId": 0}
            chunk = bytes(range(250)) * 4  # 1000 bytes: not a frame
            await voice.send(b"\x00" + chunk)
            topped_up = await next_of(voice, "buffer_request")  # after one frame played: 1920 - 360 - 920
            assert topped_up["requested_bytes"] == FRAME
            assert raw.call.agent_audio == chunk[:FRAME]
            await voice.send(b"\x00" + bytes(3 * FRAME - len(chunk)))  # pay what is owed
            await raw.call.wait_agent_audio(3 * FRAME)
            assert raw.call.agent_audio[:FRAME] == chunk[:FRAME]


async def test_close_sequence_and_commands_after_the_end() -> None:
    async with LoopbackTelcoflowServer() as server, raw_session_manager(server) as sm:
        raw = await take_call(server, sm)
        async with voice_socket(raw) as voice:
            await command(voice, "a-1", "call.answer")
            await send(voice, type="command", data={"command_id": "c-1", "command": "call.close", "timeout_ms": 10000})
            await send(voice, type="command", data={"command_id": "s-1", "command": "agent.spy", "timeout_ms": 10000})
            texts = await texts_until_closed(voice)
            assert voice.close_code == 1000
        replies = {d["command_id"]: d for f in texts if f["type"] == "command_response" for d in [data_of(f)]}
        assert replies["c-1"]["success"] is True
        assert replies["s-1"]["success"] is False and replies["s-1"]["error_code"] == "CALL_TERMINATED"
        kinds = [f["type"] if f["type"] != "command_response" else data_of(f)["command_id"] for f in texts]
        assert kinds.index("c-1") < kinds.index("call_event") == len(kinds) - 1
        assert data_of(texts[-1]) == {"event": "call.terminated"}
        closed = await recv_json(sm)
        assert closed == {"type": "session.closed", "sessionId": raw.call.session_id, "reason": "SDK_REQUEST"}
        assert await raw.call.wait_ended() == "close"
        await send(sm, type="session.open", sessionId=raw.call.session_id, reqId="again")
        assert (await recv_json(sm))["errorCode"] == "SESSION_CLOSED"


async def test_caller_hang_up_sequence_on_the_wire() -> None:
    async with LoopbackTelcoflowServer() as server, raw_session_manager(server) as sm:
        raw = await take_call(server, sm)
        async with voice_socket(raw) as voice:
            await command(voice, "a-1", "call.answer")
            hanging_up = asyncio.create_task(raw.call.hang_up())
            assert await next_of(voice, "call_event") == {"event": "call.terminated"}
            with pytest.raises(ConnectionClosed):
                await recv_json(voice)
            assert voice.close_code == 1000
            await hanging_up
        assert await recv_json(sm) == {
            "type": "session.closed",
            "sessionId": raw.call.session_id,
            "reason": "CALL_TERMINATED",
        }


async def test_second_session_manager_gets_session_busy() -> None:
    async with (
        LoopbackTelcoflowServer() as server,
        raw_session_manager(server) as first,
        raw_session_manager(server) as second,
    ):
        raw = await take_call(server, first)
        notify = await recv_json(second)
        await send(second, type="session.open", sessionId=notify["sessionId"], reqId="late")
        busy = await recv_json(second)
        assert busy["ok"] is False and busy["errorCode"] == "SESSION_BUSY"
        assert data_of({"data": busy["errorContent"]})["boundSmWsId"] == server.sm_connections[0].id
        await raw.call.hang_up()


async def test_malformed_session_manager_frames_get_errors_or_are_ignored() -> None:
    async with LoopbackTelcoflowServer() as server, raw_session_manager(server) as sm:
        await sm.send("not json")
        await sm.send("[1, 2]")
        await sm.send(b"\x00\x01binary")
        await send(sm, type="session.ready", sessionId="nobody")
        await send(sm, type="session.open", sessionId="s")  # no reqId: nothing to answer
        await send(sm, type="bogus", reqId="r-1")
        await send(sm, type="session.open", reqId="r-2")
        await send(sm, type="session.open", reqId="r-3", sessionId="no-such-session")
        await send(sm, type="session.create", reqId="r-4", channel="TELCO", remoteAddress="+12125550123")
        await send(sm, type="call_flow.setup", reqId="r-5", data={"inboundCall": "ALL", "outboundCall": False})
        replies = [await recv_json(sm) for _ in range(5)]
        assert [(r["reqId"], r["ok"], r.get("errorCode")) for r in replies] == [
            ("r-1", False, "INVALID_REQUEST"),
            ("r-2", False, "INVALID_REQUEST"),
            ("r-3", False, "SESSION_NOT_FOUND"),
            ("r-4", False, "CHANNEL_NOT_CONFIGURED"),
            ("r-5", True, None),
        ]
        assert server.sm_connections[0].call_flow == {"inboundCall": "ALL", "outboundCall": False}
        await asyncio.wait_for(await sm.ping(), 2)
        assert server.stats.malformed_frames >= 5


async def test_malformed_voice_frames_get_errors_or_are_ignored() -> None:
    async with LoopbackTelcoflowServer() as server, raw_session_manager(server) as sm:
        raw = await take_call(server, sm)
        async with voice_socket(raw) as voice:
            for junk in ("not json", "{}", '{"type":"command"}', '{"type":"command","data":{"command":"call.answer"}}'):
                await voice.send(junk)
            await voice.send(b"")
            await voice.send(b"\x01" + bytes(FRAME))  # a channel the agent never sends on
            assert (await command(voice, "n-1", ""))["error_code"] == "INVALID_REQUEST"
            assert (await command(voice, "u-1", "call.fly"))["error_code"] == "UNKNOWN_COMMAND"
            assert (await command(voice, "r-1", "call.connect", ringTimeSeconds=0))["error_code"] == "INVALID_REQUEST"
            assert (await command(voice, "a-1", "call.answer"))["success"] is True
            assert raw.call.commands == ["call.answer", "call.fly", "call.connect", "call.answer"]
            assert raw.call.agent_audio == b"" and raw.call.ended is None
        assert await raw.call.wait_ended() == "dropped"  # the socket went away without close or disconnect
        assert (await recv_json(sm))["reason"] == "CALL_TERMINATED"


async def test_an_oversize_frame_closes_only_its_own_socket() -> None:
    async with LoopbackTelcoflowServer() as server, raw_session_manager(server) as sm:
        raw = await take_call(server, sm)
        async with voice_socket(raw) as voice:
            await command(voice, "a-1", "call.answer")
            async with raw_session_manager(server) as rogue:
                await rogue.send("x" * 2**19)
                with pytest.raises(ConnectionClosed):
                    await recv_json(rogue)
                assert rogue.close_code == 1009
            assert (await command(voice, "w-1", "agent.whisper"))["success"] is True  # the call did not notice
            await raw.call.hang_up()


async def test_logs_hold_no_secrets_tokens_or_phone_numbers(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="slotline.infrastructure.telcoflow.loopback")
    server = LoopbackTelcoflowServer(api_key="sk-very-secret", connector_uuid="connector-secret")
    headers = {"x-api-key": "sk-very-secret", "x-connector-uuid": "connector-secret"}
    async with server, connect(f"{server.base_url}/v1/agent/session-manager", additional_headers=headers) as sm:
        await send(sm, type="setup", data={"sampleRate": 16000, "audioMode": "mixed"})
        await recv_json(sm)
        raw = await take_call(server, sm)
        async with voice_socket(raw) as voice:
            await command(voice, "a-1", "call.answer")
            await raw.call.hang_up()
    logged = "\n".join(
        r.getMessage() for r in caplog.records if r.name.startswith("slotline.infrastructure.telcoflow.loopback")
    )
    assert "< x-api-key: <redacted>" in logged and "TEXT [" in logged  # the wire log ran, redacted
    for secret in ("sk-very-secret", "connector-secret", str(raw.call_in["token"]), "+12125550123", "+12125550100"):
        assert secret not in logged
