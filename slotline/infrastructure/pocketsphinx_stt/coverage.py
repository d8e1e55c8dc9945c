"""Every pair of adjacent words the phrase grammar can produce: what "in domain" means to the rejection rule.

Computed from the templates themselves, not from the sampled corpus, so no pair depends on the luck of the draw.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

__all__ = ["SENTENCE_END", "SENTENCE_START", "grammar_bigrams"]

SENTENCE_START = "<s>"
SENTENCE_END = "</s>"
_SLOT = re.compile(r"^\{(\w+)\}$")

Bigram = tuple[str, str]


@dataclass(frozen=True, slots=True)
class _Span:
    """What a piece of grammar can say: its possible first and last words, inner pairs, and whether it can be empty."""

    first: frozenset[str]
    last: frozenset[str]
    pairs: frozenset[Bigram]
    empty: bool


_EMPTY = _Span(frozenset(), frozenset(), frozenset(), True)


def _word(word: str) -> _Span:
    one = frozenset({word})
    return _Span(one, one, frozenset(), False)


def _then(left: _Span, right: _Span) -> _Span:
    return _Span(
        first=left.first | right.first if left.empty else left.first,
        last=left.last | right.last if right.empty else right.last,
        pairs=left.pairs | right.pairs | {(a, b) for a in left.last for b in right.first},
        empty=left.empty and right.empty,
    )


def _either(spans: Iterable[_Span]) -> _Span:
    first: set[str] = set()
    last: set[str] = set()
    pairs: set[Bigram] = set()
    empty = False
    for span in spans:
        first |= span.first
        last |= span.last
        pairs |= span.pairs
        empty = empty or span.empty
    return _Span(frozenset(first), frozenset(last), frozenset(pairs), empty)


class _Spans:
    def __init__(self, grammar: Mapping[str, Sequence[str]]) -> None:
        self._grammar = grammar
        self._done: dict[str, _Span] = {}

    def slot(self, name: str) -> _Span:
        if name not in self._done:
            self._done[name] = _either(self.template(t) for t in self._grammar[name])
        return self._done[name]

    def template(self, template: str) -> _Span:
        span = _EMPTY
        for token in template.split():
            slot = _SLOT.match(token)
            span = _then(span, self.slot(slot.group(1)) if slot else _word(token))
        return span


def grammar_bigrams(grammar: Mapping[str, Sequence[str]], sentence_slots: Iterable[str]) -> frozenset[Bigram]:
    """Word pairs of every sentence the grammar can say from `sentence_slots`, with <s> and </s> at the ends."""
    spans = _Spans(grammar)
    whole = _either(_then(_then(_word(SENTENCE_START), spans.slot(s)), _word(SENTENCE_END)) for s in sentence_slots)
    return whole.pairs
