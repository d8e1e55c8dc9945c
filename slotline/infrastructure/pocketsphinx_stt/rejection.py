"""Telling a booking utterance from speech the language model forced into booking words.

A domain language model turns "my cat is called felix" into domain words ("my colour to the all really"), and the
decoder's sentence score is no confidence. Two signals, combined in code, tell them apart (measured in docs/speech.md):
- word pairs: out-of-domain speech lands on adjacent words (with the sentence start and end) that the phrase
  grammar never produces, or on background words that pair with nothing;
- word posteriors: the lattice gives each word a posterior probability; forced words get low ones.
score = mean word posterior - 2 x (share of word pairs the grammar cannot produce); below 0.3 the turn is rejected.
A turn faster than a person talks (more than 6 words a second) is rejected too.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from slotline.infrastructure.pocketsphinx_stt.coverage import SENTENCE_END, SENTENCE_START
from slotline.infrastructure.pocketsphinx_stt.recognizer import DecodedWords

__all__ = ["FILLERS", "DomainFilter", "RejectionRule"]

# Hesitations are transparent: "a uh haircut" is judged as "a haircut".
FILLERS = frozenset({"um", "uh", "umm", "uhh", "hmm", "er", "ah"})


@dataclass(frozen=True, slots=True)
class RejectionRule:
    min_score: float = 0.3
    """Turns scoring below this are rejected (score = mean posterior - unseen_weight x unseen pair share)."""
    unseen_weight: float = 2.0
    """How much a word pair outside the grammar costs, against the mean word posterior."""
    max_words_per_second: float = 6.0
    """Faster than this is not a person talking."""


@dataclass(frozen=True, slots=True)
class Judgement:
    score: float
    unseen_pairs: int
    reason: str | None
    """Why the turn was rejected, or None if it was accepted."""


class DomainFilter:
    """Scores a hypothesis against the phrase grammar and says whether to keep it."""

    def __init__(self, known_pairs: frozenset[tuple[str, str]], rule: RejectionRule | None = None) -> None:
        self._known = known_pairs
        self._rule = rule or RejectionRule()

    def unseen_pairs(self, words: Sequence[str]) -> int:
        said = [SENTENCE_START, *(w for w in words if w not in FILLERS), SENTENCE_END]
        return sum(1 for pair in itertools.pairwise(said) if pair not in self._known)

    def judge(self, heard: DecodedWords) -> Judgement:
        kept = [(w, p) for w, p in zip(heard.words, heard.posteriors, strict=False) if w not in FILLERS]
        if not kept:
            return Judgement(0.0, 0, "no words")
        unseen = self.unseen_pairs(heard.words)
        mean_posterior = sum(p for _, p in kept) / len(kept)
        score = mean_posterior - self._rule.unseen_weight * unseen / (len(kept) + 1)
        reason = None
        if score < self._rule.min_score:
            reason = f"score {score:.2f}: mean posterior {mean_posterior:.2f}, {unseen} pairs outside the domain"
        elif heard.speech_seconds > 0 and len(heard.words) / heard.speech_seconds > self._rule.max_words_per_second:
            reason = f"{len(heard.words) / heard.speech_seconds:.1f} words per second"
        return Judgement(score, unseen, reason)
