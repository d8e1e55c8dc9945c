"""Words that describe the caller's trouble rather than name a service: how something is, said after a being word
("me knees are sore", "my heels are really cracked"), and what a named service is done on ("the diabetic check on me
feet"). Neither is a second service joined by "and"."""

from __future__ import annotations

from collections.abc import Sequence

from slotline.infrastructure.rules_nlu.words import wordset

_BEING = wordset("is are was were feel feels felt")
_DEGREE = wordset("so very really quite pretty real too still")
_WHOSE = wordset("my me his her our their your the both")


def states_said(words: Sequence[str]) -> frozenset[int]:
    """Positions of the words that say how something is: the word after a being word, past "really", "a bit", and
    what is that way when it is someone's ("my heels are sore")."""
    found: set[int] = set()
    for k, word in enumerate(words):
        if word not in _BEING:
            continue
        j = k + 1
        while j < len(words) and (words[j] in _DEGREE or words[j : j + 2] in (["a", "bit"], ["a", "little"])):
            j += 1 if words[j] in _DEGREE else 2
        if j < len(words):
            found.add(j)
        if k >= 2 and words[k - 2] in _WHOSE:
            found.add(k - 1)  # "my heels are sore": whose they are, too
    return frozenset(found)


_ON = wordset("on for of to")


def done_on(words: Sequence[str], end: int) -> frozenset[int]:
    """Positions of what the service named just before `end` is done on: "check on me feet", "for both knees"."""
    if end >= len(words) or words[end] not in _ON or end + 1 >= len(words) or words[end + 1] not in _WHOSE:
        return frozenset()
    last = end + 2 + (end + 2 < len(words) and words[end + 2] in _WHOSE)
    return frozenset(range(end, min(last + 1, len(words))))
