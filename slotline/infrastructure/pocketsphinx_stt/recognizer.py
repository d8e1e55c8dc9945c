"""One pocketsphinx decoder, decoding whole caller turns."""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass

from pocketsphinx import Decoder

from slotline.application.errors import SpeechUnavailable
from slotline.infrastructure.pocketsphinx_stt.audio import DECODER_RATE
from slotline.infrastructure.pocketsphinx_stt.model import DomainModel

__all__ = ["DecodedWords", "Recognizer"]

_FRAMES_PER_SECOND = 100  # the en-us model's frame rate
_MIN_SAMPLES = DECODER_RATE // 10  # less than 0.1 s is not a word (and an empty chunk crashes process_raw)
_KEPT_GRAMMARS = 4  # grammar searches kept per decoder (a call's questions repeat: "which one?", "shall I book it?")


@dataclass(frozen=True, slots=True)
class DecodedWords:
    """The decoder's best guess: words without silences or noise markers, and how long they took to say."""

    words: tuple[str, ...]
    speech_seconds: float
    posteriors: tuple[float, ...] = ()
    """Each word's posterior probability in the lattice (0-1)."""
    alternatives: tuple[tuple[str, ...], ...] = ()
    """The next best hypotheses' words (n-best), when asked for."""


class Recognizer:
    """A Decoder (not thread-safe) behind a lock; every turn starts from a fresh front end, so results repeat.

    `second_pass=False` drops pocketsphinx's flat-lexicon pass (fwdflat) after the tree search: about a quarter
    faster, but its word posteriors are worse and more right answers are rejected (docs/speech.md).
    `carry_over=True` keeps the front end's noise and cepstral-mean estimates from turn to turn instead (measured
    slightly worse, and then the same audio can decode differently depending on what came before).
    """

    def __init__(self, model: DomainModel, *, carry_over: bool = False, second_pass: bool = True) -> None:
        self._carry_over = carry_over
        try:
            self._decoder = Decoder(
                hmm=str(model.acoustic_model),
                lm=str(model.language_model),
                dict=str(model.dictionary),
                samprate=DECODER_RATE,
                fwdflat=second_pass,
                loglevel="FATAL",
            )
        except (RuntimeError, ValueError) as exc:
            raise SpeechUnavailable(f"pocketsphinx could not load {model.directory}: {exc}") from exc
        self._lock = threading.Lock()
        self._searches: dict[str, str] = {}  # grammar text -> search name, oldest first
        self._names = itertools.count()
        self._active: str | None = None

    def decode(self, pcm16k: bytes, alternatives: int = 0, grammar: str | None = None) -> DecodedWords:
        """Decode one whole turn of 16 kHz PCM16 (blocking; call it off the event loop).

        `alternatives`: also list up to this many n-best hypotheses. `grammar`: decode with this JSGF grammar
        instead of the language model (searches are kept per grammar text, the last few).
        """
        if len(pcm16k) // 2 < _MIN_SAMPLES:
            return DecodedWords((), 0.0)
        with self._lock:
            search = self._search_for(grammar) if grammar else None
            if search != self._active:
                self._decoder.activate_search(search)  # None: the language model
                self._active = search
            # A fresh front end per turn: the noise and cepstral-mean estimates otherwise carry over from the
            # previous turn and change what the same audio decodes to. The whole turn is passed at once
            # (full_utt), so the mean is the turn's own.
            if not self._carry_over:
                self._decoder.reinit_feat()
            self._decoder.start_utt()
            self._decoder.process_raw(pcm16k, False, True)
            self._decoder.end_utt()
            # A grammar search that reaches no end state has no hypothesis: seg() gives None, nbest() Nones
            segments = [(s.word, s.start_frame, s.end_frame, s.prob) for s in self._decoder.seg() or ()]
            best = self._decoder.nbest() if alternatives else None
            others = [h.hypstr for _, h in zip(range(alternatives), best or (), strict=False) if h is not None]
        spoken = [(w.split("(", 1)[0], a, b, p) for w, a, b, p in segments if not w.startswith(("<", "["))]
        if not spoken:
            return DecodedWords((), 0.0)
        seconds = (spoken[-1][2] - spoken[0][1] + 1) / _FRAMES_PER_SECOND
        return DecodedWords(
            tuple(s[0] for s in spoken),
            seconds,
            tuple(float(s[3]) for s in spoken),
            tuple(tuple(w for w in h.split() if not w.startswith(("<", "["))) for h in others),
        )

    def _search_for(self, grammar: str) -> str:
        name = self._searches.get(grammar)
        if name is None:
            name = f"expected-{next(self._names)}"
            try:
                self._decoder.add_jsgf_string(name, grammar)
            except ValueError as exc:
                raise SpeechUnavailable(f"pocketsphinx refused a grammar: {exc}") from exc
            self._searches[grammar] = name
            while len(self._searches) > _KEPT_GRAMMARS:
                self._decoder.remove_search(self._searches.pop(next(iter(self._searches))))
        return name
