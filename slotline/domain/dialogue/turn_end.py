"""Whether what the caller said so far sounds like a finished turn, so the agent may answer after a short pause.

People answer quickly when a sentence is over ("yes please", "the second one", "a haircut next Tuesday") and wait
when it is not ("I'd like to book a...", "next Tuesday at um"). The agent does the same: a turn that sounds finished
ends after the short end-of-turn wait, any other after the long one. The cost of a wrong "finished" is small: the
caller keeps talking over the agent's answer, which stops it (barge-in), and the rest becomes the next turn.
"""

from __future__ import annotations

from slotline.domain.understanding import Intent, Interpretation

__all__ = ["CONTINUING_WORDS", "sounds_finished"]

# A sentence that stops on one of these is still going ("with", "at", "the", "and", "um", "i'd", ...).
_CONTINUING = """
    a an the my our your his her their this these those some any every each another
    and or but because than if though although nor plus
    with without at on in into for to from of about around by after before between until till near
    past half quarter as
    um umm uh uhh uhm er erm err ah ahh eh hmm hm mm
    i i'd i'm i'll i've id im we we'd we'll you'd it's let let's
    would could can will shall should have has
    want wanted need needed like wondering hoping trying looking thinking
    next maybe perhaps just also
"""
CONTINUING_WORDS = frozenset(_CONTINUING.split())
"""Left out on purpose, because a finished sentence often ends on them: "you" (thank you), "it" (book it),
"do"/"am"/"is" (yes I do, nine am, yes it is), "then" (okay then), "so" (I think so), "there" (anyone there),
"may" (the fifth of May)."""

_TRIM = ".,!?;:\"'()[]"


def _last_word(text: str) -> str:
    words = [w.strip(_TRIM) for w in text.lower().split()]
    words = [w for w in words if w]
    return words[-1] if words else ""


def sounds_finished(understood: Interpretation) -> bool:
    """True when the turn can end now: it meant something, and its last word does not lead on to more."""
    if understood.intent is Intent.UNKNOWN:
        return False  # nothing usable yet: give the caller the longer wait to go on
    last = _last_word(understood.text)
    if understood.intent is Intent.DENY and last in _BARE_NO:
        return False  # "no, the 9:45 one": a bare no is often the start of a correction, said after a short pause
    return bool(last) and last not in CONTINUING_WORDS


_BARE_NO = frozenset(("no", "nope", "nah", "naw"))
