"""The measured understanding corpus: whole conversations with their expected outcome (tests/conversations/)."""

from benchmarks.corpus.cases import (
    CATEGORIES,
    SPLITS,
    BookingExpectation,
    Case,
    CorpusFileInvalid,
    Expectation,
    catalogue_path,
    load_cases,
)
from benchmarks.corpus.play import Played, play
from benchmarks.corpus.score import Verdict, score

__all__ = [
    "CATEGORIES",
    "SPLITS",
    "BookingExpectation",
    "Case",
    "CorpusFileInvalid",
    "Expectation",
    "Played",
    "Verdict",
    "catalogue_path",
    "load_cases",
    "play",
    "score",
]
