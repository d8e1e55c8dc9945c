"""The domain language model and dictionary, built once per catalogue and cached on disk by a hash of the inputs."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from pocketsphinx import get_model_path
from pocketsphinx.lm import ArpaBoLM

from slotline.domain.catalogue import Catalogue
from slotline.infrastructure.pocketsphinx_stt.corpus import alone_slots, domain_grammar, sentences
from slotline.infrastructure.pocketsphinx_stt.coverage import grammar_bigrams
from slotline.infrastructure.pocketsphinx_stt.lexicon import Lexicon, read_cmudict
from slotline.infrastructure.pocketsphinx_stt.phrases import BACKGROUND_WORDS, OFF_TOPIC, TOP

__all__ = ["DomainModel", "LanguageModelSettings", "build_domain_model"]

log = logging.getLogger(__name__)

_FORMAT = "slotline-lm-2"  # change when the files written here change meaning


@dataclass(frozen=True, slots=True)
class LanguageModelSettings:
    discount_mass: float = 0.2
    """Probability kept back for unseen word sequences (0.5 is ArpaBoLM's default; lower is stricter)."""
    background_count: int = 3
    """Each background word counts as if said this many times on its own."""
    off_topic_repeats: int = 2
    """Each off-topic question is in the corpus this many times."""
    seed: int = 5
    """Seed of the sentence sampler."""
    espeak_voice: str = "en-us"
    """Voice whose letter-to-sound rules give names the CMU dictionary lacks."""


@dataclass(frozen=True, slots=True)
class DomainModel:
    """Where the decoder's files are, and what the rejection rule needs to know about the domain."""

    directory: Path
    acoustic_model: Path
    language_model: Path
    dictionary: Path
    known_pairs: frozenset[tuple[str, str]] = field(repr=False)
    words: int
    sentences: int
    build_seconds: float
    from_cache: bool


def _key(text: str, settings: LanguageModelSettings) -> str:
    parts = [_FORMAT, version("pocketsphinx"), repr(settings), str(shutil.which("espeak-ng") is not None), text]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _write(directory: Path, corpus: Sequence[str], settings: LanguageModelSettings) -> tuple[int, int]:
    background = sorted(set(BACKGROUND_WORDS.split()))
    vocabulary = {w for line in corpus for w in line.split()} | set(background)
    lexicon = Lexicon(vocabulary, read_cmudict(Path(get_model_path("en-us/cmudict-en-us.dict"))))
    said = set(lexicon.pronunciations)
    usable = [line for line in corpus if all(w in said for w in line.split())]
    lm = ArpaBoLM(text="\n".join(usable), add_start=True, discount_mass=settings.discount_mass)
    words_file = directory / "background.txt"
    words_file.write_text("\n".join(w for w in background if w in said) + "\n", encoding="utf-8")
    lm.read_word_file(str(words_file), settings.background_count)
    lm.compute()
    lm.write_file(str(directory / "domain.lm"))
    lexicon.write(directory / "domain.dict")
    (directory / "corpus.txt").write_text("\n".join(usable) + "\n", encoding="utf-8")
    return len(said), len(usable)


def build_domain_model(
    catalogue: Catalogue, cache_dir: Path, settings: LanguageModelSettings | None = None
) -> DomainModel:
    """The model for this catalogue: read from `cache_dir` if built before, else built there (blocking)."""
    settings = settings or LanguageModelSettings()
    started = time.perf_counter()
    grammar = domain_grammar(catalogue)
    corpus = sentences(grammar, settings.seed) + OFF_TOPIC * settings.off_topic_repeats
    known = grammar_bigrams(grammar, [*TOP, *alone_slots(grammar)])
    directory = cache_dir / _key("\n".join(corpus), settings)
    from_cache = (directory / "domain.dict").is_file()
    if not from_cache:
        cache_dir.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(dir=cache_dir, prefix=".building-"))
        try:
            _write(scratch, corpus, settings)
            os.replace(scratch, directory)  # atomic: another process building the same model wins or loses whole
        except OSError:
            if not (directory / "domain.dict").is_file():
                raise
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    entries = (directory / "domain.dict").read_text(encoding="utf-8").split("\n")
    words = len({line.split(" ", 1)[0].split("(", 1)[0] for line in entries if line})
    lines = sum(1 for _ in (directory / "corpus.txt").open(encoding="utf-8"))
    seconds = time.perf_counter() - started
    log.info("domain language model %s: %d sentences, %d words, %.2f s", directory.name, lines, words, seconds)
    return DomainModel(
        directory=directory,
        acoustic_model=Path(get_model_path("en-us/en-us")),
        language_model=directory / "domain.lm",
        dictionary=directory / "domain.dict",
        known_pairs=known,
        words=words,
        sentences=lines,
        build_seconds=seconds,
        from_cache=from_cache,
    )
