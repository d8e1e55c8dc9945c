"""Running a gateway operation's requests side by side, failing with the first port error."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterable
from typing import Any, TypeVar

__all__ = ["all_of"]

T = TypeVar("T")


def _first_leaf(group: BaseExceptionGroup[BaseException]) -> BaseException:
    first = group.exceptions[0]
    return _first_leaf(first) if isinstance(first, BaseExceptionGroup) else first


async def all_of(work: Iterable[Coroutine[Any, Any, T]]) -> list[T]:
    """Results in order; if one fails the rest are cancelled and its exception (not a group) is raised."""
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(w) for w in work]
    except BaseExceptionGroup as failed:
        raise _first_leaf(failed) from None
    return [t.result() for t in tasks]
