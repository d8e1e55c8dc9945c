"""How every slotline AWS client is built: given credentials or boto3's chain, tight timeouts, no botocore retries."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from botocore.config import Config
from pydantic import SecretStr

from slotline.infrastructure.aws.access_settings import AwsAccessSettings


def _reveal(secret: SecretStr | None) -> str | None:
    return None if secret is None else secret.get_secret_value()


def client_options(c: AwsAccessSettings) -> dict[str, Any]:
    """Keyword arguments for `session.client(service, ...)`; tenacity does the retrying, so botocore must not.

    The only place the credentials are revealed: they are handed to boto3 here.
    """
    return {
        "region_name": c.region,
        "endpoint_url": c.endpoint_url,
        "aws_access_key_id": _reveal(c.access_key_id),
        "aws_secret_access_key": _reveal(c.secret_access_key),
        "aws_session_token": _reveal(c.session_token),
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
