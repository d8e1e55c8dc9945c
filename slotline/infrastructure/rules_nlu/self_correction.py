"""A request corrected as it is said: "cancel Friday's, actually no, can I move it to Monday?".

The words after the last correction marker are what the caller means; what they did not correct (the service, the
person, the day or the time they did not say again) is kept from before it, unless the correction asks for a
different task altogether, whose details belong to it alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from slotline.domain.understanding import Intent, Interpretation
from slotline.infrastructure.rules_nlu.phrases import PhraseTable
from slotline.infrastructure.rules_nlu.words import word_at

__all__ = ["corrected", "split_at_correction"]

_MARKERS = PhraseTable(
    (True, p)
    for p in (
        "actually no",
        "no actually",
        "no wait",
        "wait no",
        "oh wait",
        "och wait",  # Scots: "a scale and polish for Friday... och wait, naw, it's a filling I need"
        "ah wait",
        "well actually",  # "a full groom for my small dog... well, actually she's like 60 pounds, so large"
        "no sorry",
        "sorry no",
        "or rather",
        "scratch that",
        "scrap that",
        "i mean",
        "i meant",
        "did i say",
        "my mistake",
        "my bad",
        "i should have said",
        "sorry i mean",
        "no i mean",
        "let me rephrase",
        "on second thought",
        "on second thoughts",
        "but actually",
        "actually make that",
        "actually make it",
        "ok what about",
        "okay what about",
        "ok how about",
        "okay how about",
        "right what about",
        "hold on",  # "a full detail Tuesday at 9... no, hold on, just the interior"
        "sorry its",  # "a child check for my daughter, sorry, it's for me, a GP consultation"
        "sorry she said",  # "Tuesday at 10, sorry, she said 11"
        "sorry he said",
        "hang on",
        "go way",  # Irish: "a smear on the 17th... ah go way, that's Paddy's Day. The 18th so"
        "go away",
        "yknow what",  # "an acrylic fill Wednesday... actually y'know what, make it a new full set" ("you know" too)
        "ya know what",
        "start over",  # "I'm fixing to start over, make it a new full set"
        "start again",
    )
)
# A head of only these said nothing to correct ("oh, actually no, ...").
_NOTHING = frozenset(("oh", "um", "uh", "er", "well", "so", "yes", "yeah", "hi", "hello", "sorry", "and", "but"))
_TASKS = frozenset((Intent.BOOK, Intent.RESCHEDULE, Intent.CANCEL, Intent.CANT_COME, Intent.HUMAN))


def split_at_correction(words: Sequence[str]) -> tuple[list[str], list[str]] | None:
    """The words before and after the last correction marker, when both say something; None otherwise."""
    found = [(f.start, f.end) for f in _MARKERS.scan(words)]
    found += [(i, i + 1) for i, w in enumerate(words) if w == "actually" and word_at(words, i + 1) in _ASKED_AGAIN]
    for start, end in sorted(found, reverse=True):
        if words[start] == "go" and word_at(words, start - 1) in _WONT:
            continue  # "this chest pain that won't go away": no Irish "ah go way"
        head, tail = list(words[:start]), list(words[end:])
        if tail and any(w not in _NOTHING for w in head):
            return head, tail
    return None


_WONT = frozenset(("wont", "doesnt", "didnt", "not", "never", "cant", "wouldnt", "to", "will", "would", "it", "just"))


# After "actually", these start the request again: "cancel Sunday's... actually, can I just move it?"
_ASKED_AGAIN = frozenset(("can", "could", "lets", "let", "just", "instead", "move", "change", "make", "would"))
# ... and these say again what it is: "actually it's a filling I need", "actually she's a big dog"
_ASKED_AGAIN |= frozenset(("its", "shes", "hes", "theyre", "thats"))


def _its_weekday(earlier: Interpretation, later: Interpretation) -> bool:
    """`later` says only a weekday, and it is the weekday of the date `earlier` said."""
    if not later.weekday_only or later.day is None or later.last_day is not None or earlier.weekday_only:
        return False
    return earlier.day is not None and earlier.last_day is None and earlier.day.weekday() == later.day.weekday()


def corrected(earlier: Interpretation, later: Interpretation) -> Interpretation:
    """The turn as corrected: `later` over `earlier`, keeping what `later` did not say again."""
    if later.intent in _TASKS and earlier.intent in _TASKS and later.intent is not earlier.intent:
        return later  # "cancel it, actually no, move it to Monday": Friday was the appointment, not a new day
    kept = later
    if kept.service_id is None and not kept.service_choices:
        kept = replace(
            kept,
            service_id=earlier.service_id,
            more_services=earlier.more_services,
            service_choices=earlier.service_choices,
        )
    if kept.staff_id is None:
        kept = replace(kept, staff_id=earlier.staff_id)
    refers = kept.refers  # "..., ah no, it's the child check-up, same time": the day said first stays too
    names_a_day = refers.same_day or refers.weeks or refers.beside is not None or refers.shift_minutes
    if kept.day is None and not names_a_day:
        kept = replace(kept, day=earlier.day, last_day=earlier.last_day, weekday_only=earlier.weekday_only)
    if _its_weekday(earlier, kept):  # "13/1 I mean, the Wednesday": the date said, its weekday said again
        kept = replace(kept, day=earlier.day, last_day=None, weekday_only=False)
    says_time = kept.at is not None or kept.part_of_day is not None or not kept.bounds.unbounded or kept.earliest
    if not says_time and not kept.refers.said and not kept.latest:
        kept = replace(
            kept,
            at=earlier.at,
            approximate=earlier.approximate,
            part_of_day=earlier.part_of_day,
            bounds=earlier.bounds,
            earliest=earlier.earliest,
        )
    if kept.refers.same_time and kept.at is None and earlier.at is not None:  # "Thursday at ten, oh no, Friday,
        kept = replace(kept, at=earlier.at, approximate=earlier.approximate)  # same time?": the ten just said
    if kept.intent in (Intent.INFORM, Intent.UNKNOWN, Intent.DENY) and earlier.intent in _TASKS:
        kept = replace(kept, intent=earlier.intent)
    elif kept.intent is Intent.UNKNOWN and kept.has_details:
        kept = replace(kept, intent=Intent.INFORM)
    unsure = tuple(dict.fromkeys((*earlier.unsure, *kept.unsure))) if kept.day == earlier.day else kept.unsure
    return replace(kept, unsure=unsure, text=earlier.text)
