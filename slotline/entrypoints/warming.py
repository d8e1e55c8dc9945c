"""Warming the adapters that can be warmed, in one place for every way a conversation runs: serve, chat, Slotline."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from slotline.entrypoints.container import Container

__all__ = ["WarmAdapters", "Warmable", "conversation_adapters"]

log = logging.getLogger(__name__)


@runtime_checkable
class Warmable(Protocol):
    """An adapter that can do its slow start-up work (imports, sign-in) before the first caller needs it."""

    async def warm_up(self) -> None: ...

    async def aclose(self) -> None: ...


def conversation_adapters(container: Container) -> tuple[object, ...]:
    """The adapters every conversation uses that may have start-up work (the Graph calendar imports and signs in;
    the SNS sender makes its boto3 client; a language model's client loads its SDK and connects)."""
    return (container.calendar(), container.sms(), container.interpreter())


class WarmAdapters:
    """Warms those of `adapters` that are Warmable before the first caller, and closes them at the end.

    A warm-up that fails is logged, not raised: the agent still starts, and the first caller pays for the start-up
    work, or is handed to a person if the backend is really down.
    """

    def __init__(self, adapters: Iterable[object]) -> None:
        self._adapters = [a for a in adapters if isinstance(a, Warmable)]

    async def warm_up(self) -> None:
        for adapter in self._adapters:
            try:
                await adapter.warm_up()
            except Exception as exc:
                log.warning("warming up %s failed; the first caller will wait for it: %s", type(adapter).__name__, exc)

    async def aclose(self) -> None:
        for adapter in self._adapters:
            await adapter.aclose()
