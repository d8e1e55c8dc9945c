"""Faults the fake can be told to answer with, for the next requests that match."""

from __future__ import annotations

from dataclasses import dataclass

_CODES = {409: "ErrorIrresolvableConflict", 429: "TooManyRequests", 503: "ServiceUnavailable", 504: "GatewayTimeout"}


@dataclass
class Fault:
    """Answer the next `times` matching requests with `status` (and `retry_after`), malformed JSON, or a stall.

    `after_processing` applies the request to the calendars first (the write happened, the answer was lost),
    which is how a gateway timeout after a successful POST looks to a client. `html` answers with a gateway's
    HTML page instead of Graph's JSON error.
    """

    status: int = 503
    times: int = 1
    method: str | None = None
    path_contains: str | None = None
    retry_after: str | None = None
    malformed: bool = False
    stall_seconds: float = 0.0
    after_processing: bool = False
    html: bool = False
    code: str | None = None

    @property
    def error_code(self) -> str:
        return self.code or _CODES.get(self.status, "ServiceUnavailable")

    def matches(self, method: str, path: str) -> bool:
        if self.times <= 0:
            return False
        if self.method is not None and self.method != method:
            return False
        return self.path_contains is None or self.path_contains in path
