"""GraphSettings: where Microsoft Graph is, how slotline signs in, and how long a live caller may wait.

Importing this module is cheap: it imports pydantic, never msgraph.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Self
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

from slotline.domain.errors import SlotlineError

__all__ = ["GRAPH_V1", "AuthKind", "BusySource", "GraphConfigInvalid", "GraphSettings"]

GRAPH_V1 = "https://graph.microsoft.com/v1.0"
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})

AuthKind = Literal["client_secret", "certificate", "static_token"]
BusySource = Literal["schedule", "calendar_view"]


class GraphConfigInvalid(SlotlineError):
    """The Graph settings do not fit the catalogue or cannot sign in; the message never shows a secret's value."""


class GraphSettings(BaseModel):
    """Settings of GraphCalendarGateway; the `[calendar.graph]` section. Exactly one of client_secret,
    certificate_path, static_token is set. Secrets are `SecretStr` and left out of repr, so printing or logging the
    settings never shows them; the Graph client reveals them only to azure-identity."""

    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    tenant_id: str = ""
    """Directory (tenant) id of the app registration."""
    client_id: str = ""
    """Application (client) id of the app registration."""
    client_secret: SecretStr | None = Field(default=None, repr=False)
    """Client secret of the app registration (or use a certificate)."""
    certificate_path: Path | None = None
    """PEM or PKCS12 file holding the app's certificate and private key."""
    certificate_password: SecretStr | None = Field(default=None, repr=False)
    """Password of the certificate file, if it has one."""
    static_token: SecretStr | None = Field(default=None, repr=False)
    """A fixed bearer token; only for a Graph stand-in on this machine (tests, demos)."""
    base_url: str = GRAPH_V1
    """Graph endpoint; plain http is accepted for 127.0.0.1/localhost/::1 only."""
    deadline_seconds: float = Field(default=4.0, gt=0)
    """Longest a single gateway operation may take, retries and Retry-After waits included."""
    attempt_timeout_seconds: float = Field(default=2.5, gt=0)
    """Longest one HTTP attempt may take, so a stalled connection is retried inside the deadline."""
    busy_source: BusySource = "schedule"
    """"schedule" reads busy time with one getSchedule call for all staff; "calendar_view" reads each calendar."""
    schedule_mailbox: str | None = None
    """Mailbox whose getSchedule endpoint is called; None means the first asked staff member's calendar."""
    page_size: int = Field(default=100, ge=1, le=1000)
    """$top for calendarView and event lists (Graph's default is 10)."""

    @model_validator(mode="after")
    def _can_sign_in(self) -> Self:
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise ValueError(f"base_url {self.base_url!r} is not an http(s) URL")
        loopback = parts.hostname in LOOPBACK
        if parts.scheme == "http" and not loopback:
            raise ValueError("base_url must use https unless it is 127.0.0.1/localhost/::1")
        chosen = [n for n in ("client_secret", "certificate_path", "static_token") if getattr(self, n) is not None]
        if len(chosen) != 1:
            raise ValueError(
                "set exactly one of client_secret, certificate_path, static_token"
                + (f" (got {', '.join(chosen)})" if chosen else "")
            )
        if self.static_token is not None and not loopback:
            raise ValueError("static_token is only for a Graph stand-in on 127.0.0.1/localhost/::1")
        if self.static_token is None and not (self.tenant_id and self.client_id):
            raise ValueError("tenant_id and client_id are required to sign in to Microsoft Entra ID")
        if self.certificate_password is not None and self.certificate_path is None:
            raise ValueError("certificate_password is set but certificate_path is not")
        if self.attempt_timeout_seconds > self.deadline_seconds:
            raise ValueError("attempt_timeout_seconds must be at most deadline_seconds")
        return self

    @property
    def auth(self) -> AuthKind:
        if self.static_token is not None:
            return "static_token"
        return "certificate" if self.certificate_path is not None else "client_secret"

    @property
    def scope(self) -> str:
        """The token scope for the configured endpoint ("https://graph.microsoft.com/.default")."""
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.hostname}/.default"

    @property
    def host(self) -> str:
        """The host the bearer token may be sent to."""
        return urlsplit(self.base_url).hostname or ""
