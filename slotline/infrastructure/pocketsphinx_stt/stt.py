"""SpeechToText with pocketsphinx and a language model of what callers say to this business."""

from __future__ import annotations

import asyncio
import logging
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from slotline.application.errors import SpeechUnavailable
from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.expectation import Expectation
from slotline.domain.spoken_numbers import mask_phone_digits
from slotline.infrastructure.pocketsphinx_stt.audio import DECODER_RATE, for_decoder
from slotline.infrastructure.pocketsphinx_stt.expected import (
    ExpectationSettings,
    KeptWords,
    answers_for,
    hear_expected,
    vocabulary,
)
from slotline.infrastructure.pocketsphinx_stt.model import DomainModel, LanguageModelSettings, build_domain_model
from slotline.infrastructure.pocketsphinx_stt.recognizer import Recognizer
from slotline.infrastructure.pocketsphinx_stt.rejection import DomainFilter, RejectionRule

__all__ = ["PocketsphinxCallSpeechToText", "PocketsphinxSettings", "PocketsphinxSpeechToText", "Recognition"]


@dataclass(frozen=True, slots=True)
class PocketsphinxSettings:
    language_model: LanguageModelSettings = field(default_factory=LanguageModelSettings)
    rejection: RejectionRule = field(default_factory=RejectionRule)
    noise_floor_dbfs: float | None = -50.0
    """White noise added under the caller's audio: digital silence confuses the acoustic model (None: none)."""
    narrowband_floor_dbfs: float | None = -30.0
    """A louder floor only above the band of audio under 16 kHz (above 3.8 kHz for 8 kHz lines), which upsampling
    leaves empty: 8 kHz intents right went from 60 to 68 of 160 (docs/speech.md). None: none."""
    pad_s: float = 0.2
    """Floor noise added before and after each turn."""
    idle_decoders: int = 4
    """Decoders kept for reuse once calls end (each holds the acoustic model, about 7 MB)."""
    carry_over: bool = False
    """Keep the decoder's noise and mean estimates between turns (see Recognizer); off, results repeat exactly."""
    second_pass: bool = True
    """Run pocketsphinx's second (fwdflat) search pass: without it decoding is about a quarter faster, but intents
    right fell from 33/40 to 27/40 (en-us, 16 kHz) because the word posteriors of a one-pass lattice are worse."""
    expectation: ExpectationSettings | None = field(default_factory=ExpectationSettings)
    """How what the question expects is listened for (expected.py); None: it is ignored."""


@dataclass(frozen=True, slots=True)
class Recognition:
    """One decoded turn, with what the rejection rule made of it (for logs and benchmarks)."""

    text: str
    """What `transcribe` returns: the words, or "" when rejected."""
    heard: str
    """The decoder's words before the rejection rule."""
    rejected: str | None
    """Why the words were rejected, or None."""
    score: float
    """The rejection rule's score (rejection.py): higher is more likely a booking utterance."""
    speech_seconds: float
    decode_seconds: float
    unsure: bool = False
    """Rejected because the decodes named different expected answers ("first" or "third"): see expected.py."""


log = logging.getLogger(__name__)


def _default_cache() -> Path:
    return Path(tempfile.gettempdir()) / "slotline-pocketsphinx"


class PocketsphinxSpeechToText:
    """Offline recogniser for this catalogue's callers; safe to share between concurrent calls.

    Building it is blocking start-up work (the language model is built or read from `cache_dir`); use `start()`
    from async code. Each concurrent transcription borrows its own decoder; `for_call()` gives a call one of its own.
    """

    def __init__(
        self, catalogue: Catalogue, cache_dir: Path | None = None, settings: PocketsphinxSettings | None = None
    ) -> None:
        self._settings = settings or PocketsphinxSettings()
        self.model: DomainModel = build_domain_model(
            catalogue, cache_dir or _default_cache(), self._settings.language_model
        )
        self._filter = DomainFilter(self.model.known_pairs, self._settings.rejection)
        self._vocabulary = vocabulary(self.model.dictionary)
        self._idle = [self._new_recognizer()]  # one at start-up: proves the files load before the first call
        self._idle_lock = threading.Lock()

    @classmethod
    async def start(
        cls, catalogue: Catalogue, cache_dir: Path | None = None, settings: PocketsphinxSettings | None = None
    ) -> PocketsphinxSpeechToText:
        """Build off the event loop."""
        return await asyncio.to_thread(cls, catalogue, cache_dir, settings)

    async def transcribe(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> str:
        return (await self.recognise(pcm, sample_rate, expecting)).text

    async def recognise(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> Recognition:
        """`transcribe` with the details."""
        return await asyncio.to_thread(self._recognise_borrowing, pcm, sample_rate, expecting)

    def for_call(self) -> PocketsphinxCallSpeechToText:
        """A recogniser that keeps one decoder for a whole call; close it when the call ends."""
        return PocketsphinxCallSpeechToText(self, self._borrow())

    def _borrow(self) -> Recognizer:
        with self._idle_lock:
            if self._idle:
                return self._idle.pop()
        return self._new_recognizer()

    def _new_recognizer(self) -> Recognizer:
        # about 20 ms with the cut-down dictionary
        return Recognizer(self.model, carry_over=self._settings.carry_over, second_pass=self._settings.second_pass)

    def _give_back(self, recognizer: Recognizer) -> None:
        with self._idle_lock:
            if len(self._idle) < self._settings.idle_decoders:
                self._idle.append(recognizer)

    def _recognise_borrowing(self, pcm: bytes, sample_rate: int, expecting: Expectation | None) -> Recognition:
        recognizer = self._borrow()
        try:
            return self._recognise_with(recognizer, pcm, sample_rate, expecting)
        finally:
            self._give_back(recognizer)

    def _recognise_with(
        self, recognizer: Recognizer, pcm: bytes, sample_rate: int, expecting: Expectation | None = None
    ) -> Recognition:
        """Decode and judge one turn on `recognizer` (blocking)."""
        if sample_rate <= 0:
            raise ValueError(f"sample rate must be positive, not {sample_rate}")
        started = time.perf_counter()
        if len(pcm) // 2 < sample_rate // 10:  # under 0.1 s: no word (and never an empty chunk for the decoder)
            return Recognition("", "", "too short", 0.0, 0.0, time.perf_counter() - started)
        audio = for_decoder(
            pcm,
            sample_rate,
            noise_floor_dbfs=self._settings.noise_floor_dbfs,
            narrowband_floor_dbfs=self._settings.narrowband_floor_dbfs,
            pad_s=self._settings.pad_s,
        )
        listening = self._settings.expectation
        answers = answers_for(expecting, self._vocabulary) if listening is not None else None
        try:
            heard = recognizer.decode(audio, alternatives=listening.alternatives if listening and answers else 0)
            judgement = self._filter.judge(heard)
            kept = KeptWords(() if judgement.reason else heard.words, judgement.reason)
            if listening is not None and answers is not None and expecting is not None:
                narrowband = sample_rate < DECODER_RATE
                kept = hear_expected(recognizer, audio, heard, kept.rejected, expecting, answers, narrowband, listening)
        except RuntimeError as exc:
            raise SpeechUnavailable(f"pocketsphinx failed: {exc}") from exc
        words = " ".join(heard.words)
        log.debug(
            "recognised %r, score %.2f%s",
            mask_phone_digits(words),
            judgement.score,
            f", rejected ({kept.rejected})" if kept.rejected else "",
        )
        return Recognition(
            text=" ".join(kept.words),
            heard=words,
            rejected=kept.rejected,
            score=judgement.score,
            speech_seconds=heard.speech_seconds,
            decode_seconds=time.perf_counter() - started,
            unsure=kept.unsure,
        )


class PocketsphinxCallSpeechToText:
    """SpeechToText for one call, on a decoder of its own (no waiting on other calls)."""

    def __init__(self, owner: PocketsphinxSpeechToText, recognizer: Recognizer) -> None:
        self._owner = owner
        self._recognizer: Recognizer | None = recognizer

    async def transcribe(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> str:
        return (await self.recognise(pcm, sample_rate, expecting)).text

    async def recognise(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> Recognition:
        recognizer = self._recognizer
        if recognizer is None:
            raise RuntimeError("this call's recogniser is closed")
        return await asyncio.to_thread(self._owner._recognise_with, recognizer, pcm, sample_rate, expecting)

    def close(self) -> None:
        """Give the decoder back for other calls."""
        if self._recognizer is not None:
            self._owner._give_back(self._recognizer)
            self._recognizer = None

    async def __aenter__(self) -> PocketsphinxCallSpeechToText:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
