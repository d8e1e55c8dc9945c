"""Words that say nothing to act on beside several services or appointments: "one after the other", "back to
back", "right after" (how several services are booked anyway), "but keep the one the week after" (what is kept)."""

from __future__ import annotations

from slotline.infrastructure.common.hour_words import HOUR_DIGITS, HOUR_WORDS
from slotline.infrastructure.rules_nlu.phrases import PhraseTable
from slotline.infrastructure.rules_nlu.vocabulary import WEEKDAYS
from slotline.infrastructure.rules_nlu.words import BLANK, Found, claim, word_at, wordset

__all__ = ["around_the_school_run", "in_a_row", "kept_as_it_is", "one_after_another"]

# Between or after several services, these say they follow one another, which is how they are booked anyway.
# Said anywhere, these are never a day or a choice ("the 11th, one after the other" is not "the 11th one").
_IN_A_ROW = PhraseTable(
    (True, p) for p in ("one after the other", "one after another", "back to back", "after each other")
)
# These only when several services were named: "right after lunch" is a time.
_RIGHT_AFTER = PhraseTable(
    (True, p) for p in ("right after", "straight after", "just after", "right after that", "straight after that")
)


def in_a_row(free: list[str]) -> None:
    """Claim "one after the other", "back to back"."""
    for found in _IN_A_ROW.scan(free):
        claim(free, found)


# "after the school run": the morning drop-off or the afternoon pick-up, so no time; and no service for school
_SCHOOL_RUN = PhraseTable(
    (True, p)
    for lead in ("after", "before", "around", "with")
    for p in (f"{lead} the school run", f"{lead} school run", f"{lead} the school drop off", f"{lead} the school drop")
)


def around_the_school_run(free: list[str]) -> None:
    """Claim "after the school run" and the like: said beside a day or a time, they add neither, nor a service."""
    for found in _SCHOOL_RUN.scan(free):
        claim(free, found)


def one_after_another(free: list[str]) -> None:
    """Claim "right after" and the like, in a request for several services."""
    for found in _RIGHT_AFTER.scan(free):
        claim(free, found)


_HOURS = (*HOUR_WORDS, *HOUR_DIGITS)
_KEEP_THE_OTHER = PhraseTable(
    (True, p)
    for p in (
        "keep the one",
        "keep the other",
        "keep the other one",
        "keep my other",
        "leave the one",
        "leave the other",
        "leave the other one",
        # "cancel the one with Priya but keep the Tuesday one"
        *(
            f"{verb} {whose} {day}"
            for verb in ("keep", "leave")
            for whose in ("the", "my", "me", "our")  # Irish, Scots, Australian: "keep me Monday one"
            for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        ),
        # "cancel the cupping, but keep my appointment with Dr. Trujillo"
        *(
            f"{verb} {whose} {thing}"
            for verb in ("keep", "leave")
            for whose in ("the", "my", "me", "our")
            for thing in ("appointment", "booking", "session", "visit")
        ),
        # "cancel the two o'clock one but keep the eleven"
        *(f"{verb} the {hour}" for verb in ("keep", "leave") for hour in _HOURS),
        # "cancel the three o'clock one ... I'll still come to the nine"
        *(f"still {verb} the {hour}" for verb in ("come to", "coming to", "make", "do") for hour in _HOURS),
    )
)
_ONES = wordset("one appointment booking session")
_KEPT_REACH = 5  # "keep the one the week after": what is kept is named in a few words


def kept_as_it_is(free: list[str]) -> frozenset[int]:
    """Claim "but keep the one the week after", "Thursday one is same to same": the appointment kept names no day
    to act on. Returns the positions claimed."""
    kept: set[int] = set()

    def keep(found: Found[bool]) -> None:
        kept.update(i for i in range(found.start, found.end) if free[i] != BLANK)
        claim(free, found)

    for found in _KEEP_THE_OTHER.scan(free):
        end = found.end
        if free[end - 1] in WEEKDAYS:  # "keep the Tuesday one": the day names the one kept
            end += word_at(free, end) in _ONES
            if word_at(free, end) == "with":  # "keep my Wednesday one with Dr. Ruiz": whose it is, too
                end = _to_clause_end(free, end, end + _KEPT_REACH)
            keep(Found(True, found.start, end))
            continue
        keep(Found(True, found.start, _to_clause_end(free, end, found.end + _KEPT_REACH)))
    for found in _STAYS.scan(free):
        day = next(
            (k for k in range(found.start - 1, max(found.start - _KEPT_REACH, 0) - 1, -1) if _a_day_kept(free, k)), None
        )
        if word_at(free, found.end) in _NOT_KEPT_BEFORE:
            continue  # "Saturday at ten, keep that in mind": no appointment kept
        if free[found.start] in ("stay", "stays") and word_at(free, found.end) not in _ENDS:
            continue  # "the shots on Saturday stay" ends there; not "Saturday stays free"
        if day is None:
            continue
        start = _kept_from(free, day)
        still = free[found.start] == "still" or word_at(free, found.start + 1) == "still"
        week_kept = day == found.start - 1 and free[day] in ("week", "weeks")  # "the myo next week's still fine"
        if still and not _ONES.intersection(free[start : found.start]) and not week_kept:
            continue  # "I meant Thursday. nine's still fine": a time kept, no appointment
        keep(Found(True, start, found.end))  # "the Saturday wala appointment is theek hai"
    changing = bool(_CHANGING.intersection(free))
    for found in _FINE.scan(free) if changing else ():  # "move Friday's follow-up ... the review tomorrow is grand"
        day = found.start - 1
        if word_at(free, day) not in _DAYS_KEPT or word_at(free, found.end) not in _ENDS:
            continue
        start = _kept_from(free, day)
        if free[start] in _ARTICLES and day - start >= 2:  # "the manicure Thursday's fine", not "Thursday's fine"
            keep(Found(True, start, found.end))
    return frozenset(kept)


def _a_day_kept(free: list[str], k: int) -> bool:
    """A weekday, or "next week('s)": the day of an appointment kept ("the myo next week's still fine")."""
    return free[k] in WEEKDAYS or (free[k] in ("week", "weeks") and word_at(free, k - 1) in ("next", "this"))


def _to_clause_end(free: list[str], end: int, reach: int) -> int:
    while end < min(len(free), reach) and free[end] != BLANK:
        end += 1
    return end


def _kept_from(free: list[str], day: int) -> int:
    """Where the words naming the appointment kept start, back from its day: "the party makeup on Saturday"."""
    start = day
    while start > max(day - _KEPT_REACH, 0) and free[start - 1] not in _KEPT_STOPS and free[start - 1] != BLANK:
        start -= 1
        if free[start] in _ARTICLES:
            break  # "cancel the hijama, the Saturday wala appointment is theek hai": from its own "the"
    return start


_ARTICLES = wordset("the my our his her their your")


# Back from the day of an appointment kept, these end the words naming it: another day, or what is done to another
_KEPT_STOPS = WEEKDAYS.keys() | wordset("cancel move shift change keep but and please")


_NOT_KEPT_BEFORE = wordset("in for to free open going mind")
# After a day said of an appointment, these keep it as it is (Pakistani English "same to same").
_STAYS = PhraseTable(
    (True, p)
    for p in (
        "is same to same",
        "same to same",
        "is okay keep that",
        "is fine keep that",
        "stays as it is",
        "stays the same",
        "still fine",  # "the phone one on Saturday's still fine"
        "is still fine",
        "still good",
        "is still good",
        "still works",
        "still suits",
        "can stay",
        "keep that",
        "keep it as it is",
        "stay",
        "stays",
    )
)
_ENDS = wordset("please thanks thank ok okay as") | {BLANK, ""}
# After "the <appointment> <day>", in a turn that moves or cancels another, these keep it as it is
_FINE = PhraseTable(
    (True, f"{verb}{word}") for verb in ("is ", "") for word in ("fine", "grand", "ok", "okay", "good", "alright")
)  # "the manicure Thursday's fine" is tidied to "thursday fine"
_CHANGING = wordset("move cancel change reschedule shift push swap")
_DAYS_KEPT = WEEKDAYS.keys() | wordset("today tomorrow")
