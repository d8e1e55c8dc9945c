"""What leaves for the model: the caller's words without their phone number or their name."""

from __future__ import annotations

import re

from slotline.domain.spoken_numbers import mask_phone_digits

__all__ = ["NAME", "redacted"]

NAME = "[name]"
_INTRO = re.compile(
    r"\b(my name is|my name's|the name is|name's|under the name|under the name of|call me|this is|it's|it is|i am|i'm)"
    r"\s+((?:[A-Za-z][A-Za-z'\-]*\s*){1,3})",
    re.IGNORECASE,
)
_ALWAYS_NAMES = re.compile(r"my name is|my name's|the name is|name's|under the name|call me", re.IGNORECASE)
# After "this is" / "it's" / "i'm" a name is only taken when the caller is introducing themselves ("this is Ana
# calling", "it's Ana here"); "this is urgent", "i'm free tuesday" are no names.
_SELF = frozenset(("calling", "speaking", "here"))
_STOP = frozenset(
    {"and", "i", "id", "im", "ill", "i'd", "i'm", "i'll", "calling", "speaking", "here", "from", "with", "for"}
    | {"about", "to", "please", "like", "want", "need", "a", "an", "the", "my", "on", "at"}
)


def _name_words(words: list[str]) -> int:
    """How many leading words are the name: up to the first word that is plainly not one."""
    count = 0
    for word in words:
        if word.lower() in _STOP:
            break
        count += 1
    return count


def _replace(match: re.Match[str]) -> str:
    intro, rest = match.group(1), match.group(2)
    words = rest.split()
    count = _name_words(words)
    if count == 0:
        return match.group(0)
    after = words[count].lower() if count < len(words) else ""
    if not _ALWAYS_NAMES.fullmatch(intro) and after not in _SELF:
        return match.group(0)
    kept = " ".join(words[count:])
    trailing = rest[len(rest.rstrip()) :]
    return f"{intro} {NAME}" + (f" {kept}" if kept else "") + trailing


def redacted(utterance: str) -> str:
    """`utterance` with phone digits masked (four or more in a row) and a caller's own name replaced by [name]."""
    return _INTRO.sub(_replace, mask_phone_digits(utterance)).strip()
