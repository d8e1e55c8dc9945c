"""Clock times: "three pm", "3:30", "three thirty", "fifteen hundred", "noon", "half past two", "around four"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import time

from slotline.domain.preference import PartOfDay
from slotline.infrastructure.common.clock_rules import Meridiem, resolve_hour
from slotline.infrastructure.rules_nlu.ages import an_age
from slotline.infrastructure.rules_nlu.numbers import UNITS, cardinal_at, ordinal_at
from slotline.infrastructure.rules_nlu.other_events import another_event_after, another_events_time
from slotline.infrastructure.rules_nlu.vocabulary import WEEKDAYS
from slotline.infrastructure.rules_nlu.words import (
    BLANK,
    Found,
    cannot_be_there_by,
    negated_before,
    word_at,
    wordset,
)

__all__ = ["Meridiem", "TimeReading", "clock_at", "find_times", "pick_time", "resolve_hour", "said_meridiem"]

_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")
_APPROXIMATE = frozenset({"around", "about", "roughly", "approximately", "approx", "circa", "sometime", "somewhere"})
# Read as an approximate time (see docs); "before" and "after" are bounds instead (time_bounds.py).
_BOUNDS = frozenset({"by", "until", "till", "til"})
_AT = frozenset({"at", "for", "say", "maybe"})
# After a number these make it a count, not a time: "for two people", "thirty minutes".
_COUNTED = wordset("people persons person of us kids children adults guests hours hour minutes minute days weeks")
_PAST = frozenset({"past", "after"})
_TO = frozenset({"to", "til", "till", "of", "before"})
_SPOKEN_MINUTES_BEFORE_HOUR = frozenset({5, 10, 20, 25})
# A bare number ("three") is a time only if the rest of the sentence is made of these words.
_CARRIERS = wordset(
    "how what about maybe ok okay then yes yeah is that it works work fine good instead or lets say do "
    "can we i you would could be the a please sure perfect great lovely sounds suits brilliant ideal me for "
    "possible available free doable alright right there have got still yep yup sweet"
)
_LOCAL_PARTS = {
    ("in", "the", "morning"): PartOfDay.MORNING,
    ("in", "the", "afternoon"): PartOfDay.AFTERNOON,
    ("in", "the", "evening"): PartOfDay.EVENING,
    ("at", "night"): PartOfDay.EVENING,
    ("tonight",): PartOfDay.EVENING,
    ("this", "morning"): PartOfDay.MORNING,
    ("this", "afternoon"): PartOfDay.AFTERNOON,
    ("this", "evening"): PartOfDay.EVENING,
}
_LUNCH = frozenset({"lunch", "lunchtime"})
_TWELVES = {"noon": 12, "midday": 12, "midnight": 0}
_MERIDIEMS = frozenset({"am", "pm"})
_ORDINAL_LEADS = frozenset({"number", "option", "choice", "slot"})


@dataclass(frozen=True, slots=True)
class TimeReading:
    at: time
    approximate: bool = False
    counts: bool = True  # False when negated ("not at three")
    flexible: bool = False  # a bare 12-hour time ("at two"): a.m. or p.m. was chosen by rule, opening hours may flip it


@dataclass(frozen=True, slots=True)
class _Clock:
    """A time as said, before a.m./p.m. is settled: `minute` may be negative ("quarter to four" is 4:00 - 15)."""

    hour: int
    minute: int
    end: int
    twenty_four: bool  # "fifteen hundred", "15:00", "09:30": the hour is already on the 24-hour clock
    sure: bool  # clearly a time even without "at" ("three thirty", "noon"), unlike a bare "three"
    rough: bool = False  # "lunchtime" is around noon


def _minutes_after_hour(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """Minutes said after an hour ("thirty", "forty five", "oh five"): the value and where they end."""
    word = word_at(words, i)
    if word in ("oh", "o", "zero"):
        unit = UNITS.get(word_at(words, i + 1), 0)
        return (unit, i + 2) if 1 <= unit <= 9 else None
    if word.isdigit():
        return (int(word), i + 1) if len(word) == 2 and int(word) < 60 else None
    number = cardinal_at(words, i)
    if number is None or not 10 <= number.value < 60:
        return None
    if number.end - i == 2 and word_at(words, number.end - 1) == "one" and word_at(words, number.end) not in _MERIDIEMS:
        return number.value - 1, number.end - 1  # "the three thirty one" is the 3:30 one
    return number.value, number.end


def _british_half(words: Sequence[str], i: int) -> _Clock | None:
    """ "half two" is half past two, 2:30 (British)."""
    hour = cardinal_at(words, i + 1)
    if hour is None or not 1 <= hour.value <= 12 or word_at(words, hour.end) in _COUNTED:
        return None
    return _Clock(hour.value, 30, hour.end, twenty_four=False, sure=True)


def _hour_after(words: Sequence[str], i: int) -> tuple[int, int, bool] | None:
    """The hour a fraction is said against: "two", "12", "noon", "midnight"; and whether it is on the 24-hour clock."""
    if word_at(words, i) in _TWELVES:
        return _TWELVES[word_at(words, i)], i + 1, True
    hour = cardinal_at(words, i)
    if hour is None or not 1 <= hour.value <= 12:
        return None
    return hour.value, hour.end, False


def _spoken_fraction(words: Sequence[str], i: int) -> _Clock | None:
    """ "half past two", "a quarter to four", "ten past three", "twenty to five", "seventeen minutes past six",
    "ten past midnight"."""
    j = i + 1 if word_at(words, i) == "a" else i
    word = word_at(words, j)
    if word == "half" and j == i:
        british = _british_half(words, i)
        if british is not None:
            return british
    if word == "half":
        minutes, k = 30, j + 1
    elif word == "quarter":
        minutes, k = 15, j + 1
    else:
        number = cardinal_at(words, j)
        said_minutes = word_at(words, number.end) in ("minutes", "minute") if number is not None else False
        if number is None or not (
            number.value in _SPOKEN_MINUTES_BEFORE_HOUR or (said_minutes and 0 < number.value < 60)
        ):
            return None
        minutes, k = number.value, number.end + said_minutes
    relation = word_at(words, k)
    before = relation in _TO and minutes != 30 and word_at(words, i - 1) not in ("from", "between")
    if relation not in _PAST and not before:
        return None
    hour = _hour_after(words, k + 1)
    if hour is None:
        return None
    return _Clock(hour[0], -minutes if before else minutes, hour[1], twenty_four=hour[2], sure=True)


def _said_clock(words: Sequence[str], i: int) -> _Clock | None:
    word = word_at(words, i)
    if word in _TWELVES:
        return _Clock(_TWELVES[word], 0, i + 1, twenty_four=True, sure=True)
    if word in _LUNCH:
        return _Clock(12, 0, i + 1 + (word_at(words, i + 1) == "time"), twenty_four=True, sure=False, rough=True)
    typed = _CLOCK.fullmatch(word)
    if typed:
        hour, minute = int(typed.group(1)), int(typed.group(2))
        return _Clock(hour, minute, i + 1, twenty_four=hour > 12 or word.startswith("0"), sure=True)
    if len(word) == 3 and word.isdigit() and int(word[1:]) < 60 and word[0] != "0":  # "at 930", "930 am"
        if word_at(words, i - 1) not in _AT | _APPROXIMATE and word_at(words, i + 1) not in _MERIDIEMS:
            return None
        return _Clock(int(word[0]), int(word[1:]), i + 1, twenty_four=False, sure=True)
    if len(word) == 4 and word.isdigit():  # "at 1500", "1500 hours", "1430": typed 24-hour time, never a year
        hours = word_at(words, i + 1) == "hours"
        year_like = 1900 <= int(word) <= 2099
        if not hours and word_at(words, i - 1) not in _AT and (year_like or int(word[:2]) > 23 or int(word[2:]) > 59):
            return None
        return _Clock(int(word[:2]), int(word[2:]), i + 1 + hours, twenty_four=True, sure=True)
    fraction = _spoken_fraction(words, i)
    if fraction is not None:
        return fraction
    said = cardinal_at(words, i)
    if said is None or said.value > 23 or (word.isdigit() and len(word) > 2):
        return None
    after = word_at(words, said.end)
    if after == "noon" and said.value == 12:
        return _Clock(12, 0, said.end + 1, twenty_four=True, sure=True)
    if after == "oclock":
        return _Clock(said.value, 0, said.end + 1, twenty_four=said.value > 12, sure=True)
    if after == "hundred":
        end = said.end + 1 + (word_at(words, said.end + 1) == "hours")
        return _Clock(said.value, 0, end, twenty_four=True, sure=True)
    minutes = _minutes_after_hour(words, said.end)
    if minutes is not None:
        return _Clock(said.value, minutes[0], minutes[1], twenty_four=said.value > 12 or said.value == 0, sure=True)
    return _Clock(said.value, 0, said.end, twenty_four=said.value > 12, sure=False)


def _meridiem(words: Sequence[str], i: int) -> tuple[Meridiem | None, PartOfDay | None, int]:
    """What follows a time and settles a.m./p.m.: "pm", "in the morning", "tonight"."""
    word = word_at(words, i)
    if word in ("am", "pm"):
        return ("am" if word == "am" else "pm"), None, i + 1
    for phrase, part in _LOCAL_PARTS.items():
        if tuple(words[i : i + len(phrase)]) == phrase:
            return None, part, i
    return None, None, i


def _to_time(clock: _Clock, meridiem: Meridiem | None, part_of_day: PartOfDay | None) -> time | None:
    if clock.twenty_four:
        hour: int | None = clock.hour if clock.hour < 24 else None
        if meridiem == "pm" and hour is not None and hour < 12:
            hour += 12
    else:
        hour = resolve_hour(clock.hour, meridiem, part_of_day)
    if hour is None or not -59 <= clock.minute < 60:
        return None
    minutes = (hour * 60 + clock.minute) % (24 * 60)
    return time(minutes // 60, minutes % 60)


def _time_at(words: Sequence[str], i: int, part_of_day: PartOfDay | None) -> tuple[Found[TimeReading], bool] | None:
    """A time starting at word `i` with its lead-in ("at around"), and whether it is clearly a time."""
    if word_at(words, i - 1) in _ORDINAL_LEADS:
        return None
    j, approximate = i, False
    while word_at(words, j) in _APPROXIMATE or word_at(words, j) in _BOUNDS or word_at(words, j) in _AT:
        suggestion = word_at(words, j) == "about" and word_at(words, j - 1) in ("how", "what")
        approximate = approximate or (word_at(words, j) not in _AT and not suggestion)
        j += 1
    led = j > i
    clock = _said_clock(words, j)
    if clock is None or (not clock.sure and word_at(words, clock.end) in _COUNTED):
        return None
    meridiem, local_part, end = _meridiem(words, clock.end)
    if word_at(words, end) == "ish" or (word_at(words, end), word_at(words, end + 1)) == ("or", "so"):
        approximate, end = True, end + 1 + (word_at(words, end) == "or")
    elif word_at(words, end) == "sharp":
        end += 1
    approximate = approximate or clock.rough
    at = _to_time(clock, meridiem, local_part or part_of_day)
    if at is None:
        return None
    sure = clock.sure or led or meridiem is not None or local_part is not None or end > clock.end
    flexible = not clock.twenty_four and meridiem is None and (local_part or part_of_day) is None and at.hour != 12
    return Found(TimeReading(at, approximate, flexible=flexible), i, end), sure


def clock_at(
    words: Sequence[str], i: int, part_of_day: PartOfDay | None = None, meridiem: Meridiem | None = None
) -> Found[time] | None:
    """A clock time said from word `i`, with no lead-in: "four", "3:30 pm", "half past two", "noon".

    A bare hour with no a.m./p.m. after it takes `meridiem` when given ("two" in "between two and four pm"),
    else the bare-hour rule (1-7 p.m., 8-11 a.m.) or the part of the day.
    """
    if word_at(words, i - 1) in _ORDINAL_LEADS:
        return None
    clock = _said_clock(words, i)
    if clock is None or (not clock.sure and word_at(words, clock.end) in _COUNTED):
        return None
    said, local_part, end = _meridiem(words, clock.end)
    at = _to_time(clock, said or (None if clock.twenty_four else meridiem), local_part or part_of_day)
    return None if at is None else Found(at, i, end)


def said_meridiem(words: Sequence[str], found: Found[time]) -> Meridiem | None:
    """The a.m. or p.m. said at the end of a clock time `clock_at` read, if one was."""
    last = word_at(words, found.end - 1)
    return "am" if last == "am" else "pm" if last == "pm" else None


# Before "one", these make it a choice, never an hour, even beside a day ("the first one on tuesday").
_ONE_IS_A_CHOICE_AFTER = wordset("the that this which a any other earlier later last latter")


def _one_is_a_choice(words: Sequence[str], found: Found[TimeReading]) -> bool:
    before = word_at(words, found.start - 1)
    return words[found.start] == "one" and (
        before in _ONE_IS_A_CHOICE_AFTER or ordinal_at(words, found.start - 1) is not None
    )


def _alone(words: Sequence[str], found: Found[TimeReading]) -> bool:
    """True if nothing but carrier words surrounds a bare number ("three", "ok three then")."""
    if words[found.start] == "one":
        return False  # "that one", "the one": a choice
    return all(w in _CARRIERS for k, w in enumerate(words) if w != BLANK and not found.start <= k < found.end)


def _a_time_lead(words: Sequence[str], start: int) -> bool:
    """ "still 4", "say 3", "make it 8", "let it be 11" (East African English): a bare number said as the time."""
    before = word_at(words, start - 1)
    if before == "still" or (before == "it" and word_at(words, start - 2) == "make"):
        return True
    if (word_at(words, start - 3), word_at(words, start - 2), before) == ("let", "it", "be"):
        return True
    if before in _PARTS_BEFORE and word_at(words, start + 1) not in _NOT_A_TIME_AFTER:
        return True  # Indian English "evening 6", "morning 11": the part of the day, then its hour
    return before in ("like", "say") and word_at(words, start - 2) not in _LIKERS


_LIKERS = wordset("i id we wed you youd they theyd would should to")
_PARTS_BEFORE = wordset("morning evening afternoon night")
_NOT_A_TIME_AFTER = wordset("days weeks months years day week month year hours minutes mins people times of")


def find_times(
    words: Sequence[str],
    part_of_day: PartOfDay | None = None,
    day_edges: frozenset[int] = frozenset(),
    nudged: bool = False,
    said: Sequence[str] = (),
) -> list[Found[TimeReading]]:
    """Every clock time, left to right. A bare number counts only when the caller said nothing else, or right
    beside a day phrase ("9 tomorrow", "friday 3"): `day_edges` holds where day phrases start and end. `said`: the
    words as said, before the day phrases were claimed from `words` ("push the Thursday one back": no 1 o'clock)."""
    out: list[Found[TimeReading]] = []
    i = 0
    while i < len(words):
        read = _time_at(words, i, part_of_day)
        if read is not None and out and out[-1].end == read[0].start and _the_times_one(words, read[0]):
            read = None  # "the 4 o'clock one", "the half two one": the appointment at that time, not 1 o'clock
        if read is not None and _a_pronoun(words, read[0], said):
            read = None  # "for my little one Saturday": someone, not 1 o'clock
        if read is not None and (an_age(words, read[0].start) or another_events_time(words, read[0].start)):
            read = None  # "she's nine, on friday": how old, not when; "she's got swim at 5": another thing's time
        if read is not None and out and out[-1].value.counts and another_event_after(words, read[0].end):
            read = None  # "at 3, no, 5pm, at 3 I got meeting": after the time wished for, another thing's
        # ("not 11, make it 12, I have a meeting": the time said instead of one refused is the wish, and the reason)
        beside_day = read is not None and (read[0].end in day_edges or read[0].start in day_edges)
        beside_day = beside_day and read is not None and not _one_is_a_choice(words, read[0])
        refused = read is not None and _refused_after(words, read[0].end)  # "4 is too late", "ten's no good"
        kept = read is not None and (nudged or _a_time_lead(words, read[0].start))  # "still 4", "later, like 11?"
        kept = kept or (read is not None and _wished_after(words, read[0].end))  # "7 is better"
        instead = bool(out) and not out[-1].value.counts  # "2 is no good, 4 then": the time said instead
        if read is None or not (read[1] or beside_day or refused or kept or instead or _alone(words, read[0])):
            i += 1
            continue
        found = read[0]
        cannot = cannot_be_there_by(words, found.start) and not _refused_just_before(words, out, found.start)
        if refused or negated_before(words, found.start) or cannot:
            found = Found(replace(found.value, counts=False), found.start, found.end)
        out.append(_said_twice(words, found))
        i = found.end
    return out


# Before a bare "one", these make it a pronoun: "my little one", "the other one", "the same one".
_ONE_AS_SOMEONE = wordset(
    "little young the this that other my a each every which last next same big small older younger youngest oldest "
    "new wee baby "
    "me us him her them"  # "book me one Friday": a booking of what was asked about, not 1 o'clock
)


def _the_times_one(words: Sequence[str], found: Found[TimeReading]) -> bool:
    """A bare "one" read right after a time: the appointment at that time ("the 4 o'clock one"), unless minutes
    follow ("at two, one thirty": another time)."""
    one = found.end - found.start == 1 and words[found.start] == "one"
    return one and word_at(words, found.end) not in _MINUTE_WORDS


def _a_pronoun(words: Sequence[str], found: Found[TimeReading], said: Sequence[str] = ()) -> bool:
    if found.end - found.start != 1 or words[found.start] != "one":
        return False
    before = word_at(words, found.start - 1)
    if before == BLANK and word_at(said, found.start - 1) in WEEKDAYS:
        words = said  # "could you push the Thursday one back a week": the day, claimed, was the one's owner
        before = word_at(words, found.start - 1)
    if before in WEEKDAYS or before == BLANK:  # "cancel the Monday one only", "Thursday one is same to same"
        owned = word_at(words, found.start - 2) in _DAYS_OWNERS
        return owned or word_at(words, found.end) in _AFTER_THE_DAYS_ONE
    for k in range(found.start - 2, max(found.start - 4, -1), -1):  # "the physio one", "the young lad's one"
        between = words[k + 1 : found.start]
        if all(w.isalpha() and w not in _LEADS_A_TIME for w in between) and words[k] in _DAYS_OWNERS:
            return True
    return before in _ONE_AS_SOMEONE


_DAYS_OWNERS = wordset("the my this that next your our his her their")
_MINUTE_WORDS = wordset("fifteen thirty forty fortyfive oclock")  # "at two, one thirty": another time
_LEADS_A_TIME = wordset("at to by around about till until til from before after past half quarter or and is")
_AFTER_THE_DAYS_ONE = wordset("only is s too as instead and but or please") | {""}  # "cancel the Monday one"


def _said_twice(words: Sequence[str], found: Found[TimeReading]) -> Found[TimeReading]:
    """ "no no, 2, two o'clock": the bare hour said just before the same time is that time, said twice."""
    said = cardinal_at(words, found.start - 1)
    hour = found.value.at.hour % 12 or 12
    if said is not None and said.end == found.start and said.value in (hour, found.value.at.hour):
        return Found(found.value, said.start, found.end)
    return found


_REFUSALS = (
    ("too", "late"),
    ("too", "early"),
    ("no", "good"),
    ("not", "good"),
    ("doesnt", "work"),
    ("wont", "work"),
    ("is", "out"),
)


def _refused_after(words: Sequence[str], end: int) -> bool:
    """ "4 is too late", "ten's no good for me", "9 doesn't work": the time said is ruled out."""
    k = end + (word_at(words, end) in ("is", "s", "would", "will"))
    k += word_at(words, k) == "be"
    if word_at(words, k) in _WHO_CANNOT and word_at(words, k + 1) in ("cant", "cannot"):
        # "3pm I cannot, make it 5:15", "at 4 she can't"; not "11? I can't get there by 10" (the 10 is refused), nor
        # "3:30? I can't get away from work in the morning" (the morning is)
        return not _TIED.intersection(words[k + 2 : k + 6]) and not _PARTS.intersection(words[k + 2 : k + 10])
    if k > end and word_at(words, k) in _BAD:
        return True  # "4 is bad for me", "ten's awkward"
    return (word_at(words, k), word_at(words, k + 1)) in _REFUSALS


_BAD = wordset("bad difficult tricky impossible awkward hard")
_BETTER = wordset("better best fine good perfect ideal great")


def _wished_after(words: Sequence[str], end: int) -> bool:
    """ "7 is better", "ten's fine", "4 would be best", "3 better": the time said is the one wished for."""
    k = end + (word_at(words, end) in ("is", "s", "would", "will"))
    k += word_at(words, k) == "be"
    return word_at(words, k) in _BETTER and word_at(words, k + 1) not in ("than", "not")


_WHO_CANNOT = wordset("i we she he they")
_TIED = wordset("by for before until till at")  # what cannot be done is tied to the time after it
_PARTS = wordset("morning mornings afternoon afternoons evening evenings")


def _refused_just_before(words: Sequence[str], out: Sequence[Found[TimeReading]], start: int) -> bool:
    """ "3pm I cannot make it, 5:15": the "cannot" before 5:15 is the refusal of the time said before it."""
    if not out or out[-1].value.counts or not _refused_after(words, out[-1].end):
        return False
    return any(w in ("cant", "cannot") for w in words[out[-1].end : min(start, out[-1].end + 3)])


def pick_time(found: Sequence[Found[TimeReading]]) -> TimeReading | None:
    """The time meant: the last one said that is not negated."""
    counted = [f.value for f in found if f.value.counts]
    return counted[-1] if counted else None
