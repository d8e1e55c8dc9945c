"""Word roots that let a configured phrase meet its inflections: "bleeding", "swollen", "broke my tooth"."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

__all__ = ["root", "roots"]

_IRREGULAR = {
    "teeth": "tooth",
    "swollen": "swell",
    "broke": "break",
    "broken": "break",
    "bled": "bleed",
    "fell": "fall",
    "fallen": "fall",
    "burnt": "burn",
    "children": "child",
    "kids": "kid",
    "feet": "foot",
}
_SUFFIXES = ("ness", "ing", "ied", "ies", "ed", "es", "s")
_DOUBLED_KEPT = frozenset("lsz")  # "swell", "press", "buzz" keep their double letter


def _strip(word: str) -> str:
    for suffix in _SUFFIXES:
        base = word[: -len(suffix)]
        if not word.endswith(suffix) or len(base) < 3:
            continue
        if suffix == "s" and word.endswith("ss"):
            return word
        if suffix == "es" and not base.endswith(("s", "x", "z", "ch", "sh")):
            continue  # "bruises" is "bruise" + s
        if suffix in ("ied", "ies"):
            return base + "y"
        if suffix in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2] and base[-1] not in _DOUBLED_KEPT:
            return base[:-1]  # "stopped", "cutting"
        return base
    return word


@lru_cache(maxsize=8192)  # a caller's words repeat across turns and calls; the cache is bounded
def root(word: str) -> str:
    """'bleeding', 'bleeds', 'bled' -> 'bleed'; 'bruised', 'bruise' -> 'bruis'; a word without an ending stays."""
    word = _IRREGULAR.get(word, word)
    stripped = _strip(word)
    base = _IRREGULAR.get(stripped, stripped)
    return base[:-1] if len(base) > 3 and base.endswith("e") else base


def roots(words: Sequence[str]) -> list[str]:
    return [root(w) if w else w for w in words]
