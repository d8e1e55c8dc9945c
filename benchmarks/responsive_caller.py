"""A scripted caller who answers like a person when the agent did not get it (issue 14's spoken calls).

A fixed script says its next line whatever the agent said, so one mis-heard turn puts every later line out of step
("yes" said to "What day would you like?"). A person instead says it again when told "Sorry, I didn't catch that",
answers "was that 10 AM or 11 AM?" with the time of the offer they chose, answers "which day did you mean?" with the
day (and time) they said, answers "Friday, November 27th or Friday, December 4th?" with the one their "this" or
"next" meant ("friday the 4th"), and says yes or no again when asked to. This caller does that, at most
`MAX_REPEATS` times a line, and otherwise says the script's next line. What the agent said comes from its own
synthesiser (`AgentWords`), the words it spoke on the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from slotline.application.ports import TextToSpeech

__all__ = ["AgentWords", "responsive_lines"]

MAX_REPEATS = 2
_ASKED_AGAIN = ("Sorry, I didn't catch that", "Sorry, I want to get this right", "Please say yes or no")
_STILL_THERE = "Are you still there?"
_WAS_THAT = re.compile(r"Sorry, was that (.+)\?")
_TIME = re.compile(r"\b(?:\d{1,2}(?::\d\d)? [AP]M|noon|midnight)")
_OFFERS = re.compile(r"\bI have (.+)")
_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1}
_ORDINAL = re.compile(r"\bthe (first|second|third|fourth|last)\b")
_WHICH_DAY = re.compile(r"\bwhich day\b")
# "Sorry, I want to get this right: Friday, November 27th or Friday, December 4th?"
_EITHER_DAY = re.compile(r"(\w+day), \w+ (\d{1,2}(?:st|nd|rd|th)) or (\w+day), \w+ (\d{1,2}(?:st|nd|rd|th))\?")
_DAY = re.compile(
    r"\b(?:(?:next|this) )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow)"
    r"(?: (?:morning|afternoon|evening))?(?: at (?:\w+)(?: (?:thirty|fifteen|forty five|o'clock|a\.m\.|p\.m\.))?)?"
)


class AgentWords:
    """Wraps the agent's synthesiser and keeps every sentence it spoke, in order."""

    def __init__(self, inner: TextToSpeech) -> None:
        self._inner = inner
        self.said: list[str] = []

    async def synthesize(self, text: str, sample_rate: int) -> bytes:
        self.said.append(text)
        return await self._inner.synthesize(text, sample_rate)


def _offered_times(sentences: Sequence[str]) -> list[str]:
    """The times of the last list of offers ("... I have 9 AM with Jo, 10 AM with Jo, or 11 AM with Jo.")."""
    for sentence in reversed(sentences):
        offers = _OFFERS.search(sentence)
        if offers is not None and not sentence.startswith("Sorry"):
            return _TIME.findall(offers.group(1))
    return []


def _answer_to_which(question: str, chosen: str | None) -> str | None:
    """ "Sorry, was that 9 AM with Jo or 11 AM with Jo?": the chosen offer's time, as a person would say it."""
    if chosen is None:
        return None
    return f"the {chosen} one please" if chosen in _TIME.findall(question) else f"no, the {chosen} one"


def responsive_lines(script: Sequence[str], agent: AgentWords) -> Iterator[str]:
    """The script's lines, each said again (or answered by time) while the agent asks for it again."""
    seen = 0
    chosen: str | None = None  # the time of the offer the caller picked by its place in the list
    said: list[str] = []
    for line in script:
        said.append(line)
        for attempt in range(MAX_REPEATS + 1):
            new = agent.said[seen:]
            seen = len(agent.said)
            if attempt == 0:
                ordinal = _ORDINAL.search(line)
                times = _offered_times(agent.said)
                if ordinal is not None and times:
                    place = _ORDINALS[ordinal.group(1)]
                    chosen = times[place] if -len(times) <= place < len(times) else None
                yield line
                continue
            asked = " ".join(new)
            which = _WAS_THAT.search(asked)
            if which is not None and (answer := _answer_to_which(which.group(1), chosen)) is not None:
                yield answer
            elif (either := _EITHER_DAY.search(asked)) is not None and (day := _day_said(said)) is not None:
                yield _one_of_two(either, day)  # "next friday" of "Friday, November 27th or Friday, December 4th?"
            elif _WHICH_DAY.search(asked) and (day := _day_said(said)) is not None:
                yield day  # "Sorry, I want to get this right: which day did you mean?" "tuesday morning"
            elif any(phrase in asked for phrase in _ASKED_AGAIN) or asked.strip() == _STILL_THERE:
                yield line
            else:
                break  # the agent went on: the script's next line


def _day_said(lines: Sequence[str]) -> str | None:
    """The day (with its part of the day or time) in the caller's latest line that names one."""
    for line in reversed(lines):
        found = _DAY.search(line.lower())
        if found is not None:
            return found.group(0)
    return None


def _one_of_two(either: re.Match[str], day: str) -> str:
    """The day meant, of two the agent named, as a person says it: "friday the 4th" for "next friday" (the later of
    the two), "friday the 27th" for "this friday" or a bare "friday" (the earlier)."""
    weekday, date = (either.group(3), either.group(4)) if day.startswith("next") else either.group(1, 2)
    return f"{weekday.lower()} the {date}"
