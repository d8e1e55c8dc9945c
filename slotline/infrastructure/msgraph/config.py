"""GraphCalendarConfig: where Microsoft Graph is, how slotline signs in, and how long a live caller may wait.

Importing this module is cheap: it does not import msgraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import SecretStr

from slotline.domain.errors import SlotlineError

__all__ = ["GRAPH_V1", "AuthKind", "BusySource", "GraphCalendarConfig", "GraphConfigInvalid"]

GRAPH_V1 = "https://graph.microsoft.com/v1.0"
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})

AuthKind = Literal["client_secret", "certificate", "static_token"]
BusySource = Literal["schedule", "calendar_view"]


class GraphConfigInvalid(SlotlineError):
    """The Graph settings cannot work; the message names the setting (never a secret's value)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class GraphCalendarConfig:
    """Settings of GraphCalendarGateway. Exactly one of client_secret, certificate_path, static_token is set.

    Secrets are `SecretStr` and left out of repr, so printing or logging the config never shows them.
    """

    tenant_id: str = ""
    """Directory (tenant) id of the app registration."""
    client_id: str = ""
    """Application (client) id of the app registration."""
    client_secret: SecretStr | None = field(default=None, repr=False)
    """Client secret of the app registration (or use a certificate)."""
    certificate_path: Path | None = None
    """PEM or PKCS12 file holding the app's certificate and private key."""
    certificate_password: SecretStr | None = field(default=None, repr=False)
    """Password of the certificate file, if it has one."""
    static_token: SecretStr | None = field(default=None, repr=False)
    """A fixed bearer token; only for a Graph stand-in on this machine (tests, demos)."""
    base_url: str = GRAPH_V1
    """Graph endpoint; plain http is accepted for 127.0.0.1/localhost/::1 only."""
    deadline_seconds: float = 4.0
    """Longest a single gateway operation may take, retries and Retry-After waits included."""
    attempt_timeout_seconds: float = 2.5
    """Longest one HTTP attempt may take, so a stalled connection is retried inside the deadline."""
    busy_source: BusySource = "schedule"
    """"schedule" reads busy time with one getSchedule call for all staff; "calendar_view" reads each calendar."""
    schedule_mailbox: str | None = None
    """Mailbox whose getSchedule endpoint is called; None means the first asked staff member's calendar."""
    page_size: int = 100
    """$top for calendarView and event lists (Graph's default is 10)."""

    def __post_init__(self) -> None:
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise GraphConfigInvalid(f"graph base_url {self.base_url!r} is not an http(s) URL")
        loopback = parts.hostname in LOOPBACK
        if parts.scheme == "http" and not loopback:
            raise GraphConfigInvalid("graph base_url must use https unless it is 127.0.0.1/localhost/::1")
        chosen = [n for n in ("client_secret", "certificate_path", "static_token") if getattr(self, n) is not None]
        if len(chosen) != 1:
            raise GraphConfigInvalid(
                "set exactly one of graph client_secret, certificate_path, static_token"
                + (f" (got {', '.join(chosen)})" if chosen else "")
            )
        if self.static_token is not None and not loopback:
            raise GraphConfigInvalid("graph static_token is only for a Graph stand-in on 127.0.0.1/localhost/::1")
        if self.static_token is None and not (self.tenant_id and self.client_id):
            raise GraphConfigInvalid("graph tenant_id and client_id are required to sign in to Microsoft Entra ID")
        if self.certificate_password is not None and self.certificate_path is None:
            raise GraphConfigInvalid("graph certificate_password is set but certificate_path is not")
        if not 0 < self.attempt_timeout_seconds <= self.deadline_seconds:
            raise GraphConfigInvalid("graph attempt_timeout_seconds must be positive and at most deadline_seconds")
        if not 1 <= self.page_size <= 1000:
            raise GraphConfigInvalid("graph page_size must be between 1 and 1000")

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
