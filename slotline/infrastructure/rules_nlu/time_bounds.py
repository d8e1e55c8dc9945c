"""Limits on the start time: "after four", "before noon", "no later than three", "between two and four"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time
from enum import StrEnum

from slotline.domain.preference import UNBOUNDED, PartOfDay, StartBounds
from slotline.infrastructure.rules_nlu.phrases import PhraseTable
from slotline.infrastructure.rules_nlu.times import Meridiem, clock_at, said_meridiem
from slotline.infrastructure.rules_nlu.words import Found, cannot_be_there_by, negated_before, word_at

__all__ = ["BoundsReading", "find_bounds", "pick_bounds"]


class _Kind(StrEnum):
    AFTER = "after"  # at or after: "after four" admits 16:00
    BEFORE = "before"  # strictly before: "before eleven" does not admit 11:00
    NOT_AFTER = "not after"  # at or before: "no later than three" admits 15:00
    BETWEEN = "between"  # from the first, up to (not including) the second
    FROM = "from"  # "from two to four" is a range; "from four" alone is at or after four


_FREE_FROM = tuple(  # "I don't finish work till five", "I get off work at 4": free from then on
    f"{lead} {verb} {prep}"
    for lead in ("dont", "do not", "wont", "")
    for verb in (
        "finish work",
        "finish",
        "get off work",
        "get off",
        "leave work",
        "get out of work",
        "knock off",  # Australian: "I don't knock off till five"
        "knock off work",
        "clock off",
        "work",
        *(f"work {where}" for where in ("downtown", "uptown", "in town", "in the city")),  # "at work downtown till"
    )
    for prep in ("till", "until", "til", "at", "by")
)
_LEADS = PhraseTable(
    [(_Kind.AFTER, p.strip()) for p in _FREE_FROM]
    + [(_Kind.AFTER, p) for p in ("after", "later than", "no earlier than", "not earlier than", "not before")]
    + [(_Kind.AFTER, "gone")]  # British: "anything gone six?"
    + [(_Kind.BEFORE, p) for p in ("before", "earlier than")]
    # "up till three" (and "anytime until 4", in _led): free until then; a plain "till four" is often another thing's
    + [(_Kind.BEFORE, f"up {prep}") for prep in ("until", "till", "til")]
    + [(_Kind.NOT_AFTER, p) for p in ("no later than", "not later than", "not after")]
    + [(_Kind.BETWEEN, "between"), (_Kind.FROM, "from")]
)
# Said after a time: "four or later", "three at the latest".
_SUFFIXES = PhraseTable(
    [(_Kind.AFTER, p) for p in ("or later", "or after", "onwards", "onward", "and later")]
    + [(_Kind.NOT_AFTER, p) for p in ("or earlier", "or before", "at the latest", "and earlier")]
)
_VAGUE = PhraseTable((True, p) for p in ("any time", "anytime", "sometime", "some time", "at any time"))
# Every lead phrase and every suffix has one of these: a sentence without any has no bounds.
_KEYWORDS = frozenset(
    {"after", "before", "later", "earlier", "between", "from", "onwards", "onward", "latest", "work", "finish", "off"}
    | {"gone", "knock", "clock"}
    | {"until", "till", "til"}
)
_RANGE_JOINS = frozenset({"and", "to", "until", "till", "til", "through"})
_UNTIL = frozenset({"until", "till", "til"})
_FROM_ON = frozenset({"on", "onwards", "onward"})  # "from four on"
# The day's landmarks callers book around: (the earliest start after it, the start it must come before).
_NAMED_TIMES = {
    "work": (time(17, 0), time(9, 0)),
    "office": (time(17, 0), time(9, 0)),  # South Asian English: "after office"
    "school": (time(15, 0), time(8, 30)),
    "tea": (time(18, 0), time(17, 0)),  # British: the evening meal ("any time before me tea", "after tea")
    "teatime": (time(18, 0), time(17, 0)),
    "breakfast": (time(9, 0), time(8, 0)),
    "brekkie": (time(9, 0), time(8, 0)),  # Australian
    "smoko": (time(10, 30), time(10, 0)),  # Australian and New Zealand: the morning tea break
    # The daily prayers, where Muslim callers book around them ("anything after Maghrib?", "before Asr"): their
    # times move with the sun, so these are the hours they fall in through most of the year
    **dict.fromkeys(("zuhr", "zohr", "zohar", "dhuhr", "duhr", "zuhur"), (time(13, 30), time(12, 0))),
    **dict.fromkeys(("asr", "asar"), (time(16, 30), time(15, 30))),
    **dict.fromkeys(("maghrib", "magrib"), (time(18, 30), time(17, 0))),
    **dict.fromkeys(("isha", "esha"), (time(20, 30), time(19, 0))),
}
# "Dinner" is midday in the North of England and the evening meal elsewhere: midday only beside "tea" (the evening
# meal) in the same turn; alone it is asked about.
_TEA = frozenset({"tea", "teatime"})
_MIDDAY_DINNER = (time(13, 0), time(12, 0))
_THE = frozenset({"my", "the", "me", "our", "your"})  # "before me tea" (Birmingham "me": my)
_NOW_IS = frozenset({"its", "it", "is", "s", "already", "just"})


@dataclass(frozen=True, slots=True)
class BoundsReading:
    bounds: StartBounds
    counts: bool = True  # False when ruled out and it cannot be turned round ("not between two and four")


def _first_of_two(
    words: Sequence[str], i: int, part: PartOfDay | None, low: Found[time], high: Found[time]
) -> Found[time]:
    """A first time said without a.m./p.m. takes the second one's if that keeps it earlier ("eight and ten pm" is
    20:00 to 22:00); failing that, a first hour the bare-hour rule puts after the second is a.m. ("seven and nine"
    is 07:00 to 09:00)."""
    meridiem = said_meridiem(words, high)
    tries: list[Meridiem] = ([meridiem] if meridiem is not None else []) + (["am"] if low.value >= high.value else [])
    for said in tries:
        shifted = clock_at(words, i, part, said)
        if shifted is not None and shifted.value < high.value:
            return shifted
    return low


def _range(words: Sequence[str], i: int, part: PartOfDay | None) -> tuple[time, time, int] | None:
    """ "two and four", "ten to two", "2 and 4 pm": the first time and the (excluded) second one, and where they end."""
    low = clock_at(words, i, part)
    if low is None or word_at(words, low.end) not in _RANGE_JOINS:
        return None
    high = clock_at(words, low.end + 1, part)
    if high is None:
        return None
    if said_meridiem(words, low) is None:
        low = _first_of_two(words, i, part, low, high)
    if low.value >= high.value:
        return None
    return low.value, high.value, high.end


def _bounded(kind: _Kind, words: Sequence[str], i: int, part: PartOfDay | None) -> tuple[StartBounds, int] | None:
    """The bounds a lead phrase of `kind` starts, read from its first time at word `i`, and where they end."""
    if kind in (_Kind.BETWEEN, _Kind.FROM):
        span = _range(words, i, part)
        if span is not None:
            return StartBounds(not_before=span[0], before=span[1]), span[2]
        if kind is _Kind.BETWEEN:
            return None
    landmark = word_at(words, i + (word_at(words, i) in _THE))
    named = _NAMED_TIMES.get(landmark)
    if landmark == "dinner" and _TEA.intersection(words):  # "after dinner, but before me tea": dinner is midday
        named = _MIDDAY_DINNER
    if named is not None and kind in (_Kind.AFTER, _Kind.BEFORE):  # "after work", "before lunch"
        end = i + (word_at(words, i) in _THE) + 1
        return (StartBounds(not_before=named[0]), end) if kind is _Kind.AFTER else (StartBounds(before=named[1]), end)
    clock = clock_at(words, i, part)
    if clock is None:
        return None
    if kind is _Kind.FROM:  # "from four", "from four on"
        return StartBounds(not_before=clock.value), clock.end + (word_at(words, clock.end) in _FROM_ON)
    if kind is _Kind.AFTER:
        return StartBounds(not_before=clock.value), clock.end
    if kind is _Kind.BEFORE:
        return StartBounds(before=clock.value), clock.end
    return StartBounds(not_after=clock.value), clock.end


def _suffixed(clock: Found[time], suffix: Found[_Kind]) -> StartBounds:
    """ "four or later", "three at the latest"."""
    if suffix.value is _Kind.AFTER:
        return StartBounds(not_before=clock.value)
    return StartBounds(not_after=clock.value)


def _ruled_out(bounds: StartBounds) -> BoundsReading:
    """ "can't do after four" is before four; "don't want before ten" is at or after ten."""
    if bounds.not_before is not None and bounds.before is None and bounds.not_after is None:
        return BoundsReading(StartBounds(before=bounds.not_before))
    if bounds.before is not None and bounds.not_before is None:
        return BoundsReading(StartBounds(not_before=bounds.before))
    return BoundsReading(bounds, counts=False)


def _led(words: Sequence[str], i: int, part: PartOfDay | None) -> Found[StartBounds] | None:
    """Bounds said with a lead phrase at word `i`: "after four", "any time between two and four"."""
    vague = _VAGUE.match_at(words, i)
    lead = _LEADS.match_at(words, vague.end if vague is not None else i)
    if vague is not None and lead is None and word_at(words, vague.end) in _UNTIL:  # "anytime until four"
        lead = Found(_Kind.BEFORE, vague.end, vague.end + 1)
    if lead is not None and words[lead.start] == "gone" and word_at(words, lead.start - 1) in _NOW_IS:
        return None  # "it's gone six now": the time now, no bound
    read = _bounded(lead.value, words, lead.end, part) if lead is not None else None
    return Found(read[0], i, read[1]) if read is not None else None


def find_bounds(words: Sequence[str], part_of_day: PartOfDay | None = None) -> list[Found[BoundsReading]]:
    """Every bound on the start time, left to right. A plain time ("quarter after ten") is skipped whole, so
    its "after" is never read as a bound."""
    if _KEYWORDS.isdisjoint(words):
        return []
    out: list[Found[BoundsReading]] = []
    i = 0
    while i < len(words):
        found = _led(words, i, part_of_day)
        if found is None:
            plain = clock_at(words, i + (word_at(words, i) == "at"), part_of_day)
            suffix = _SUFFIXES.match_at(words, plain.end) if plain is not None else None
            if plain is None or suffix is None:
                i = max(i + 1, plain.end if plain is not None else 0)
                continue
            found = Found(_suffixed(plain, suffix), i, suffix.end)
        refused = negated_before(words, found.start) or cannot_be_there_by(
            words, found.start
        )  # "can't be there before 10"
        reading = _ruled_out(found.value) if refused else BoundsReading(found.value)
        out.append(Found(reading, found.start, found.end))
        i = found.end
    return out


def pick_bounds(found: Sequence[Found[BoundsReading]]) -> StartBounds:
    """All the bounds said, each refining the ones before: "after four but before six" is 16:00 to 18:00;
    "after four, no, before noon" is before noon."""
    bounds = UNBOUNDED
    for f in found:
        if f.value.counts:
            bounds = bounds.narrowed(f.value.bounds)
    return bounds
