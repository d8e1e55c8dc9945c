"""What the caller has, listed before the one they point at: "I've a filling on Tuesday and a check-up on the
Thursday, could you push the Thursday one back a week?", "I've got two on Thursday, the bath at 9 and a nail trim at
2. Could you move the 2 o'clock one to 4?". The list names days, times and services that are not asked for; the
request after it says which one ("the Thursday one", "the 2 o'clock one", "the half three one") on its own."""

from __future__ import annotations

from collections.abc import Sequence

from slotline.infrastructure.rules_nlu.words import word_at, wordset

__all__ = ["without_the_list"]

_OPENERS = wordset("hello hi hiya hey heya yeah yes um uh er so ok okay right morning afternoon evening there")
_HAVING = (("ive",), ("i", "have"), ("i", "got"), ("ive", "got"), ("weve",), ("we", "have"), ("weve", "got"))
_SEVERAL = wordset("and two both couple pair")
_ASKING = wordset("could can would will please cancel move push change shift bring swap")
_NOT_POINTING = wordset("other same next first second last earlier later")
_POINTER_REACH = 3  # "the half three one", "the 2 oclock one", "the thursday one"


def without_the_list(words: Sequence[str]) -> list[str]:
    """`words` without a list of what the caller has when a request after it points at one of them."""
    start = 0
    while start < len(words) and words[start] in _OPENERS:
        start += 1
    having = next((h for h in _HAVING if tuple(words[start : start + len(h)]) == h), None)
    if having is None:
        return list(words)
    asking = next((k for k in range(start + len(having) + 2, len(words)) if words[k] in _ASKING), None)
    if asking is None or not _SEVERAL.intersection(words[start:asking]) or not _points_at_one(words, asking):
        return list(words)
    return [*words[:start], *words[asking:]]


def _points_at_one(words: Sequence[str], start: int) -> bool:
    """ "the thursday one", "the 2 oclock one": one of several, named by what it is."""
    for k in range(start, len(words)):
        if words[k] != "one" or word_at(words, k + 1) == "of":
            continue
        the = next((j for j in range(k - 2, max(k - 2 - _POINTER_REACH, start - 1), -1) if words[j] == "the"), None)
        if the is not None and not _NOT_POINTING.intersection(words[the + 1 : k]):
            return True
    return False
