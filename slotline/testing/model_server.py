"""A local stand-in for a language model's endpoint, speaking both wire formats slotline uses, on 127.0.0.1.

- OpenAI chat completions: `POST {url}/v1/chat/completions` (point `base_url` at `{url}/v1`);
- Amazon Bedrock Converse: `POST {url}/model/{model_id}/converse` (point boto3's `endpoint_url` at `{url}`).

It answers from a table keyed by the caller's words (what follows "Caller said:" in the prompt), and can be told
to be slow, to answer nonsense, to refuse with 429 or to fail with 500, for every request or the next few. Standard
library only, one thread per request; for tests and benchmarks, never for calls.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

__all__ = ["FakeModelServer", "Fault"]

UNKNOWN: dict[str, Any] = {"intent": "unknown"}
_CALLER_SAID = re.compile(r"Caller said: (\".*\")\s*$", re.DOTALL)
_CONVERSE = re.compile(r"^/model/([^/]+)/converse$")


class Fault(StrEnum):
    NONE = "none"
    SLOW = "slow"  # answers after `delay_seconds`
    MALFORMED = "malformed"  # OpenAI: content that is not JSON; Bedrock: a tool input outside the schema
    RATE_LIMITED = "rate_limited"  # 429 (OpenAI rate_limit_exceeded, Bedrock ThrottlingException)
    SERVER_ERROR = "server_error"  # 500 (Bedrock InternalServerException)


@dataclass
class _Script:
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    default: dict[str, Any] = field(default_factory=lambda: dict(UNKNOWN))
    fault: Fault = Fault.NONE
    faults_left: int | None = None  # None: every request
    delay_seconds: float = 0.0
    requests: list[dict[str, Any]] = field(default_factory=list)
    listed: int = 0  # GET .../models: the OpenAI client's warm-up
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_fault(self) -> Fault:
        with self.lock:
            if self.fault is Fault.NONE or self.faults_left == 0:
                return Fault.NONE
            if self.faults_left is not None:
                self.faults_left -= 1
            return self.fault


def caller_words(prompt: str) -> str:
    """The caller's (redacted) words inside a user message slotline sent."""
    found = _CALLER_SAID.search(prompt)
    if found is None:
        return ""
    said = json.loads(found.group(1))
    return said if isinstance(said, str) else ""


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read the requests, not a log
        return

    def do_GET(self) -> None:
        if self.path.endswith("/models"):  # what the OpenAI client's warm-up lists
            with self.server.script.lock:
                self.server.script.listed += 1
            model = {"id": "local", "object": "model", "created": 0, "owned_by": "slotline"}
            self._send(200, {"object": "list", "data": [model]})
        else:
            self._send(404, {"error": {"message": f"no route {self.path}"}})

    def do_POST(self) -> None:
        script = self.server.script
        body: dict[str, Any] = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        with script.lock:
            script.requests.append({"path": self.path, "body": body})
        fault = script.next_fault()
        if fault is Fault.SLOW:
            time.sleep(script.delay_seconds)
        converse = _CONVERSE.match(self.path)
        if converse is not None:
            self._converse(body, fault)
        elif self.path.endswith("/chat/completions"):
            self._chat(body, fault)
        else:
            self._send(404, {"error": {"message": f"no route {self.path}"}})

    def _answer(self, words: str) -> dict[str, Any]:
        script = self.server.script
        return script.answers.get(words, script.default)

    def _chat(self, body: dict[str, Any], fault: Fault) -> None:
        if fault is Fault.RATE_LIMITED:
            self._send(429, {"error": {"message": "slow down", "type": "rate_limit_exceeded"}})
            return
        if fault is Fault.SERVER_ERROR:
            self._send(500, {"error": {"message": "the model fell over", "type": "server_error"}})
            return
        user = next((m["content"] for m in reversed(body.get("messages", [])) if m.get("role") == "user"), "")
        answer = json.dumps(self._answer(caller_words(str(user))))
        content = "this is not { json" if fault is Fault.MALFORMED else answer
        message: dict[str, Any] = {"role": "assistant", "content": content}
        if body.get("tools"):
            call = {"id": "call_1", "type": "function", "function": {"name": "interpretation", "arguments": content}}
            message = {"role": "assistant", "content": None, "tool_calls": [call]}
        self._send(
            200,
            {
                "id": "chatcmpl-local",
                "object": "chat.completion",
                "created": 0,
                "model": body.get("model", ""),
                "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            },
        )

    def _converse(self, body: dict[str, Any], fault: Fault) -> None:
        if fault is Fault.RATE_LIMITED:
            self._send(429, {"message": "Too many requests"}, {"x-amzn-ErrorType": "ThrottlingException"})
            return
        if fault is Fault.SERVER_ERROR:
            self._send(500, {"message": "boom"}, {"x-amzn-ErrorType": "InternalServerException"})
            return
        texts = [c.get("text", "") for m in body.get("messages", []) if m.get("role") == "user" for c in m["content"]]
        answer = {"intent": "frobnicate"} if fault is Fault.MALFORMED else self._answer(caller_words(texts[-1]))
        tool = {"toolUseId": "tooluse_1", "name": "interpretation", "input": answer}
        self._send(
            200,
            {
                "output": {"message": {"role": "assistant", "content": [{"toolUse": tool}]}},
                "stopReason": "tool_use",
                "usage": {"inputTokens": 1, "outputTokens": 1, "totalTokens": 2},
                "metrics": {"latencyMs": 1},
            },
        )

    def _send(self, status: int, payload: object, headers: Mapping[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting (a deadline): fine
            pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    script: _Script


class FakeModelServer:
    """`with FakeModelServer() as model:` serves on 127.0.0.1 at `model.url` until the block ends."""

    def __init__(self, answers: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        self._script = _Script(answers={k: dict(v) for k, v in (answers or {}).items()})
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.script = self._script
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-model", daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def requests(self) -> list[dict[str, Any]]:
        """Every request body received, in order, with its path: {"path": ..., "body": {...}}."""
        with self._script.lock:
            return list(self._script.requests)

    @property
    def listed(self) -> int:
        """How often the model list was asked for (a warm-up)."""
        with self._script.lock:
            return self._script.listed

    def answer(self, words: str, answer: Mapping[str, Any]) -> None:
        """Answer `answer` (a ModelAnswer as JSON) when the caller's redacted words are exactly `words`."""
        with self._script.lock:
            self._script.answers[words] = dict(answer)

    def fail(self, fault: Fault, *, times: int | None = None, delay_seconds: float = 0.0) -> None:
        """Behave as `fault` for the next `times` requests (None: until told otherwise)."""
        with self._script.lock:
            self._script.fault, self._script.faults_left, self._script.delay_seconds = fault, times, delay_seconds

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()
