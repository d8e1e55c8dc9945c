"""The context a Whisper-style recogniser is primed with: the question the agent just asked, with what it offered.

Whisper reads a prompt as the text spoken before the turn. The question ("We have Tuesday at 1:30 PM with Alex Chen
or Wednesday at 10 AM with Sam Lee. Which one would you like?") makes it spell the names and times it may hear,
while giving it no answer words to copy: a prompt (or hotwords) holding "yes" or "the first one" can be written out
by a small model for a turn that said something else, and then acted on. Hotwords were tried and refused for that
reason (tiny.en copied them into the output).
"""

from __future__ import annotations

from slotline.domain.dialogue.expectation import Expectation, Expecting, OfferedSlot
from slotline.domain.dialogue.phrasing import say_clock

__all__ = ["prompt_for"]

_QUESTIONS = {
    Expecting.OPEN: "Thanks for calling. How can I help you with your appointment today?",
    Expecting.DAY: "What day would you like to come in?",
    Expecting.PHONE_DIGITS: "What's the best phone number to reach you on?",
}


def _offer(offer: OfferedSlot) -> str:
    return f"{offer.day:%A} at {say_clock(offer.at)} with {offer.staff}"


def prompt_for(expecting: Expectation | None) -> str:
    """The agent's question that `expecting` answers, written as the agent would say it ("" when nothing is known)."""
    if expecting is None:
        return ""
    if expecting.kind is Expecting.YES_NO:
        if not expecting.offers:
            return "Is that right?"
        return f"So that's {_offer(expecting.offers[0])}. Shall I book it?"
    if expecting.kind is Expecting.CHOICE:
        offers = [_offer(o) for o in expecting.offers]
        listed = offers[0] if len(offers) < 2 else ", ".join(offers[:-1]) + f" or {offers[-1]}"
        return f"I have {listed}. Which one would you like?" if offers else "Which one would you like?"
    if expecting.kind is Expecting.SERVICE:
        names = [names[0] for names in expecting.services if names]
        return f"We offer {', '.join(names)}. What would you like to book?" if names else "What would you like?"
    return _QUESTIONS[expecting.kind]
