"""FakeGraph: a threaded HTTP server on 127.0.0.1 (ephemeral port) serving the fake calendars."""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from tests.integration.fake_graph.faults import Fault
from tests.integration.fake_graph.routes import Answer, Request, answer
from tests.integration.fake_graph.store import Json, Mailboxes, PropertyValues, StoredEvent, new_event_id

TOKEN = "fake-graph-token"


@dataclass(frozen=True)
class Recorded:
    """One request as it arrived: `path` percent-encoded as sent, `query` decoded, header names lower-cased."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    headers: dict[str, str]
    fault: int | None = None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, fake: FakeGraph) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fake = fake

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up on a stalled answer closes its socket; that is expected, not an error."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the fake records requests itself."""

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PATCH(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        status, payload, headers = self.server.fake.handle(
            self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, raw
        )
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if payload:
            self.wfile.write(payload)


class FakeGraph:
    """Fake Microsoft Graph for the calendars of `mailboxes`; use `running()` or start/close."""

    def __init__(self, mailboxes: list[str], *, token: str = TOKEN) -> None:
        self.token = token
        self.requests: list[Recorded] = []
        self._mailboxes = Mailboxes(mailboxes)
        self._faults: list[Fault] = []
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._server = _Server(self)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), name="fake-graph", daemon=True)

    @classmethod
    @contextmanager
    def running(cls, mailboxes: list[str], *, token: str = TOKEN) -> Iterator[FakeGraph]:
        fake = cls(mailboxes, token=token)
        fake.start()
        try:
            yield fake
        finally:
            fake.close()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1.0"

    def start(self) -> None:
        self._thread.start()

    def close(self) -> None:
        self._release.set()  # wake stalled handlers
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    # --- what tests set up and inspect -------------------------------------------------------------

    def fail(self, fault: Fault) -> None:
        """Answer the next matching request(s) with `fault`."""
        with self._lock:
            self._faults.append(fault)

    def add_mailbox(self, mailbox: str) -> None:
        with self._lock:
            self._mailboxes.add_mailbox(mailbox)

    def add_event(
        self,
        mailbox: str,
        start: datetime,
        end: datetime,
        *,
        subject: str = "Busy",
        show_as: str = "busy",
        is_cancelled: bool = False,
        properties: PropertyValues | None = None,
    ) -> str:
        """Put an event straight into a calendar, as if someone made it in Outlook; returns its id."""
        event = StoredEvent(
            new_event_id(),
            start.astimezone(UTC),
            end.astimezone(UTC),
            subject,
            show_as=show_as,
            is_cancelled=is_cancelled,
            properties=dict(properties or {}),
        )
        with self._lock:
            return self._mailboxes.add(mailbox, event).id

    def events(self, mailbox: str) -> list[StoredEvent]:
        """A snapshot of one calendar, earliest first."""
        with self._lock:
            return [copy.deepcopy(e) for e in self._mailboxes.sorted_events(mailbox)]

    def calls(self, method: str | None = None, path_contains: str = "") -> list[Recorded]:
        with self._lock:
            return [r for r in self.requests if (method in (None, r.method)) and path_contains in r.path]

    def clear_requests(self) -> None:
        with self._lock:
            self.requests.clear()

    # --- serving -----------------------------------------------------------------------------------

    def handle(
        self, method: str, target: str, headers: dict[str, str], raw: bytes
    ) -> tuple[int, bytes, dict[str, str]]:
        parts = urlsplit(target)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        body = _decode(raw)
        with self._lock:
            fault = next((f for f in self._faults if f.matches(method, parts.path)), None)
            if fault is not None:
                fault.times -= 1
            answered = fault.status if fault is not None and not fault.stall_seconds else None
            self.requests.append(Recorded(method, parts.path, query, body, headers, answered))
        if fault is not None and fault.stall_seconds:
            self._release.wait(fault.stall_seconds)
        if headers.get("authorization") != f"Bearer {self.token}":
            return _encode(Answer(401, {"error": {"code": "InvalidAuthenticationToken", "message": "no token"}}))
        if fault is not None and not fault.stall_seconds and not fault.after_processing:
            return _fault_answer(fault)
        segments = [unquote(s) for s in parts.path.split("/") if s]
        if segments[:1] != ["v1.0"]:
            return _encode(Answer(404, {"error": {"code": "BadRequest", "message": "no such API version"}}))
        request = Request(method, segments[1:], query, body, self.base_url)
        with self._lock:
            result = answer(self._mailboxes, request)
        if fault is not None and fault.after_processing:
            return _fault_answer(fault)
        return _encode(result)


def _decode(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode(errors="replace")


def _encode(result: Answer) -> tuple[int, bytes, dict[str, str]]:
    if result.body is None:
        return result.status, b"", dict(result.headers)
    return result.status, json.dumps(result.body).encode(), {"Content-Type": "application/json", **result.headers}


def _fault_answer(fault: Fault) -> tuple[int, bytes, dict[str, str]]:
    if fault.malformed:
        return 200, b'{"value": [{"id": "AAMk', {"Content-Type": "application/json"}
    headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else {}
    if fault.html:
        return fault.status, b"<html><body>Gateway Timeout</body></html>", {"Content-Type": "text/html", **headers}
    error: Json = {"error": {"code": fault.error_code, "message": f"fake fault {fault.status}"}}
    return fault.status, json.dumps(error).encode(), {"Content-Type": "application/json", **headers}
