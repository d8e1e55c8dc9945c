"""A question asked again about another service, in the fewest words: "and a follow-up?", "what about highlights?",
"how about for a kids' cut" after "how much is a women's cut?" (issue 13). Only the dialogue knows which question
came before; the interpreter says that this turn is one (`Topic.FOLLOW_ON`), the service and nothing more."""

from __future__ import annotations

from collections.abc import Sequence

from slotline.infrastructure.rules_nlu.words import BLANK, wordset

__all__ = ["asks_again_about"]

_LEADS = (("and", "what", "about"), ("and", "how", "about"), ("what", "about"), ("how", "about"), ("and",))
# Words that may stand beside the service in such a turn; any other word makes it something else.
_BESIDE = wordset(
    "a an the for one of too then as well also after that please um uh er so ok okay oh right session appointment "
    "that's thats it is"
)
_MOST_WORDS = 10


def asks_again_about(free: Sequence[str]) -> bool:
    """True for a short turn that starts "and"/"what about"/"how about" and holds nothing but small words besides
    what was understood (`free` has the service's words blanked; the caller checks that a service was named and no
    day or time)."""
    said = [w for w in free if w and w != BLANK]
    if len(free) > _MOST_WORDS:
        return False
    lead = next((lead for lead in _LEADS if tuple(said[: len(lead)]) == lead), None)
    return lead is not None and all(w in _BESIDE for w in said[len(lead) :])
