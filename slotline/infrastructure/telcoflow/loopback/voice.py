"""The voice socket of one call: commands in, agent audio in (re-framed by the pacer), until the call ends."""

from __future__ import annotations

import logging

from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from slotline.infrastructure.telcoflow.loopback import frames
from slotline.infrastructure.telcoflow.loopback.commands import handle_command
from slotline.infrastructure.telcoflow.loopback.concurrency import TaskSet
from slotline.infrastructure.telcoflow.loopback.line import CallLine
from slotline.infrastructure.telcoflow.loopback.stats import LoopbackStats

logger = logging.getLogger(__name__)


async def serve_voice(ws: ServerConnection, line: CallLine, *, tasks: TaskSet, stats: LoopbackStats) -> None:
    """Read the socket until it closes. If it closes before the call ended any other way, the call ended `dropped`."""
    call_id = line.identity.call_id
    if line.ending:
        await ws.send(frames.encode(frames.call_event(frames.CALL_TERMINATED)))
        await ws.close(1000)
        return
    if not line.attach(ws):
        stats.rejected_handshakes += 1
        logger.warning("call %s: a second voice socket was refused", call_id)
        await ws.close(1008, "voice session already connected")
        return
    logger.info("call %s: voice socket open", call_id)
    try:
        async for message in ws:
            try:
                if isinstance(message, bytes):
                    _on_audio(line, message, stats)
                else:
                    await _on_text(line, message, tasks=tasks, stats=stats)
            except Exception:
                stats.malformed_frames += 1
                logger.exception("call %s: frame handling failed; frame ignored", call_id)
    except ConnectionClosed as closed:
        logger.info("call %s: voice socket closed abnormally (%s)", call_id, closed.rcvd.code if closed.rcvd else 1006)
    finally:
        line.detach(ws)
    if not line.ending:
        await line.end("dropped")


def _on_audio(line: CallLine, message: bytes, stats: LoopbackStats) -> None:
    if len(message) < 2 or message[0] != 0:
        stats.malformed_frames += 1
        logger.warning("call %s: agent audio frame of %d bytes ignored", line.identity.call_id, len(message))
        return
    if line.media is not None and not line.ending:
        line.media.pacer.receive(message[1:])


async def _on_text(line: CallLine, message: str, *, tasks: TaskSet, stats: LoopbackStats) -> None:
    frame = frames.parse_object(message)
    kind = frame.get("type") if frame is not None else None
    data = frames.object_field(frame, "data") if frame is not None else None
    if kind == "command" and data is not None:
        await handle_command(line, data, tasks=tasks, stats=stats)
        return
    stats.malformed_frames += 1
    logger.warning("call %s: voice text frame ignored (type %r)", line.identity.call_id, kind)
