"""The caller looking at their own diary: "let me check my diary", "I'm checking the calendar". It names no
service ("check" is in many service names: an eye check, a pressure check) and asks for nothing."""

from __future__ import annotations

from collections.abc import Sequence

from slotline.infrastructure.rules_nlu.words import word_at, wordset

__all__ = ["without_own_diary"]

_LOOK = wordset("check checking look looking")
_OWNERS = wordset("my the our his her their me")
_DIARIES = wordset("diary calendar schedule planner roster rota shifts phone app calender")


def without_own_diary(words: Sequence[str]) -> list[str]:
    """`words` without "check my diary" and the like (with "let me"/"i'll" before it)."""
    out: list[str] = []
    i = 0
    while i < len(words):
        k = i + (word_at(words, i + 1) == "at") if words[i] in _LOOK else -1  # "look at my calendar"
        if k >= 0 and word_at(words, k + 1) in _OWNERS and word_at(words, k + 2) in _DIARIES:
            if out[-2:] == ["let", "me"]:
                del out[-2:]
            i = k + 3
            continue
        out.append(words[i])
        i += 1
    return out
