"""Caller turns for the hearing benchmark (issue 14), each with the question it answers and what it means.

Two sets of lines and two sets of voices. The TUNED ones may be looked at while changing recognition; the HELD_OUT
ones (lines and voices) were written down before any recognition change and are only ever reported, never tuned on.
Nothing here is copied from the language model's templates (slotline/infrastructure/pocketsphinx_stt/phrases.py).

`expect` is what the turn means in its context, as claims separated by spaces:
  intent=affirm|deny|book|reschedule|cancel|human|goodbye|repeat|question
  offer=N          the Nth offered slot (1-based), however it was named: ordinal, time or staff member
  day=YYYY-MM-DD   at=HH:MM   part=morning|afternoon|evening   service=<id>   staff=<id>   earliest   ordinal=N
The clock is tests.factories.NOW (Wednesday 25 November 2026, 9:00 in New York).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from slotline.domain.ids import ServiceId, StaffId
from slotline.domain.slot import Slot
from slotline.domain.time_window import TimeWindow
from tests.factories import NEW_YORK


class Asked(StrEnum):
    """What the agent had just asked."""

    YES_NO = "yes/no read-back"
    CHOICE = "choice among offers"
    DAY = "a day"
    SERVICE = "a service"
    OPEN = "free request"


def _slot(day: int, month: int, hour: int, minute: int, staff: str, service: str) -> Slot:
    start = datetime(2026, month, day, hour, minute, tzinfo=NEW_YORK)
    return Slot(TimeWindow.starting(start, timedelta(minutes=30)), StaffId(staff), ServiceId(service))


# Offered on one day: "on Friday, November 27th I have 10 AM with Sam, 1:30 PM with Alex, or 3 PM with Sam."
FRIDAY = (
    _slot(27, 11, 10, 0, "sam", "haircut"),
    _slot(27, 11, 13, 30, "alex", "haircut"),
    _slot(27, 11, 15, 0, "sam", "haircut"),
)
# Offered on three days: "Thursday 4 PM with Jordan, Monday 9 AM with Jordan, or Tuesday 11:30 AM with Sam."
SPREAD = (
    _slot(26, 11, 16, 0, "jordan", "consultation"),
    _slot(30, 11, 9, 0, "jordan", "consultation"),
    _slot(1, 12, 11, 30, "sam", "consultation"),
)
# The slot read back at a yes/no question ("a haircut with Alex Chen on Friday, November 27th at 1:30 PM").
READ_BACK = (FRIDAY[1],)


@dataclass(frozen=True, slots=True)
class Turn:
    asked: Asked
    said: str
    expect: str
    offers: tuple[Slot, ...] = ()
    """The slots on the table: offered (CHOICE) or read back (YES_NO)."""


def _yes_no(said: str, expect: str) -> Turn:
    return Turn(Asked.YES_NO, said, expect, READ_BACK)


def _pick(said: str, expect: str, offers: tuple[Slot, ...] = FRIDAY) -> Turn:
    return Turn(Asked.CHOICE, said, expect, offers)


TUNED_LINES = (
    _yes_no("yes", "intent=affirm"),
    _yes_no("yes please", "intent=affirm"),
    _yes_no("no", "intent=deny"),
    _yes_no("no thanks", "intent=deny"),
    _yes_no("yeah that's fine", "intent=affirm"),
    _yes_no("no that's wrong", "intent=deny"),
    _yes_no("i'd rather talk to someone", "intent=human"),
    _pick("the first one", "offer=1"),
    _pick("the third one please", "offer=3"),
    _pick("the second one", "offer=2"),
    _pick("the one thirty", "offer=2"),
    _pick("three o'clock", "offer=3"),
    _pick("ten a.m. please", "offer=1"),
    _pick("with alex", "offer=2"),
    _pick("eleven thirty", "offer=3", SPREAD),
    _pick("the last one", "offer=3", SPREAD),
    _pick("tuesday please", "day=2026-12-01", SPREAD),
    Turn(Asked.DAY, "friday", "day=2026-11-27"),
    Turn(Asked.DAY, "next wednesday", "day=2026-12-02"),
    Turn(Asked.DAY, "tomorrow morning", "day=2026-11-26 part=morning"),
    Turn(Asked.DAY, "monday afternoon", "day=2026-11-30 part=afternoon"),
    Turn(Asked.SERVICE, "a haircut", "service=haircut"),
    Turn(Asked.SERVICE, "massage please", "service=massage"),
    Turn(Asked.SERVICE, "a consultation", "service=consultation"),
    Turn(Asked.SERVICE, "hair colouring", "service=colour"),
    Turn(Asked.OPEN, "i'd like to book a haircut", "intent=book service=haircut"),
    Turn(Asked.OPEN, "i need to cancel my appointment", "intent=cancel"),
    Turn(Asked.OPEN, "can i talk to a person", "intent=human"),
    Turn(Asked.OPEN, "move my appointment to friday morning", "intent=reschedule day=2026-11-27 part=morning"),
)

HELD_OUT_LINES = (
    _yes_no("yep", "intent=affirm"),
    _yes_no("that's great thanks", "intent=affirm"),
    _yes_no("no thank you", "intent=deny"),
    _yes_no("sounds good", "intent=affirm"),
    _yes_no("actually no", "intent=deny"),
    _yes_no("yes go ahead", "intent=affirm"),
    _yes_no("nope", "intent=deny"),
    _yes_no("put me through to a person please", "intent=human"),
    _pick("i'll take the first", "offer=1"),
    _pick("the last one", "offer=3"),
    _pick("half past one", "offer=2"),
    _pick("the ten o'clock", "offer=1"),
    _pick("the one with alex", "offer=2"),
    _pick("three p.m. please", "offer=3"),
    _pick("second please", "offer=2"),
    _pick("four p.m. on thursday", "offer=1", SPREAD),
    _pick("the second one please", "offer=2", SPREAD),
    _pick("nine a.m. with jordan", "offer=2", SPREAD),
    Turn(Asked.DAY, "saturday", "day=2026-11-28"),
    Turn(Asked.DAY, "this friday afternoon", "day=2026-11-27 part=afternoon"),
    Turn(Asked.DAY, "next tuesday", "day=2026-12-01"),
    Turn(Asked.DAY, "the first of december", "day=2026-12-01"),
    Turn(Asked.DAY, "monday morning please", "day=2026-11-30 part=morning"),
    Turn(Asked.SERVICE, "just a trim", "service=haircut"),
    Turn(Asked.SERVICE, "a back massage", "service=massage"),
    Turn(Asked.SERVICE, "a colour", "service=colour"),
    Turn(Asked.SERVICE, "a check up", "service=consultation"),
    Turn(Asked.OPEN, "i want to book a massage for saturday", "intent=book service=massage day=2026-11-28"),
    Turn(Asked.OPEN, "can you cancel my booking", "intent=cancel"),
    Turn(Asked.OPEN, "i'd like to reschedule to monday", "intent=reschedule day=2026-11-30"),
    Turn(Asked.OPEN, "let me speak to a human", "intent=human"),
)

TUNED_VOICES = ("en-us", "en-us+f3")
HELD_OUT_VOICES = ("en-gb", "en-gb-x-rp", "en-us+m7")
