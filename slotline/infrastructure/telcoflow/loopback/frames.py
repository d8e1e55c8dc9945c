"""The JSON frames of both Telcoflow sockets, built and read in one place (field names are case-sensitive)."""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from typing import Final

SM_PATH: Final = "/v1/agent/session-manager"
VOICE_PATH_PREFIX: Final = "/v1/voice/"

Frame = dict[str, object]


def parse_object(text: str) -> Frame | None:
    """One JSON object, or None for anything else (malformed frames are the caller's to log)."""
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def text_field(obj: Mapping[str, object], key: str) -> str | None:
    """A non-empty string field, or None."""
    value = obj.get(key)
    return value if isinstance(value, str) and value else None


def object_field(obj: Mapping[str, object], key: str) -> Frame | None:
    value = obj.get(key)
    return value if isinstance(value, dict) else None


def encode(frame: Mapping[str, object]) -> str:
    return json.dumps(frame, separators=(",", ":"))


# ── Session-manager socket (camelCase) ──────────────────────────────────────────────────────────────────────


def setup_done(sm_ws_id: str) -> Frame:
    return {"type": "setup.done", "smWsId": sm_ws_id}


def response_ok(req_id: str, content: Mapping[str, object]) -> Frame:
    return {"type": "response", "reqId": req_id, "ok": True, "content": dict(content)}


def response_error(req_id: str, code: str, message: str, **extra: object) -> Frame:
    """`errorContent` carries a message and, for SESSION_BUSY, `boundSmWsId`."""
    content: Frame = {"message": message, **extra}
    return {"type": "response", "reqId": req_id, "ok": False, "errorCode": code, "errorContent": content}


def session_notify(session_id: str, remote: str, local: str, *, activity: str = "NEW_INCOMING_CALL") -> Frame:
    return {
        "type": "session.notify",
        "sessionId": session_id,
        "channel": "TELCO",
        "remoteAddress": remote,
        "localAddress": local,
        "activity": activity,
        "createdAt": int(time.time()),
    }


def session_info(session_id: str, remote: str, local: str, opened_at: int) -> Frame:
    """The `content.session` of a successful session.open; `id` must be the requested sessionId."""
    return {"id": session_id, "channel": "TELCO", "remoteAddress": remote, "localAddress": local, "openedAt": opened_at}


def call_in(session_id: str, call_id: str, org_uuid: str, caller: str, callee: str, url: str, token: str) -> Frame:
    return {
        "type": "call.in",
        "sessionId": session_id,
        "callId": call_id,
        "orgUuid": org_uuid,
        "from": caller,
        "to": callee,
        "url": url,
        "token": token,
    }


def session_closed(session_id: str, reason: str) -> Frame:
    return {"type": "session.closed", "sessionId": session_id, "reason": reason}


# ── Voice socket (snake_case, except channelId) ─────────────────────────────────────────────────────────────


def command_response(
    command_id: str,
    *,
    success: bool,
    result: object = None,
    error_code: str | None = None,
    error_message: str | None = None,
) -> Frame:
    data: Frame = {
        "command_id": command_id,
        "success": success,
        "result": result,
        "error_code": error_code,
        "error_message": error_message,
    }
    return {"type": "command_response", "data": data}


def command_failed(command_id: str, code: str, message: str) -> Frame:
    return command_response(command_id, success=False, error_code=code, error_message=message)


def buffer_request(requested_bytes: int, prefer_frame_bytes: int) -> Frame:
    data: Frame = {"requested_bytes": requested_bytes, "prefer_audio_frame_bytes": prefer_frame_bytes, "channelId": 0}
    return {"type": "buffer_request", "data": data}


def call_event(event: str, **extra: object) -> Frame:
    return {"type": "call_event", "data": {"event": event, **extra}}


CALL_TERMINATED: Final = "call.terminated"
CALL_ERROR: Final = "call.error"
