"""What a heard turn claims in its context, and how it compares with what the caller meant (issue 14).

An interpretation becomes a set of claims ("intent=deny", "offer=2", "day=2026-11-27"); at a choice among offers an
ordinal, a time or a staff member is resolved to the offer it names, as the dialogue policy does (`_pick`). Then:
- right: the same claims as meant;
- asked again: no claim at all (the recogniser rejected the turn, or the words meant nothing): the agent asks again;
- unsure: the recogniser heard two different answers (n-best, or a second decode against what the question
  expects) and gave no words, so the agent asks again, or at a choice gave both offers ("the first one or the third
  one"), so the agent asks which by time (safe, as "asked again", counted apart);
- partial: some of what was meant and nothing else (the agent asks for the rest);
- DANGEROUS: a claim the caller did not make (another offer, day, time, staff member or service; yes for no;
  book for talk to someone): the agent would act on a different answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from benchmarks.hearing_turns import Asked, Turn
from slotline.domain.slot import Slot
from slotline.domain.understanding import Intent, Interpretation
from tests.factories import NEW_YORK


class Outcome(StrEnum):
    RIGHT = "right"
    ASKED_AGAIN = "asked again"
    UNSURE = "unsure"
    PARTIAL = "partial"
    DANGEROUS = "DANGEROUS"


# Intents that are an answer by themselves; INFORM/UNKNOWN say nothing, QUESTION is answered and asked again.
_ACTING = {
    Intent.AFFIRM: "affirm",
    Intent.DENY: "deny",
    Intent.BOOK: "book",
    Intent.RESCHEDULE: "reschedule",
    Intent.CANCEL: "cancel",
    Intent.HUMAN: "human",
    Intent.GOODBYE: "goodbye",
    Intent.REPEAT: "repeat",
    Intent.URGENT: "urgent",
    Intent.CANT_COME: "cant_come",
}


def _offer_named(heard: Interpretation, offers: Sequence[Slot]) -> int | None:
    """The 1-based offer an ordinal, a time or a staff member names (as DialoguePolicy._pick), or None."""
    if heard.ordinal is not None:
        index = len(offers) - 1 if heard.ordinal == -1 else heard.ordinal - 1
        return index + 1 if 0 <= index < len(offers) else None
    local = [s.window.start.astimezone(NEW_YORK) for s in offers]
    if heard.at is not None:
        matching = [
            n
            for n, (slot, start) in enumerate(zip(offers, local, strict=True), 1)
            if start.time() == heard.at
            and (heard.day is None or heard.day == start.date())
            and (heard.staff_id is None or heard.staff_id == slot.staff_id)
        ]
        return matching[0] if len(matching) == 1 else None
    if heard.staff_id is not None and heard.day is None and heard.part_of_day is None:
        mine = [n for n, slot in enumerate(offers, 1) if slot.staff_id == heard.staff_id]
        return mine[0] if len(mine) == 1 else None
    return None


def claims(heard: Interpretation, turn: Turn) -> frozenset[str]:
    if turn.asked is Asked.CHOICE and _weighed(heard, turn.offers):
        return frozenset()  # "the first one or the third one": the agent asks which, by time (no claim)
    out: set[str] = set()
    offer = _offer_named(heard, turn.offers) if turn.asked is Asked.CHOICE else None
    out_of_range = turn.asked is Asked.CHOICE and heard.ordinal is not None and offer is None
    if offer is not None:
        out.add(f"offer={offer}")
    else:
        if heard.ordinal is not None and not out_of_range:  # "the fifth" of three: "I only offered 3" (asked again)
            out.add(f"ordinal={heard.ordinal}")
        if heard.at is not None:
            out.add(f"at={heard.at:%H:%M}")
        if heard.staff_id is not None:
            out.add(f"staff={heard.staff_id}")
        if heard.day is not None:
            out.add(f"day={_iso(heard.day)}")
        if heard.part_of_day is not None:
            out.add(f"part={heard.part_of_day.value}")
    if heard.service_id is not None:
        out.add(f"service={heard.service_id}")
    if heard.earliest:
        out.add("earliest")
    if heard.latest:
        out.add("latest")
    intent = _ACTING.get(heard.intent)
    if intent == "cant_come" and turn.asked in (Asked.YES_NO, Asked.CHOICE):
        intent = "deny"  # as the policy reads "I can't make it" in answer to a question
    if intent == "affirm" and out:
        intent = None  # "yes, the first one" is the first one
    if intent is not None:
        out.add(f"intent={intent}")
    return frozenset(out)


def _weighed(heard: Interpretation, offers: Sequence[Slot]) -> bool:
    """Alternatives naming two or more offers (as DialoguePolicy._either asks about them)."""
    named = {_offer_named(Interpretation(Intent.INFORM, ordinal=o.ordinal, at=o.at), offers) for o in heard.either}
    return len(named - {None}) > 1


def _iso(day: date) -> str:
    return day.isoformat()


def expected(turn: Turn) -> frozenset[str]:
    return frozenset(turn.expect.split())


def outcome(heard: frozenset[str], turn: Turn, *, unsure: bool = False) -> Outcome:
    meant = expected(turn)
    if heard == meant:
        return Outcome.RIGHT
    if unsure:
        return Outcome.UNSURE
    if not heard:
        return Outcome.ASKED_AGAIN
    if heard < meant:
        return Outcome.PARTIAL
    return Outcome.DANGEROUS
