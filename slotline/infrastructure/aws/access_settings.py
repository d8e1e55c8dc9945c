"""AwsAccessSettings: how an AWS client reaches its service; the part SNS and Polly settings share.

Importing this module is cheap: it imports pydantic, never boto3.
"""

from __future__ import annotations

from typing import Self

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

__all__ = ["AwsAccessSettings"]


class AwsAccessSettings(BaseModel):
    """Region, endpoint, credentials and timeouts (seconds). Credentials left None come from boto3's default chain
    (environment, profile, instance role); they are `SecretStr`, out of repr, revealed only when the client is made."""

    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    region: str = Field(default="us-east-1", min_length=1)
    endpoint_url: str | None = None
    """None for AWS itself; http://127.0.0.1:PORT for a local moto server."""
    access_key_id: SecretStr | None = Field(default=None, repr=False)
    secret_access_key: SecretStr | None = Field(default=None, repr=False)
    session_token: SecretStr | None = Field(default=None, repr=False)
    connect_timeout: float = Field(default=2.0, gt=0)
    read_timeout: float = Field(default=5.0, gt=0)

    @model_validator(mode="after")
    def _credentials_are_whole(self) -> Self:
        if (self.access_key_id is None) != (self.secret_access_key is None):
            raise ValueError("access_key_id and secret_access_key are set together or not at all")
        if self.session_token is not None and self.access_key_id is None:
            raise ValueError("session_token needs access_key_id and secret_access_key")
        return self
