"""`slotline serve` as a real process: SIGTERM stops new calls, hands live ones to a person, exits 0."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from slotline.infrastructure.telcoflow.loopback import LoopbackTelcoflowServer
from tests.e2e.phone import CALLER, NOW, turn, until_agent_says

API_KEY = "serve-test-key-do-not-log"


@pytest.fixture
async def server() -> AsyncIterator[LoopbackTelcoflowServer]:
    async with LoopbackTelcoflowServer(api_key=API_KEY, connector_uuid="c0ffee00-0000-4000-8000-000000000000") as s:
        yield s


async def start_serve(
    server: LoopbackTelcoflowServer, db: Path, *extra: str, environment: dict[str, str] | None = None
) -> asyncio.subprocess.Process:
    env = {
        **os.environ,
        "SLOTLINE_TELCOFLOW__BASE_URL": server.base_url,
        "SLOTLINE_TELCOFLOW__API_KEY": API_KEY,
        "SLOTLINE_TELCOFLOW__CONNECTOR_UUID": "c0ffee00-0000-4000-8000-000000000000",
        "SLOTLINE_TELEPHONY__GRACE_SECONDS": "6",
        "SLOTLINE_METRICS__PORT": "0",  # any free port: several serve processes on one machine
        "SLOTLINE_SPEECH__END_OF_TURN_MS": "300",
        "SLOTLINE_SPEECH__STT": "marked",
        "SLOTLINE_SPEECH__TTS": "marked",
        "SLOTLINE_SPEECH__TURNS": "energy",
        **(environment or {}),
    }
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "slotline", "serve", "--db", str(db), "--now", NOW, *extra,
        env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def test_sigterm_hands_the_live_call_over_and_exits_zero(server: LoopbackTelcoflowServer, tmp_path: Path) -> None:
    process = await start_serve(server, tmp_path / "slotline.db")
    await server.wait_for_session_manager(timeout=20)
    call = await server.place_call(caller=CALLER)
    call.set_transfer(answer=True)
    await until_agent_says(call, "What can I do for you?")
    await turn(call, "a haircut on tuesday at two pm", "Shall I book it?")
    process.send_signal(signal.SIGTERM)
    assert await call.wait_ended(timeout=20) == "close"  # handed to a person, then the agent left
    out, err = await asyncio.wait_for(process.communicate(), timeout=20)
    assert process.returncode == 0, err.decode()
    assert "call.connect" in call.commands
    assert "handed over at shutdown" in out.decode()
    logs = err.decode()
    assert API_KEY not in logs
    assert CALLER not in logs  # numbers are masked
    assert f"[call {call.call_id}]" in logs


async def test_sigint_with_no_calls_exits_zero(server: LoopbackTelcoflowServer, tmp_path: Path) -> None:
    process = await start_serve(server, tmp_path / "slotline.db")
    await server.wait_for_session_manager(timeout=20)
    process.send_signal(signal.SIGINT)
    _, err = await asyncio.wait_for(process.communicate(), timeout=20)
    assert process.returncode == 0, err.decode()


async def test_max_calls(server: LoopbackTelcoflowServer, tmp_path: Path) -> None:
    process = await start_serve(server, tmp_path / "slotline.db", "--max-calls", "1")
    await server.wait_for_session_manager(timeout=20)
    call = await server.place_call(caller=CALLER)
    await until_agent_says(call, "What can I do for you?")
    await turn(call, "goodbye", "Goodbye!")
    out, err = await asyncio.wait_for(process.communicate(), timeout=20)
    assert process.returncode == 0, err.decode()
    assert out.decode().startswith("served 1 calls")


async def test_the_sample_rate_comes_from_the_environment(server: LoopbackTelcoflowServer, tmp_path: Path) -> None:
    process = await start_serve(
        server, tmp_path / "slotline.db", "--max-calls", "1", environment={"SLOTLINE_TELCOFLOW__SAMPLE_RATE": "8000"}
    )
    await server.wait_for_session_manager(timeout=20)
    call = await server.place_call(caller=CALLER)
    await until_agent_says(call, "What can I do for you?")
    await turn(call, "goodbye", "Goodbye!")
    _, err = await asyncio.wait_for(process.communicate(), timeout=20)
    assert process.returncode == 0, err.decode()
    assert call.sample_rate == 8000


async def test_json_logs_are_one_object_a_line_with_the_call_id_and_no_number_or_key(
    server: LoopbackTelcoflowServer, tmp_path: Path
) -> None:
    process = await start_serve(
        server, tmp_path / "slotline.db", "--max-calls", "1", "--log-format", "json", "--log-level", "DEBUG"
    )
    await server.wait_for_session_manager(timeout=20)
    call = await server.place_call(caller=CALLER)
    await until_agent_says(call, "What can I do for you?")
    await turn(call, "goodbye", "Goodbye!")
    _, err = await asyncio.wait_for(process.communicate(), timeout=20)
    assert process.returncode == 0, err.decode()
    entries = [json.loads(line) for line in err.decode().splitlines()]  # every line parses
    assert all({"time", "level", "logger", "message"} <= set(entry) for entry in entries)
    of_the_call = [entry for entry in entries if entry.get("call_id") == call.call_id]
    assert any(entry["message"].startswith("call ended") for entry in of_the_call)
    assert any("+12*******23" in entry["message"] for entry in entries)  # the caller, masked
    logs = err.decode()
    assert CALLER not in logs and CALLER[1:] not in logs
    assert API_KEY not in logs


async def test_a_metrics_port_in_use_stops_serve_with_one_line(server: LoopbackTelcoflowServer, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = await start_serve(server, tmp_path / "slotline.db", environment={"SLOTLINE_METRICS__PORT": str(port)})
        _, err = await asyncio.wait_for(process.communicate(), timeout=20)
    assert process.returncode == 1
    assert err.decode().splitlines()[-1] == (
        f"slotline: error: metrics server cannot listen on 127.0.0.1:{port}: address already in use"
    )
