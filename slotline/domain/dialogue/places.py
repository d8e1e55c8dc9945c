"""Where a choice said by its place ("the second one", "the last one", "the middle one") falls in a list."""

from __future__ import annotations

__all__ = ["LAST", "MIDDLE", "place_in"]

LAST = -1
MIDDLE = -2


def place_in(ordinal: int, count: int) -> int:
    """The 0-based index `ordinal` names among `count` items; -1 (out of range) for "the middle one" of an even
    number of them, which names none."""
    if ordinal == LAST:
        return count - 1
    if ordinal == MIDDLE:
        return count // 2 if count % 2 == 1 else -1
    return ordinal - 1
