"""Building a GraphServiceClient from GraphSettings: its credential, base URL, timeouts, SDK retries off."""

from __future__ import annotations

import time
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import httpx
from azure.core.credentials import AccessToken
from azure.core.credentials_async import AsyncTokenCredential
from pydantic import SecretStr

from slotline.infrastructure.msgraph.sdk import (
    AzureIdentityAuthenticationProvider,
    GraphRequestAdapter,
    GraphServiceClient,
    KiotaClientFactory,
    RetryHandlerOption,
)
from slotline.infrastructure.msgraph.settings import GraphConfigInvalid, GraphSettings

__all__ = ["GraphConnection", "StaticTokenCredential", "connect"]


class StaticTokenCredential:
    """An AsyncTokenCredential that always hands out one fixed token: for a Graph stand-in on this machine."""

    def __init__(self, token: SecretStr, lifetime_seconds: int = 3600) -> None:
        self._token = token
        self._lifetime = lifetime_seconds

    async def get_token(
        self,
        *scopes: str,
        claims: str | None = None,
        tenant_id: str | None = None,
        enable_cae: bool = False,
        **kwargs: Any,
    ) -> AccessToken:
        return AccessToken(self._token.get_secret_value(), int(time.time()) + self._lifetime)

    async def close(self) -> None:
        """Nothing to release."""

    async def __aenter__(self) -> StaticTokenCredential:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        return "StaticTokenCredential(token=<hidden>)"


def credential(config: GraphSettings) -> AsyncTokenCredential:
    """The config's credential; azure-identity is imported only when a real sign-in is configured."""
    if config.static_token is not None:
        return StaticTokenCredential(config.static_token)
    if config.certificate_path is not None:
        from azure.identity.aio import CertificateCredential

        password = config.certificate_password.get_secret_value() if config.certificate_password else None
        return CertificateCredential(
            config.tenant_id, config.client_id, certificate_path=str(config.certificate_path), password=password
        )
    from azure.identity.aio import ClientSecretCredential

    if config.client_secret is None:
        raise GraphConfigInvalid("graph client_secret, certificate_path or static_token is required")
    return ClientSecretCredential(config.tenant_id, config.client_id, config.client_secret.get_secret_value())


@dataclass(frozen=True, slots=True)
class GraphConnection:
    """A GraphServiceClient and what it holds open; bound to the event loop that first uses it."""

    client: GraphServiceClient
    http: httpx.AsyncClient
    credential: AsyncTokenCredential

    async def aclose(self) -> None:
        await self.http.aclose()
        await self.credential.close()


def connect(config: GraphSettings) -> GraphConnection:
    """A client on `config.base_url` whose SDK retry handler is off: the gateway retries within its deadline.

    The kiota RetryHandler would otherwise retry 429/503/504 three times on every method and sleep up to
    179 s for a Retry-After, far beyond what a caller on the phone will wait.
    """
    token_source = credential(config)
    auth = AzureIdentityAuthenticationProvider(token_source, allowed_hosts=[config.host])
    http = httpx.AsyncClient(timeout=httpx.Timeout(config.attempt_timeout_seconds), http2=True)
    no_retries = RetryHandlerOption(delay=0, max_retries=0, should_retry=False)
    http = KiotaClientFactory.create_with_default_middleware(client=http, options={no_retries.get_key(): no_retries})
    adapter = GraphRequestAdapter(auth, client=http)
    adapter.base_url = config.base_url.rstrip("/")
    return GraphConnection(GraphServiceClient(request_adapter=adapter), http, token_source)
