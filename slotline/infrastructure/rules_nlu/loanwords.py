"""Swahili and Malay words a Kenyan or Malaysian caller mixes into English ("kesho morning", "esok can?", "saa nne
asubuhi"), turned into the English words the readers know; the particles of Malaysian English ("lah", "hor") are
dropped, as they change nothing."""

from __future__ import annotations

from slotline.infrastructure.rules_nlu.words import wordset

__all__ = ["loanwords"]

_DROPPED = wordset("lah leh lor meh hor sasa pole")  # particles, and Swahili "hi" and "sorry to hear"
_WORDS = {
    # Swahili
    **{"kesho": "tomorrow", "leo": "today", "sawa": "okay", "ndio": "yes", "ndiyo": "yes", "hapana": "no"},
    **{"asante": "thanks", "ama": "or", "jumatatu": "monday", "jumanne": "tuesday", "jumatano": "wednesday"},
    **{"alhamisi": "thursday", "ijumaa": "friday", "jumamosi": "saturday", "jumapili": "sunday"},
    # Malay
    **{
        "esok": "tomorrow",
        "besok": "tomorrow",
        "lusa": "overmorrow",
        "boleh": "can",
        "tak": "not",
        "isnin": "monday",
        "selasa": "tuesday",
        "rabu": "wednesday",
    },
    **{"khamis": "thursday", "jumaat": "friday", "sabtu": "saturday", "ahad": "sunday"},
}
# Parts of the day, said after a day or a time with no "in the" ("kesho asubuhi", "esok pagi").
_PARTS = {
    **{"asubuhi": "morning", "mchana": "afternoon", "alasiri": "afternoon", "jioni": "evening", "usiku": "night"},
    **{"pagi": "morning", "petang": "afternoon", "malam": "night"},
}
_PAIRS = {
    ("kesho", "kutwa"): "overmorrow",  # the day after tomorrow
    ("wiki", "ijayo"): "next week",
    ("wiki", "hii"): "this week",
    ("hari", "ini"): "today",
    ("terima", "kasih"): "thanks",
    ("minggu", "depan"): "next week",
}
# Swahili hours count from 6 in the morning and 6 in the evening: "saa nne" is ten o'clock, "saa saba" one.
_SWAHILI_NUMBERS = {
    "moja": 1,
    "mbili": 2,
    "tatu": 3,
    "nne": 4,
    "tano": 5,
    "sita": 6,
    "saba": 7,
    "nane": 8,
    "tisa": 9,
    "kumi": 10,
}


def loanwords(words: list[str]) -> list[str]:
    """`words` with the Swahili and Malay words in English: "kesho kutwa" as the day after tomorrow, "saa nne
    asubuhi" as at ten in the morning."""
    out: list[str] = []
    i = 0
    while i < len(words):
        word, after = words[i], words[i + 1] if i + 1 < len(words) else ""
        if word == "saa" and after in _SWAHILI_NUMBERS:
            count, i = _swahili_count(words, i + 1)
            out += ["at", str((count + 5) % 12 + 1)]
            continue
        if (word, after) in _PAIRS:
            out += _PAIRS[word, after].split()
            i += 2
            continue
        if word in _PARTS:
            out += [_PARTS[word]] if out[-1:] in (["the"], ["this"]) else ["in", "the", _PARTS[word]]
        elif word not in _DROPPED:
            out.append(_WORDS.get(word, word))
        i += 1
    return out


def _swahili_count(words: list[str], i: int) -> tuple[int, int]:
    """The number said from word `i` ("nne", "kumi na moja") and where it ends."""
    count = _SWAHILI_NUMBERS[words[i]]
    if count == 10 and words[i + 1 : i + 2] == ["na"] and words[i + 2 : i + 3] in (["moja"], ["mbili"]):
        return count + _SWAHILI_NUMBERS[words[i + 2]], i + 3
    return count, i + 1
