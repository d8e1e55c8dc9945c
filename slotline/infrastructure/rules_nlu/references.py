"""Phrases relative to what is on the table ("same time", "push it back a week", "anything later?"), and the
everyday forms the other extractors read better once tidied ("thursday's" -> "thursday", "make it eleven")."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from itertools import pairwise

from slotline.domain.ids import ServiceId
from slotline.domain.reference import NO_REFERENCE, Beside, Nudge, Reference
from slotline.infrastructure.rules_nlu.catalogue_names import ServiceNames
from slotline.infrastructure.rules_nlu.numbers import cardinal_at
from slotline.infrastructure.rules_nlu.phrases import PhraseTable
from slotline.infrastructure.rules_nlu.regional_words import regional
from slotline.infrastructure.rules_nlu.week_beside import weekday_of_the_week_beside
from slotline.infrastructure.rules_nlu.week_moves import find_week_move
from slotline.infrastructure.rules_nlu.words import BLANK, Found, claim, word_at, wordset

__all__ = ["find_latest", "find_references", "more_services", "tidy"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_POSSESSIVE = {f"{d}s": d for d in _WEEKDAYS} | {"oclocks": "oclock", "todays": "today", "tomorrows": "tomorrow"}
_HOURS = wordset(
    "one two three four five six seven eight nine ten eleven twelve half quarter 1 2 3 4 5 6 7 8 9 10 11 12"
)
# "make it eleven", "how about ten": a bare hour after these is a time, as "at eleven" would be.
_TIME_LEADS = {("make", "it"), ("make", "that"), ("how", "about"), ("what", "about"), ("maybe", "at")}


_FINE = wordset("is s fine good great perfect works suits sounds would ok okay lovely brilliant please better")
# "actually six would be better", "ok four's fine": a bare hour right after these opens the answer.
_OPENERS = wordset("actually ok okay maybe perhaps say so well hmm oh right alright")
_FREE = wordset("free available possible open doable ok okay")
_HOUR_POSSESSIVE = {f"{w}s": w for w in _HOURS if not w.isdigit()}  # "eleven's good"
_BEFORE_A_TIME = wordset("at before after by until till from to around about past between and or")
# The hour a "quarter past" / "half past" is said against makes it a clock time of its own ("quarter to noon").
_CLOCK_HOURS = _HOURS | wordset("noon midday midnight")


def _counted(words: list[str], i: int) -> bool:
    """ "three tuesdays", "2 fridays": a plural weekday after a count is a count of weeks, kept for the date reader."""
    return i > 0 and words[i - 1] not in ("a", "an") and cardinal_at(words, i - 1) is not None


_WHOLE_OF = frozenset(("week", "weekend", "day", "month", "fortnight", "morning", "afternoon", "evening"))


def tidy(words: list[str]) -> list[str]:
    """Possessives the date words do not know ("thursday's", "two o'clock's"); "make it eleven", "can we do 2
    instead" and "9 is perfect" read as "at eleven", "at 2", "at 9"."""
    words = regional(words)
    out: list[str] = []
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        before = words[i - 1] if i else ""
        if word in ("whole", "entire") and before == "the" and after in _WHOLE_OF:  # "I've got the whole week off"
            continue
        if word == "one" and before in _LATE_OR_EARLY and out:  # "a late one on thursday": no 1 o'clock
            out[-1] = _LATE_OR_EARLY[before]
            continue
        if word in _HOUR_POSSESSIVE and after in _FINE:
            word = _HOUR_POSSESSIVE[word]
        if not (word[:-1] in _WEEKDAYS and _counted(words, i)):
            word = _POSSESSIVE.get(word, word)
        if word == "times" and before == "same":  # "same time's fine"
            word = "time"
        if word in _HOURS and before not in _BEFORE_A_TIME and word not in ("half", "quarter"):
            led = i >= 2 and (words[i - 2], words[i - 1]) in _TIME_LEADS
            done = before == "do" and (after in ("", "instead", "then", "please", "rather") or after in _CLAUSE_OPENERS)
            instead = after == "instead" and before not in ("half", "quarter")  # "half nine instead" is 9:30
            done = done or instead or (before == "of" and i >= 2 and words[i - 2] == "instead")
            done = done or (after, words[i + 2] if i + 2 < len(words) else "") in (("it", "is"), ("it", "its"))
            opens = (i == 0 or before in _OPENERS) and after in _FINE and word != "one"  # "one is fine": of them?
            # "Saturday morning then, nine?"; Irish "so": "the morning so, eleven?"
            opens = opens or (before in ("then", "so") and not after and word != "one")
            asked = before == "is" and after in _FREE and word != "one"  # "a filling on Thursday, is 4 free?"
            # "no, the later one, 10, sorry": the one of two times named by its hour
            asked = asked or (before == "one" and i >= 2 and words[i - 2] in ("later", "earlier") and word != "one")
            if led or done or opens or asked:
                out.append("at")
        out.append(word)
    return out


# After "can we do 11", these start the caller's next clause: "can we do 11? he's got soccer".
_CLAUSE_OPENERS = wordset("he she hes shes i im ive we were weve they theyre its it my our his her")
_LATE_OR_EARLY = {"late": "latest", "early": "earliest"}
_SAME_TIME = "same time"
_SAME_DAY = "same day"
_WEEKS_LATER = "a week later"
_WEEKS_EARLIER = "a week earlier"
_TWO_WEEKS_LATER = "two weeks later"
_TABLE: PhraseTable[object] = PhraseTable(
    [
        *((_SAME_TIME, p) for p in ("same time", "the same time", "usual time", "the usual time")),
        *((_SAME_DAY, p) for p in ("same day", "the same day", "that same day", "that day", "on the day")),
        *(
            (_WEEKS_LATER, p)
            for p in (
                "back a week",
                "out a week",  # "push it out a week"
                "on a week",  # Irish and British "push it on a week"
                "on by a week",
                "out by a week",
                "back by a week",
                "back one week",
                "a week later",
                "one week later",
                "the following week",
            )
        ),
        *((_WEEKS_LATER, p) for p in ("by a week",)),  # not "a week on": "a week on Tuesday" is a date
        *(
            (_TWO_WEEKS_LATER, p)
            for p in ("back two weeks", "back a fortnight", "two weeks later", "a fortnight later", "out two weeks")
        ),
        *((_TWO_WEEKS_LATER, p) for p in ("back by two weeks", "back by a fortnight")),
        *((_WEEKS_EARLIER, p) for p in ("forward a week", "forward by a week", "a week earlier", "one week earlier")),
        *((15, p) for p in ("quarter past", "a quarter past", "quarter after", "a quarter after")),
        *((30, p) for p in ("half past",)),
        *((45, p) for p in ("quarter to", "a quarter to")),
        *((Nudge.LATER_ONE, p) for p in ("the later one", "the later time", "the later of the two", "that later one")),
        *((Nudge.EARLIER_ONE, p) for p in ("the earlier one", "the earlier time", "the earlier of the two")),
        *((Nudge.EARLIER_ONE, p) for p in ("that earlier one",)),
        *((Nudge.LATER, p) for p in ("later", "a bit later", "little later", "a little later", "later on")),
        *((Nudge.LATER, p) for p in ("later in the day", "later that day", "any later")),
        *((Nudge.EARLIER, p) for p in ("earlier", "a bit earlier", "a little earlier", "earlier in the day")),
        *((Nudge.EARLIER, p) for p in ("any earlier", "earlier that day")),
    ]
)
_LATEST = PhraseTable(
    (True, p)
    for p in (
        "latest",
        "the latest",
        "last appointment",
        "last slot",
        "end of the day",
        "latest appointment",
        "as late as possible",
        "late as you can",
        "last thing",
    )
)


_NOT_MOVED_BACK = frozenset(("come", "comes", "coming", "came", "be", "my", "his", "her", "your", "our", "their"))
_AND_TIME = frozenset((("and", "time"), ("time", "and")))  # "same day and time", "same day, time and person"


def find_references(
    words: Sequence[str], named_days: Collection[int] = frozenset()
) -> tuple[Reference, list[Found[object]]]:
    """What was said relative to the table, and where (for the caller to claim). `named_days`: the positions of
    words that read as a day of the business's own ("the day after Pakistan Day"), never counted from the table."""
    # "come back in two weeks", "the doctor said come back two weeks from today": a return, never a move back; "an
    # assessment for my back, a fortnight today": the body, never a move back
    words = [BLANK if w == "back" and word_at(words, i - 1) in _NOT_MOVED_BACK else w for i, w in enumerate(words)]
    kept: list[Found[object]] = []
    ref = NO_REFERENCE
    shift = find_shift(words)
    if shift is not None:
        ref = replace(ref, shift_minutes=shift.value)
        kept.append(Found(shift.value, shift.start, shift.end))
    taken = set(range(shift.start, shift.end)) if shift is not None else set()
    moved = find_week_move(words)  # "push back bella's dental a week", "prepone it by a week"
    if moved is not None and not taken.intersection(range(moved.start, moved.end)):
        ref = replace(ref, weeks=moved.value)
        kept.append(Found(moved.value, moved.start, moved.end))
        taken.update(range(moved.start, moved.end))
    in_week = weekday_of_the_week_beside(words)  # "the week after, the wednesday": no week later of its own
    taken.update(range(in_week.start, in_week.end) if in_week is not None else ())
    taken.update(named_days)  # "on the day after Pakistan Day": no "on the day" (the same day)
    for f in _TABLE.scan(words):
        if taken.intersection(range(f.start, f.end)):
            continue
        if f.value == _SAME_TIME:
            ref = replace(ref, same_time=True)
        elif f.value == _SAME_DAY:
            if tuple(words[f.end : f.end + 2]) == ("as", "today"):
                continue  # "same day as today" is today's weekday, read by the date reader
            ref = replace(ref, same_day=True)
            if tuple(words[f.end : f.end + 2]) in _AND_TIME:
                ref = replace(ref, same_time=True)  # "same day and time", "the same day and time slot"
        elif isinstance(f.value, Nudge):
            if _said_in_passing(words, f):
                continue
            ref = replace(ref, nudge=f.value)
            if tuple(words[f.end - 2 : f.end]) == ("that", "day"):
                ref = replace(ref, same_day=True)  # "later that day": the day of the one it moves or was offered
        elif f.value in (_WEEKS_LATER, _WEEKS_EARLIER, _TWO_WEEKS_LATER):
            ref = replace(ref, weeks={_WEEKS_LATER: 1, _WEEKS_EARLIER: -1, _TWO_WEEKS_LATER: 2}[str(f.value)])
        elif isinstance(f.value, int):
            if f.end < len(words) and (words[f.end] in _CLOCK_HOURS or words[f.end].isdigit()):
                continue  # "quarter past nine", "quarter to noon" are times of their own
            ref = replace(ref, minutes_past=f.value)
        kept.append(f)
    beside = in_week or _beside(words, named_days) or _onwards(words)
    if beside is not None:
        ref = replace(ref, beside=beside.value)
        kept.append(Found(beside.value, beside.start, beside.end))
    if "instead" in words or "rather" in words:
        ref = replace(ref, instead=True)
    return ref, kept


_AMOUNTS = PhraseTable(
    [
        *((60, p) for p in ("an hour", "a hour", "one hour", "1 hour")),
        *((30, p) for p in ("half an hour", "half hour", "a half hour", "30 minutes", "thirty minutes", "30 mins")),
        *((15, p) for p in ("15 minutes", "fifteen minutes", "quarter of an hour", "a quarter of an hour")),
        *((45, p) for p in ("45 minutes", "forty five minutes", "three quarters of an hour")),
        *((90, p) for p in ("an hour and a half", "one and a half hours", "90 minutes")),
        *((120, p) for p in ("two hours", "2 hours", "a couple of hours", "a couple hours")),
        *((180, p) for p in ("three hours", "3 hours")),
        *((20, p) for p in ("20 minutes", "twenty minutes")),
        *((10, p) for p in ("10 minutes", "ten minutes")),
    ]
)
_SHIFT_AFTER = {"later": 1, "earlier": -1}
_SHIFT_BEFORE = {"back": 1, "forward": -1}


def find_shift(words: Sequence[str]) -> Found[int] | None:
    """ "an hour later", "half an hour earlier", "back an hour", "forward by 30 minutes": minutes to move by."""
    for amount in _AMOUNTS.scan(words):
        after = words[amount.end] if amount.end < len(words) else ""
        if after in _SHIFT_AFTER:
            return Found(amount.value * _SHIFT_AFTER[after], amount.start, amount.end + 1)
        lead = amount.start - (amount.start > 0 and words[amount.start - 1] == "by")
        before = words[lead - 1] if lead > 0 else ""
        if before in _SHIFT_BEFORE:
            return Found(amount.value * _SHIFT_BEFORE[before], lead - 1, amount.end)
    return None


_DIRECTIONS = {"before": -1, "after": 1}
# What may not follow "the wednesday before" for it to be counted from the day on the table: "the day after
# thanksgiving", "the tuesday after next", "the day before the 3rd", "before noon" are read elsewhere.
_NOT_BESIDE = frozenset(
    (
        *("next", "this", "last", "the", "noon", "midday", "midnight", "lunch", "lunchtime", "work", "school"),
        *("christmas", "easter", "thanksgiving", "new", "boxing", "labor", "labour", "memorial", "independence"),
        *("good", "valentines", "halloween", "mothers", "fathers", "bank", "today", "tomorrow", "tonight"),
    )
)


def _beside(words: Sequence[str], named_days: Collection[int]) -> Found[Beside] | None:
    """ "the wednesday before", "the day after (that)": a day counted from the day on the table."""
    for i in range(len(words) - 2):
        if words[i] != "the" or words[i + 2] not in _DIRECTIONS or i in named_days:
            continue
        if any(w in _WEEKDAYS for w in words[:i]):
            return None  # "on saturday ... the saturday after": counted from the day said, read with the dates
        end = i + 3
        following = words[end] if end < len(words) else ""
        if following in _NOT_BESIDE or following in _WEEKDAYS or cardinal_at(words, end) is not None:
            continue
        end += end < len(words) and words[end] == "that"
        if words[i + 1] == "day":
            return Found(Beside(None, _DIRECTIONS[words[i + 2]]), i, end)
        if words[i + 1] in _WEEKDAYS:
            return Found(Beside(_WEEKDAYS.index(words[i + 1]), _DIRECTIONS[words[i + 2]]), i, end)
    return None


_THAT = frozenset(("that", "then"))
_WHICH_DAY = wordset("any first next earliest soonest a another some other")
_ONWARDS_REACH = 7  # "the first day you've got after that": the day is named a few words before


def _onwards(words: Sequence[str]) -> Found[Beside] | None:
    """ "whatever's the first day you've got after that", "any day after that?", "the days after that": any day
    after the day on the table (not "anything after that?", which may be a later time the same day)."""
    for i in range(1, len(words) - 1):
        if words[i] != "after" or words[i + 1] not in _THAT:
            continue
        for k in range(i - 1, max(i - _ONWARDS_REACH, 0) - 1, -1):
            if words[k] == BLANK or words[k] in _WEEKDAYS:
                break
            if words[k] == "days" or (words[k] == "day" and word_at(words, k - 1) in _WHICH_DAY):
                return Found(Beside(None, 1, onwards=True), k - (words[k] == "day"), i + 2)
    return None


def _said_in_passing(words: Sequence[str], found: Found[object]) -> bool:
    """'as I said earlier', 'I'll call back later', 'no later than three': no wish of its own."""
    after = words[found.end] if found.end < len(words) else ""
    than_that = after == "than" and (words[found.end + 1] if found.end + 1 < len(words) else "") in ("that", "this")
    if than_that:
        return False  # "a bit earlier than that": than what is on the table
    if after in ("than", "this", "next") or " ".join(words[found.end : found.end + 3]) == "in the week":
        return True  # "no later than three", "later this week": a bound or a date
    if found.start and words[found.start - 1] == "or":
        return True  # "four or later"
    before = " ".join(words[max(0, found.start - 3) : found.start])
    return any(lead in before for lead in ("said", "told", "call", "ring", "mentioned", "spoke", "talk"))


# After "the latest one": what makes it the latest the business has, not a choice among the offers
# ("which is the latest one you've got?", "the latest one available", "the latest one of the day").
_OF_THE_DAY = wordset("you youve youd u available free going left there of")


def find_latest(words: Sequence[str]) -> list[Found[bool]]:
    """'what's the latest you have', 'the last appointment of the day', 'the latest one you've got', "what's the
    last one y'all got"; not "by three at the latest", and not "the latest one" or "the last one you said" alone, a
    choice among the offers."""
    return [
        f
        for f in _LATEST.scan(words)
        if not (f.start and words[f.start - 1] == "at")
        and (word_at(words, f.end) not in ("one", "ones") or word_at(words, f.end + 1) in _OF_THE_DAY)
    ] + [Found(True, i, end) for i in range(len(words)) if (end := _last_one_you_have(words, i)) is not None]


def _last_one_you_have(words: Sequence[str], i: int) -> int | None:
    """ "the last one you got", "last slot you have", "your last one": the latest the business has, not the last of
    the offers; where the words saying so end."""
    if word_at(words, i) in ("last", "latest") and word_at(words, i + 1) in ("timing", "timings"):
        return i + 2  # South Asian English: "what is the last timing?"
    if word_at(words, i) != "last" or word_at(words, i + 1) not in ("one", "time", "slot", "appointment"):
        return None
    if (word_at(words, i + 2), word_at(words, i + 3)) in (("that", "day"), ("of", "the")):
        return i + 4  # "the last one that day", "the last slot of the day"
    if word_at(words, i + 2) in ("youve", "yall") and word_at(words, i + 3) in ("got", "have"):
        return i + 4  # "what's the last one you've got?"
    if word_at(words, i + 2) in ("you", "u") and word_at(words, i + 3) in ("got", "have", "has"):
        return i + 4
    return i + 2 if word_at(words, i - 1) == "your" else None  # "what's your last appointment Friday?"


_AND = wordset("and plus also both with then")


def more_services(free: list[str], names: ServiceNames, first: Found[ServiceId]) -> tuple[ServiceId, ...]:
    """Every service of a request for several, in the order said ("an assessment and then a sports massage");
    just the first when no "and"/"plus" joins them ("a haircut, no, a colour" is a correction). Words are claimed.
    """
    found = [first]
    while (more := names.find(free)) is not None:
        claim(free, more)
        found.append(more)
    found.sort(key=lambda f: f.start)
    ordered: list[ServiceId] = []
    for before, after in pairwise(found):
        if before.value != after.value and not _AND.intersection(free[before.end : after.start]):
            return (first.value,)  # "a kitten check for our new kitten and a nail clip": said twice is still one
        if before.value not in ordered:
            ordered.append(before.value)
    if found[-1].value not in ordered:
        ordered.append(found[-1].value)
    return tuple(ordered)
