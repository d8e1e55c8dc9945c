"""Voice-socket commands: each one gets exactly one command_response, even once the call has ended."""

from __future__ import annotations

import asyncio
import logging

from slotline.infrastructure.telcoflow.loopback import frames
from slotline.infrastructure.telcoflow.loopback.concurrency import TaskSet
from slotline.infrastructure.telcoflow.loopback.frames import Frame, object_field, text_field
from slotline.infrastructure.telcoflow.loopback.line import CallLine, EndReason
from slotline.infrastructure.telcoflow.loopback.stats import LoopbackStats

logger = logging.getLogger(__name__)

_MODES = frozenset({"agent.whisper", "agent.barge", "agent.spy"})
_ENDINGS: dict[str, EndReason] = {"call.disconnect": "disconnect", "call.close": "close"}


async def handle_command(line: CallLine, data: Frame, *, tasks: TaskSet, stats: LoopbackStats) -> None:
    """Carry out one `command` frame's `data`. Slow work (ringing, the end sequence) runs in its own task, so the
    socket keeps being read meanwhile."""
    command_id = text_field(data, "command_id")
    name = text_field(data, "command")
    if name is not None:
        line.record_command(name)
    if command_id is None:
        stats.malformed_frames += 1
        logger.warning("call %s: command without command_id ignored", line.identity.call_id)
        return
    if name is None:
        await line.send_voice(frames.command_failed(command_id, "INVALID_REQUEST", "the command name is missing"))
    elif line.ending:
        await line.send_voice(frames.command_failed(command_id, "CALL_TERMINATED", "the call has ended"))
    elif name == "call.answer":
        line.answer()
        await line.send_voice(frames.command_response(command_id, success=True))
        line.start_media()
    elif name == "call.connect":
        await _start_ringing(line, command_id, data, tasks)
    elif name == "agent.interrupt":
        line.interrupt()
        await line.send_voice(frames.command_response(command_id, success=True))
    elif name in _ENDINGS:
        line.begin_end(_ENDINGS[name])
        tasks.spawn(_respond_then_end(line, command_id), f"loopback-end-{line.identity.call_id}")
    elif name in _MODES:
        await line.send_voice(frames.command_response(command_id, success=True))
    else:
        await line.send_voice(frames.command_failed(command_id, "UNKNOWN_COMMAND", f"unknown command {name!r}"))


async def _respond_then_end(line: CallLine, command_id: str) -> None:
    await line.send_voice(frames.command_response(command_id, success=True))
    await line.finish_end()


def _ring_time(data: Frame) -> int | None:
    payload = object_field(data, "data")
    ring = payload.get("ringTimeSeconds") if payload is not None else None
    return ring if isinstance(ring, int) and not isinstance(ring, bool) and 1 <= ring <= 120 else None


async def _start_ringing(line: CallLine, command_id: str, data: Frame, tasks: TaskSet) -> None:
    ring = _ring_time(data)
    if ring is None:
        await line.send_voice(frames.command_failed(command_id, "INVALID_REQUEST", "ringTimeSeconds must be 1..120"))
        return
    transfer = line.transfer
    seconds = min(float(ring), transfer.ring_seconds)
    task = tasks.spawn(_ring(line, command_id, seconds, transfer.answer), f"loopback-ring-{command_id}")
    line.pending_commands[command_id] = task


async def _ring(line: CallLine, command_id: str, seconds: float, answer: bool) -> None:
    await asyncio.sleep(seconds)
    line.pending_commands.pop(command_id, None)
    if line.ending:
        await line.send_voice(frames.command_failed(command_id, "CALL_TERMINATED", "the call has ended"))
    elif answer:
        line.connected()
        await line.send_voice(frames.command_response(command_id, success=True, result={"state": "CONNECTED"}))
        line.start_media()
    else:
        message = f"no answer after {seconds:g} s"
        await line.send_voice(frames.command_failed(command_id, "CALL_UNANSWERED", message))
