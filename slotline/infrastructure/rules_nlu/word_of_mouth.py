"""Who sent the caller: "a friend said I should start with the intro assessment", "my wife recommended you". The
person who told them is neither who the booking is for nor a service ("with a friend" may name a duet session)."""

from __future__ import annotations

from collections.abc import Sequence

from slotline.infrastructure.rules_nlu.words import word_at, wordset

__all__ = ["word_of_mouth"]

_TOLD = wordset("said says told tells recommended recommends suggested suggests mentioned sent referred reckons")
_WHOSE = wordset("a my our his her their")


def word_of_mouth(words: Sequence[str]) -> frozenset[int]:
    """Positions of "a friend", "my wife" (one or two words after the article) said just before a word of telling."""
    said: set[int] = set()
    for k, word in enumerate(words):
        if word not in _TOLD:
            continue
        for width in (1, 2):  # "my friend said", "my sister Jo told me"
            if word_at(words, k - width - 1) in _WHOSE:
                said.update(range(k - width - 1, k))
                break
    return frozenset(said)
