"""Two days said in one turn that disagree, with nothing saying which one replaces the other: asked, not picked.

"tuesday, no, wednesday" and "tuesday or wednesday" are a correction and a choice: the last day said counts, as
before. "tuesday in two weeks" (a Wednesday), "tuesday the 3rd" (a Thursday) or "friday, but not the friday this
week" (the same Friday) are not: one of the two days is misheard or misread, so the agent asks which day was meant.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from slotline.infrastructure.rules_nlu.day_reading import DayReading
from slotline.infrastructure.rules_nlu.vocabulary import MOVES, WEEKDAYS
from slotline.infrastructure.rules_nlu.words import Found, word_at, wordset

__all__ = ["days_disagree", "moved_from_to", "names_what_they_have"]

# Between two days, these say the second one replaces (or is an alternative to) the first.
_CORRECTIONS = wordset(
    "no nope nah actually sorry instead rather make change wait or better scratch maybe perhaps "
    "move moved shift push bring switch swap bump reschedule postpone rebook prepone advance"  # "could i move it to"
)
_HAD = wordset("ive got have has weve theyve")
_ASKED_REACH = 6  # "could you please change it to": the words between the day had and the day asked for
# Just before the first day, these rule it out in favour of the second.
_NOT_THIS = wordset("no not naw nae")
# Said just after the second day, these also say it replaces the first ("wednesday, can we do saturday at 11 instead").
_INSTEAD = wordset("instead rather")
_INSTEAD_REACH = 4
# Said a few words before the first day, these rule it out: "I can't make the alignment tomorrow, ... Thursday".
_CANNOT = wordset("cant cannot cyaan wont unable")
_CANNOT_REACH = 6  # "I can't make the e-bike thing tomorrow"
# A day right before one of these names what the caller already has ("move monday's session to tuesday"), not a wish.
_WHAT_EXISTS = wordset("appointment appointments session booking visit")


def _corrected(words: Sequence[str], first: Found[DayReading], second: Found[DayReading]) -> bool:
    if any(w in _CORRECTIONS for w in words[first.end : second.start]) or _names_what_exists(words, first):
        return True
    if first.start > 0 and words[first.start - 1] in _NOT_THIS:
        return True  # "no the morn, Friday" (Scots "not tomorrow"), "not Tuesday, Wednesday"
    if _CANNOT.intersection(words[max(0, first.start - _CANNOT_REACH) : first.start]):
        return True  # "I can't make the alignment tomorrow, can we do Thursday"
    if moved_from_to(words, first, second):
        return True
    return any(w in _INSTEAD for w in words[second.end : second.end + _INSTEAD_REACH])  # "saturday at 11 instead"


def moved_from_to(words: Sequence[str], first: Found[DayReading], second: Found[DayReading]) -> bool:
    """ "move my check-up from monday to wednesday", "shift my facial on christmas eve to tuesday": the day it is
    on, then the day it goes to."""
    between = [w for w in words[first.end : second.start] if w]
    before = [w for w in words[max(0, first.start - 6) : first.start] if w]
    led = before[-1:] in (["from"], ["on"]) or words[first.start] in ("from", "on")  # "on" may open the day's words
    led = led or (before[-2:-1] in (["from"], ["on"]) and before[-1] in WEEKDAYS)  # "on Wednesday the 19th to ..."
    led = led or bool(_OWNERS.intersection(before[-_OWNED_REACH:]))  # "shift my eye test tomorrow to monday"
    if between[-1:] == ["to"] and len(between) <= _ASKED_REACH and MOVES.intersection(before[-2:]):
        return True  # "move Friday's follow-up to Monday", "move this Wednesday's to Friday": the day it is on
    if between == ["to"]:
        return led and bool(_CORRECTIONS.intersection(before))
    # "I've got an eye test Monday the 14th, could I change it to the Thursday": had, then moved
    had = bool(_HAD.intersection(before)) or led
    asked = between[-1:] == ["to"] and len(between) <= _ASKED_REACH and bool(MOVES.intersection(between))
    return had and asked


def _names_what_exists(words: Sequence[str], day: Found[DayReading]) -> bool:
    """ "monday's appointment", "my tuesday session": the day of the appointment being talked about."""
    after = words[day.end : day.end + 2]  # "monday's physio session"
    return bool(_WHAT_EXISTS.intersection(after)) and after[0] not in ("and", "or")


_OWNERS = wordset("my our his her their me")  # "me mam's piano lesson" (Northern English "me": my)
_OWNED_REACH = 4  # "my manual therapy on the 30th", "our two haircuts on friday"


def names_what_they_have(words: Sequence[str], day: Found[DayReading]) -> bool:
    """ "my manual therapy on the 30th", "monday's appointment": the day of something the caller already has, not
    a day asked for ("push my manual therapy on the 30th back by one week")."""
    if _names_what_exists(words, day):
        return True
    on = day.start if words[day.start] == "on" else day.start - 1
    if on < 1 or words[on] != "on":
        return False
    return any(w in _OWNERS for w in words[max(0, on - _OWNED_REACH) : on - 1])


def _agree(one: DayReading, other: DayReading) -> bool:
    """The same day, or a date and the weekday it falls on ("friday the 4th", "the 3rd, a thursday"), or a day and
    a weekday counted from it ("on saturday ... the saturday after", "monday ... the thursday after")."""
    if one.day == other.day:
        return True
    if other.counted_from is not None and other.counted_from == one.day:
        return True
    if one.day is None or other.day is None or one.exact == other.exact:
        return False
    return one.day.weekday() == other.day.weekday()


def _gone_by(words: Sequence[str], found: Found[DayReading]) -> bool:
    """ "I was in last Tuesday": a weekday gone by names no day to book, and none that another day must agree with."""
    return found.value.day is None and word_at(words, found.start) in ("last", "past", "previous")


def days_disagree(words: Sequence[str], found: Sequence[Found[DayReading]]) -> bool:
    """True if single days said in `words` name different dates, or a day both asked for and ruled out."""
    singles = [f for f in found if f.value.last is None]
    counted = [f for f in singles if f.value.counts and not _gone_by(words, f)]
    # not "limping since this morning ... this evening": when something started rules no day out
    ruled_out = {
        f.value.day
        for f in singles
        if not f.value.counts and f.value.day is not None and word_at(words, f.start - 1) != "since"
    }
    # a day corrected by a later one is given up already ("Saturday the 11th, no, the 18th, the 11th's my party")
    standing = [f for k, f in enumerate(counted) if not any(_corrected(words, f, g) for g in counted[k + 1 :])]
    if any(f.value.day in ruled_out for f in standing):
        return True
    for first, second in pairwise(counted):
        if not _agree(first.value, second.value) and not _corrected(words, first, second):
            return True
    return False
