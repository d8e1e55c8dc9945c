"""A caller's words as they may be shown in a log: every word visible, except the digits of a phone number.

A phone number is said digit by digit ("two one two, five five five, oh one two three", "double five") or typed
("212-555-0123"); a run of at least MASKED_FROM digits is masked, each word or digit becoming "*". Shorter runs
stay visible, so "the second one", "at two", "nine oh five" and "twelve thirty" read as they were heard.
"""

from __future__ import annotations

import re

__all__ = ["MASKED_FROM", "mask_phone_digits"]

MASKED_FROM = 4
"""Digits in a row from which they are masked: no phone number is shorter, and fewer identify nobody."""

_DIGIT_WORDS = frozenset({"zero", "oh", "o", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"})
_REPEATS = {"double": 2, "triple": 3}
# Inside a run only, as the interpreter reads them: "five five five, twelve thirty four".
_TEENS_AND_TENS = frozenset(
    {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
    | {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
)
_TOKEN = re.compile(r"\S+")
_TRIM = ".,;:!?\"'()"
_TYPED = re.compile(r"[+(]*\d[\d().\-]*")


def _digits(word: str, following: str, started: bool) -> int:
    """How many digits `word` says (0: none)."""
    bare = word.strip(_TRIM).lower()
    if _TYPED.fullmatch(word.strip(",.;:!?\"'")):
        return sum(c.isdigit() for c in word)
    if bare in _DIGIT_WORDS:
        return 1
    if bare in _REPEATS and following.strip(_TRIM).lower() in _DIGIT_WORDS:
        return _REPEATS[bare] - 1  # the digit word after it counts the last one
    if started and bare in _TEENS_AND_TENS:
        return 2
    return 0


def _masked(word: str) -> str:
    if any(c.isdigit() for c in word):
        return re.sub(r"\d", "*", word)
    return "*"


def mask_phone_digits(text: str) -> str:
    """`text` with every run of MASKED_FROM or more digits (spoken or typed) masked, word for word."""
    tokens = list(_TOKEN.finditer(text))
    words = [t.group() for t in tokens]
    masked = list(words)
    start = 0
    while start < len(words):
        end, count = start, 0
        while end < len(words) and (
            n := _digits(words[end], words[end + 1] if end + 1 < len(words) else "", count > 0)
        ):
            count += n
            end += 1
        if count >= MASKED_FROM:
            masked[start:end] = [_masked(w) for w in words[start:end]]
        start = max(end, start + 1)
    pieces, last = [], 0
    for token, word in zip(tokens, masked, strict=True):
        pieces += [text[last : token.start()], word]
        last = token.end()
    return "".join([*pieces, text[last:]])
