"""How every slotline AWS client is built: given credentials or boto3's chain, tight timeouts, no botocore retries."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from botocore.config import Config


class AwsAccess(Protocol):
    """The fields SnsConfig and PollyConfig share."""

    @property
    def region(self) -> str: ...
    @property
    def endpoint_url(self) -> str | None: ...
    @property
    def access_key_id(self) -> str | None: ...
    @property
    def secret_access_key(self) -> str | None: ...
    @property
    def session_token(self) -> str | None: ...
    @property
    def connect_timeout(self) -> float: ...
    @property
    def read_timeout(self) -> float: ...


def client_options(c: AwsAccess) -> dict[str, Any]:
    """Keyword arguments for `session.client(service, ...)`; tenacity does the retrying, so botocore must not."""
    return {
        "region_name": c.region,
        "endpoint_url": c.endpoint_url,
        "aws_access_key_id": c.access_key_id,
        "aws_secret_access_key": c.secret_access_key,
        "aws_session_token": c.session_token,
        "config": Config(
            connect_timeout=c.connect_timeout,
            read_timeout=c.read_timeout,
            retries={"mode": "standard", "total_max_attempts": 1},
        ),
    }


class _Closable(Protocol):
    def close(self) -> None: ...


C = TypeVar("C", bound=_Closable)


class LazyClient(Generic[C]):
    """One boto3 client, made on first use (in whichever worker thread needs it) and closed on request."""

    def __init__(self, make: Callable[[], C]) -> None:
        self._make = make
        self._client: C | None = None
        self._lock = threading.Lock()

    def get(self) -> C:
        with self._lock:
            if self._client is None:
                self._client = self._make()
            return self._client

    def close(self) -> None:
        """Release the connections; a later `get` makes a new client."""
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()
