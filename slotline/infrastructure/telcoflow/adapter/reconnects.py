"""Tell someone each time the SDK has re-established its session-manager socket (it reconnects on its own)."""

from __future__ import annotations

from collections.abc import Callable

from telcoflow import SessionManager


def on_each_reconnect(sm: SessionManager, tell: Callable[[], None]) -> None:
    """Call `tell` after every reconnect of `sm`, before the SDK re-opens its sessions.

    telcoflow 1.0 has no public hook; its connection calls `on_reconnected` (set by the SessionManager) after each.
    """
    connection = sm._sm_connection
    restore = connection.on_reconnected

    async def reconnected() -> None:
        tell()
        if restore is not None:
            await restore()

    connection.on_reconnected = reconnected
