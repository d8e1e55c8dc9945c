"""How an SMS provider's failure reads in logs and the outbox: one short line, the recipient's number masked."""

from __future__ import annotations

__all__ = ["failure_reason"]


def failure_reason(text: str, *, hide: str = "", shown_as: str = "", limit: int = 200) -> str:
    """`text` on one line of at most `limit` characters; `hide` (an E.164 number, with or without its +) becomes
    `shown_as`."""
    if hide:
        text = text.replace(hide, shown_as).replace(hide.lstrip("+"), shown_as)
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."
