"""Recogniser or typed text turned into a list of plain lower-case words, and the bookkeeping of claimed words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = [
    "BLANK",
    "Found",
    "cannot_be_there_by",
    "claim",
    "negated_before",
    "negation_start",
    "normalise",
    "word_at",
    "wordset",
]

T = TypeVar("T")


def wordset(text: str) -> frozenset[str]:
    """A vocabulary written as one space-separated string, which keeps long word lists readable."""
    return frozenset(text.split())


# A word already understood by an earlier extractor is blanked so that later ones cannot reuse it.
BLANK = ""

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
# A form's or a thing's code ("W-2", "I-9", "B-12", "1040-X", "W-2s"): letters joined to digits by a hyphen
_FORM_CODE = re.compile(r"\b(?:[a-z]{1,2}-\d{1,4}s?|\d{2,4}-[a-z])\b")
_DOTTED_CLOCK = re.compile(r"\b(\d{1,2})\.(\d{2})\b")
_DOTTED_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?!\d)")  # "01.12.2026", "1.12."
_CLOCK_LEADS = frozenset({"at", "around", "about", "by", "before", "after", "from", "until", "till", "to", "say"})
_DOTTED_MERIDIEM = re.compile(r"\b([ap])\.\s?m\b\.?")
_WOULD = re.compile(r"\b(i|we|you|they|he|she)'d\b")
# A question's "or not" tag ("you all open today or not?", "earlier got or not?", "can or not?") rules nothing out.
_OR_NOT_TAG = re.compile(r"\bor not\b(?=\s*(?:[?.!,;]|$))")
_PLUS = re.compile(r"\+\s*(?=\d)")  # "+44 20 ..." keeps its plus as a word
# "m3", "a40" (roads, flights, rooms) are one word, never a number: "the M3 in the morning" is no 3 AM ("x4" is an
# extension)
# A 3-4 digit code with a letter ("1040x") is one word; not "930a"/"930p" (a time), "14h", "1000s".
_TOKEN = re.compile(
    r"\d{1,2}:\d{2}|\d{1,4}(?:/\d{1,4}){1,2}|(?<![\d:])\d{3,4}[bcefgijklnoqruvwxyz](?![a-z])|\d+(?:st|nd|rd|th)?"
    r"|(?<!\d)(?!x\d|ext\d)[a-z]+\d+[a-z]*|[a-z]+"
)

_FILLERS = frozenset({"um", "umm", "uh", "uhh", "uhm", "er", "erm", "err", "ah", "ahh", "eh", "hmm", "hm", "mm", "mmm"})
_FILLER_PAIRS = frozenset({("you", "know"), ("kind", "of"), ("sort", "of")})  # "i mean" marks a correction
# Mild oaths that open a turn or follow "oh": "oh shoot, tuesday's no good" names no "shots" (a vaccination).
_INTERJECTIONS = frozenset({"shoot", "darn", "dang", "shucks", "gosh", "crap", "damn", "drat", "heck", "jeez", "geez"})
_INTERJECTION_AFTER = frozenset({"oh", "aw", "aww", "ach", "och"})
# "like" is a filler except as the verb in "i would like", "we'd like", "do you like", and in "is it like ...?".
_LIKE_AS_VERB_AFTER = frozenset(
    {"would", "i", "we", "you", "they", "dont", "do", "id", "wed", "youd", "also", "it", "that"}
)
_GLUED = {
    ("uh", "huh"): "uhhuh",
    ("mm", "hmm"): "mmhmm",
    ("a", "m"): "am",
    ("p", "m"): "pm",
    ("o", "clock"): "oclock",
    ("good", "bye"): "goodbye",
}
# Everyday spoken forms written out: "do yous do laser?" (Scottish, Irish), "y'all", "wanna", "gonna".
_SPOKEN_FORMS = {
    "yous": ("you",),
    "youse": ("you",),
    "yall": ("you",),
    "allyuh": ("you",),  # Trinidadian: "if allyuh have space"
    "wanna": ("want", "to"),
    "gonna": ("going", "to"),
    "gotta": ("got", "to"),
    # Australian weekdays as said: "Thursdee", "Satdee"
    **{
        said: (day,)
        for said, day in (
            ("mondee", "monday"),
            ("tuesdee", "tuesday"),
            ("wednesdee", "wednesday"),
            ("thursdee", "thursday"),
            ("fridee", "friday"),
            ("satdee", "saturday"),
            ("saturdee", "saturday"),
            ("sundee", "sunday"),
        )
    },
    # a number and its "'s" ("nine's perfect", "ten's fine"); not "ones" ("the early ones")
    **{
        f"{n}{'es' if n == 'six' else 's'}": (n, "is")
        for n in ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
    },
    # a dropped "g" ("this mornin'", "fixin' to", "somethin' later")
    **{
        f"{stem}in": (f"{stem}ing",)
        for stem in (
            "morn",
            "even",
            "noth",
            "someth",
            "anyth",
            "fix",
            "go",
            "com",
            "gett",
            "do",
            "look",
            "wonder",
            "think",
            "work",
            "book",
            "want",
            "hop",
            "try",
            "call",
            "ask",
            "feel",
            "mov",
            "cancell",
        )
    },
    # slang for a symptom a catalogue names plainly ("throwing up", "vomiting")
    "puking": ("throwing", "up"),
    "barfing": ("throwing", "up"),
    "puked": ("threw", "up"),
    "barfed": ("threw", "up"),
}
_NEGATIONS = wordset("not except cant cannot dont never")
_NEGATED_VERBS = wordset("do make come on at for want")  # "can't do tuesday", "not on friday", "don't want three"
_CANNOT_MAKE = wordset("make do come attend")  # "can't make it on thursday", "can't make my filling on thursday"
_NUMBER_STEMS = wordset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty noon midday lunch"
)  # "fourish", "noonish"
_NUMBER_WORDS = _NUMBER_STEMS | wordset(
    "thirteen fourteen fifteen sixteen seventeen eighteen nineteen oclock hundred noon"
)


@dataclass(frozen=True, slots=True)
class Found(Generic[T]):
    """Something understood, and the words [start, end) it was read from."""

    value: T
    start: int
    end: int


def _tokens(text: str) -> list[str]:
    text = _unaccented(text).lower().translate(_QUOTES)
    text = _ISO_DATE.sub(r"\1/\2/\3", text)
    text = _FORM_CODE.sub(lambda m: m.group(0).replace("-", ""), text)  # "W-2s", "1040-X": one word, no number
    text = _OR_NOT_TAG.sub(" ", text)
    text = _PLUS.sub(" plus ", text)
    text = _DOTTED_DATE.sub(_dotted_date, text)
    text = _DOTTED_CLOCK.sub(r"\1:\2", text)
    text = _DOTTED_MERIDIEM.sub(r" \1m ", text)
    text = _WOULD.sub(r"\1 would", text).replace("'", "")
    out: list[str] = []
    for token in _TOKEN.findall(text):
        if token.endswith("ish") and token[:-3] in _NUMBER_STEMS:
            out += [token[:-3], "ish"]
        else:
            out += _SPOKEN_FORMS.get(token, (token,))
    return out


def _dotted_date(match: re.Match[str]) -> str:
    """ "01.12.2026" and "1.12." (with the closing dot) are dates, typed day first or month first alike; "at 9.30."
    and "10.45." (not a month) stay clock times."""
    day, month, year = match.group(1), match.group(2), match.group(3)
    before = match.string[: match.start()].split()
    if year is None and (int(month) > 12 or (before and before[-1] in _CLOCK_LEADS)):
        return match.group(0)
    return f"{day}/{month}" + (f"/{year}" if year else "") + " "


def _glue(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        glued = _GLUED.get((out[-1], token)) if out else None
        if glued in ("am", "pm") and not (len(out) > 1 and _is_number(out[-2])):
            glued = None  # "a m" is a.m. only after a number
        if glued is None:
            out.append(token)
        else:
            out[-1] = glued
    return out


def _is_number(token: str) -> bool:
    return token[:1].isdigit() or token in _NUMBER_WORDS


def _drop_fillers(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for i, token in enumerate(tokens):
        if token in _FILLERS or (token in _INTERJECTIONS and (not out or out[-1] in _INTERJECTION_AFTER)):
            continue
        about = i + 1 < len(tokens) and _is_number(tokens[i + 1])  # "after work, like 6": about 6
        if token == "like" and not about and not (out and out[-1] in _LIKE_AS_VERB_AFTER):
            continue
        if out and (out[-1], token) in _FILLER_PAIRS:
            if (out[-1], token) == ("you", "know") and i + 1 < len(tokens) and tokens[i + 1] == "what":
                out[-1] = "yknow"  # "..., you know what, make it a gel manicure": a correction, kept as one word
                continue
            out.pop()
            continue
        out.append(token)
    return out


def _unaccented(text: str) -> str:
    """ "après-midi" as "apres-midi", "Marc-André" as "Marc-Andre": accents folded, so accented words (and names
    typed without them) are words, not fragments."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalise(text: str) -> list[str]:
    """Lower-case words without punctuation or fillers; digits, "3:30" and "12/23" survive as single words."""
    return _drop_fillers(_glue(_tokens(text)))


CLAUSE_END = re.compile(r"[?!,;]+|\.\s+(?=[A-Z])")  # where a caller's typed or transcribed clause ends


def word_at(words: Sequence[str], i: int) -> str:
    """The word at `i`, or BLANK outside the list: lets matchers look around without index checks."""
    return words[i] if 0 <= i < len(words) else BLANK


def claim(words: list[str], found: Found[T]) -> None:
    """Blank the words `found` was read from."""
    for i in range(found.start, found.end):
        words[i] = BLANK


def negated_before(words: Sequence[str], start: int) -> bool:
    """True if the phrase starting at `start` is ruled out: "not tuesday", "can't do friday", "not at three"."""
    before = word_at(words, start - 1)
    if before == "of" and word_at(words, start - 2) == "instead":
        return True  # "next week instead of tomorrow": tomorrow is the day being given up
    if before in _NEGATIONS or (before in _NEGATED_VERBS and word_at(words, start - 2) in _NEGATIONS):
        return True
    on = start - 1 if before == "on" else start if word_at(words, start) == "on" else None
    if on is None:
        return False
    for k in range(on - 1, max(on - 4, 0), -1):  # "can't make it on", "can't make my filling on thursday"
        if words[k] in _CANNOT_MAKE and word_at(words, k - 1) in _NEGATIONS:
            return True
    return False


_NOT_THERE = wordset("cant cannot wont couldnt not never")
_THERE_BY = wordset("get there be in make it arrive come by before until till for at up ready")


def cannot_be_there_by(words: Sequence[str], start: int) -> bool:
    """ "I can't get there by 10", "won't make it for 9": the time the caller cannot make is ruled out."""
    for k in range(start - 1, max(start - 6, -1), -1):
        word = words[k]
        if word in _NOT_THERE:
            return k < start - 1
        if word not in _THERE_BY:
            return False
    return False


def negation_start(words: Sequence[str], start: int) -> int:
    """Where the ruling out of the phrase at `start` begins ("not" in "not tuesday", "cant" in "cant do friday");
    `start` itself when the phrase is not ruled out."""
    if word_at(words, start - 1) in _NEGATIONS:
        return start - 1
    if word_at(words, start - 1) == "of" and word_at(words, start - 2) == "instead":
        return start - 2
    if negated_before(words, start):
        return start - 2
    return start
