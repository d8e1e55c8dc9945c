"""Hearing a phone number said digit by digit (issue 14), when the question asked for one.

The domain language model cannot hear digit strings (its corpus has none: "two one two, five five five..." came out
"to want to i'd like dye in the all one to three" even at 16 kHz), so at "What number can we text?" the turn is also
decoded with a grammar of digits ("oh", "zero", "double", "triple", an optional "my number is"). Its words stand when
they hold a whole number's worth of digits and the language model heard no sign the caller said something else
("i'd rather talk to someone"). A digit misheard is caught by the read-back that follows ("That's 2 1 2, 5 5 5 ...,
is that right?"): the number is never used before the caller says yes.
"""

from __future__ import annotations

from typing import Protocol

from slotline.infrastructure.pocketsphinx_stt.expected import KeptWords
from slotline.infrastructure.pocketsphinx_stt.recognizer import DecodedWords

__all__ = ["DIGITS_GRAMMAR", "MIN_DIGITS", "hear_digits"]

_DIGITS = "zero | oh | one | two | three | four | five | six | seven | eight | nine"
DIGITS_GRAMMAR = "\n".join(
    [
        "#JSGF V1.0;",
        "grammar digits;",
        "public <turn> = [<lead>] <digit> <digit>+ [<tail>];",
        "<lead> = um | uh | yes | yeah | okay | sure | my number is | it is | the number is;",
        f"<digit> = {_DIGITS} | double <single> | triple <single>;",
        f"<single> = {_DIGITS};",
        "<tail> = please | thanks | thank you;",
    ]
)
MIN_DIGITS = 7
"""Fewer digits are no phone number (the interpreter needs a whole one): the turn is decoded as before."""

_DIGIT_WORDS = frozenset(_DIGITS.replace("|", " ").split())
_SOMETHING_ELSE = frozenset(
    ("talk", "someone", "person", "human", "receptionist", "rather", "cancel", "goodbye", "bye", "calling", "landline")
)


class DigitsDecoder(Protocol):
    def decode(self, pcm16k: bytes, alternatives: int = 0, grammar: str | None = None) -> DecodedWords: ...


def hear_digits(recognizer: DigitsDecoder, audio: bytes, heard: DecodedWords, rejected: str | None) -> KeptWords:
    """The words to act on at a question asking for a phone number: the digit grammar's, or the language model's
    judged as before (`rejected`: the rejection rule's verdict on `heard`)."""
    as_before = KeptWords(() if rejected else heard.words, rejected)
    if _SOMETHING_ELSE.intersection(heard.words):
        return as_before  # "i'd rather talk to someone", "use the number i'm calling from"
    digits = recognizer.decode(audio, grammar=DIGITS_GRAMMAR)
    if _count(digits.words) < MIN_DIGITS:
        return as_before
    return KeptWords(digits.words, None)


def _count(words: tuple[str, ...]) -> int:
    """Digits said ("double five" is two, "triple five" three)."""
    repeats = {"double": 1, "triple": 2}  # besides the digit after them
    return sum(1 for w in words if w in _DIGIT_WORDS) + sum(repeats.get(w, 0) for w in words)
