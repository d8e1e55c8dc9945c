"""Support for the SNS tests: a real moto server process on 127.0.0.1, and a botocore hook that records and fails publishes.

moto has no fault injection, so faults are served by a `before-send.sns.Publish` hook registered on the boto3 session
the sender is given: the request never reaches moto, and botocore parses the canned answer as it would AWS's.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO
from urllib.parse import parse_qsl

import boto3
from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.compat import HTTPHeaders

from slotline.infrastructure.aws.sns_settings import SnsSettings

START_WITHIN = 15.0  # seconds; the server is usually up in under one


@dataclass(frozen=True, slots=True)
class PublishedSms:
    """One text as moto recorded it."""

    phone_number: str
    message: str
    message_id: str


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=2) as response:
        body: bytes = response.read()
        return body


class MotoServer:
    """A `moto_server` process bound to 127.0.0.1 on a free port."""

    def __init__(self, endpoint: str, process: subprocess.Popen[bytes], log: IO[bytes]) -> None:
        self.endpoint = endpoint
        self._process = process
        self._log = log

    @classmethod
    @contextmanager
    def running(cls) -> Iterator[MotoServer]:
        """Start a server, wait until it answers, and stop it afterwards."""
        with tempfile.TemporaryFile() as log:
            server = cls._start(log)
            try:
                yield server
            finally:
                server._stop()

    @classmethod
    def _start(cls, log: IO[bytes]) -> MotoServer:
        for _ in range(3):  # another process may take the free port between probe and bind
            port = _free_port()
            command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
            server = cls(f"http://127.0.0.1:{port}", process, log)
            if server._wait_until_up():
                return server
            server._stop()
        log.seek(0)
        raise RuntimeError(f"moto_server did not start:\n{log.read().decode(errors='replace')[-2000:]}")

    def _wait_until_up(self) -> bool:
        deadline = time.monotonic() + START_WITHIN
        while time.monotonic() < deadline and self._process.poll() is None:
            try:
                _get(f"{self.endpoint}/moto-api/data.json")
            except OSError:
                time.sleep(0.05)
            else:
                return True
        return False

    def _stop(self) -> None:
        self._process.terminate()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def reset(self) -> None:
        """Forget everything the server holds."""
        request = urllib.request.Request(f"{self.endpoint}/moto-api/reset", method="POST")
        with urllib.request.urlopen(request, timeout=2):
            pass

    def sms(self) -> list[PublishedSms]:
        """Every text published since the last reset, oldest first."""
        data = json.loads(_get(f"{self.endpoint}/moto-api/data.json"))
        published = data.get("sns", {}).get("SMS", [])  # no "sns" section before the first publish
        return [PublishedSms(s["phone_number"], s["message"], s["message_id"]) for s in published]


@dataclass(frozen=True, slots=True)
class Fault:
    """An SNS error answer, in the XML shape AWS sends for the query protocol."""

    status: int
    code: str
    message: str

    def response(self, url: str) -> AWSResponse:
        body = (
            '<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">'
            f"<Error><Type>{'Receiver' if self.status >= 500 else 'Sender'}</Type>"
            f"<Code>{self.code}</Code><Message>{self.message}</Message></Error>"
            "<RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>"
        ).encode()
        headers = HTTPHeaders()
        headers["Content-Type"] = "text/xml"
        return AWSResponse(url, self.status, headers, _Body(body))


class _Body:
    """The `raw` of an AWSResponse: botocore reads it through `stream()`."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def stream(self, **_: object) -> Iterator[bytes]:
        yield self._data


THROTTLING = Fault(400, "Throttling", "Rate exceeded")
SERVER_ERROR = Fault(500, "InternalError", "We encountered an internal error. Please try again.")
INVALID_PARAMETER = Fault(400, "InvalidParameter", "Invalid parameter: PhoneNumber Reason: +12125550123 is invalid")
OPTED_OUT = Fault(400, "OptedOut", "Phone number is opted out")
NOT_AUTHORIZED = Fault(403, "AuthorizationError", "User is not authorized to perform: SNS:Publish")


class PublishHook:
    """Sees every SNS Publish attempt (its form parameters), and answers the next ones with queued faults."""

    def __init__(self) -> None:
        self.requests: list[dict[str, str]] = []
        self._queued: deque[Fault] = deque()
        self._always: Fault | None = None
        self._lock = threading.Lock()

    @property
    def attempts(self) -> int:
        return len(self.requests)

    def fail_next(self, *faults: Fault) -> None:
        """Answer the next publishes with these faults, in order; later ones reach moto."""
        with self._lock:
            self._queued.extend(faults)

    def fail_always(self, fault: Fault | None) -> None:
        """Answer every publish with `fault` (None: stop failing)."""
        with self._lock:
            self._always = fault

    def session(self) -> boto3.session.Session:
        """A boto3 session whose SNS clients call this hook before each Publish is sent."""
        session = boto3.session.Session()
        # botocore-stubs types handlers as returning None, but a before-send handler's response replaces the HTTP call.
        session.events.register("before-send.sns.Publish", self._before_send)  # type: ignore[arg-type]
        return session

    def _before_send(self, request: AWSPreparedRequest, **_: object) -> AWSResponse | None:
        body = request.body
        text = body.decode() if isinstance(body, bytes | bytearray) else body if isinstance(body, str) else ""
        with self._lock:
            self.requests.append(dict(parse_qsl(text)))
            fault = self._queued.popleft() if self._queued else self._always
        return None if fault is None else fault.response(request.url)


def attributes(params: dict[str, str]) -> dict[str, str]:
    """The message attributes of a recorded Publish, name -> string value."""
    found: dict[str, str] = {}
    for key, name in params.items():
        if key.startswith("MessageAttributes.entry.") and key.endswith(".Name"):
            found[name] = params[key.removesuffix(".Name") + ".Value.StringValue"]
    return found


def sns_config(endpoint: str) -> SnsSettings:
    """Settings for a sender talking to moto: fixed test credentials, short timeouts, fast and jitter-free backoff."""
    return SnsSettings(
        region="us-east-1",
        endpoint_url=endpoint,
        access_key_id="testing",
        secret_access_key="testing",
        connect_timeout=1.0,
        read_timeout=2.0,
        send_deadline=5.0,
        max_attempts=3,
        backoff_initial=0.01,
        backoff_max=0.05,
        backoff_jitter=0.0,
    )
