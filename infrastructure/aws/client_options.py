"""How every slotline AWS client is built: given credentials or boto3's chain, tight timeouts, no botocore retries."""

from __future__ import annotations

from typing import Any, Protocol

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
