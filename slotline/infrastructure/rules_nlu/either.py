"""Offers named as alternatives: "the first one or the third one", "12:45 or 2:45", "the first or the 2:45".

Said by a caller weighing two offers, or given by a recogniser that heard one of them but cannot tell which
(issue 14): either way nothing is chosen, the agent asks which, by time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time
from itertools import pairwise

from slotline.domain.understanding import NamedOffer
from slotline.infrastructure.rules_nlu.choices import find_choice
from slotline.infrastructure.rules_nlu.words import BLANK, Found

__all__ = ["offers_either"]

_MOST = 5


def offers_either(
    free: Sequence[str], choices: Sequence[Found[int]], times: Sequence[Found[time]]
) -> tuple[NamedOffer, ...]:
    """The offers named, when there are two or more and each is joined to the next by "or" (`free`: the words
    with the first choice already claimed; `choices`: that choice; `times`: the clock times said)."""
    rest = list(free)
    found = [*choices]
    while len(found) < _MOST and (more := find_choice(rest)) is not None:
        found.append(more)
        rest[more.start : more.end] = [BLANK] * (more.end - more.start)
    named = sorted(
        [(f.start, f.end, NamedOffer(ordinal=f.value)) for f in found]
        + [(f.start, f.end, NamedOffer(at=f.value)) for f in times],
        key=lambda said: said[0],
    )
    if len(named) < 2:
        return ()
    for (_, end, _), (start, _, _) in pairwise(named):
        if "or" not in free[end:start]:
            return ()
    return tuple(dict.fromkeys(offer for _, _, offer in named))
