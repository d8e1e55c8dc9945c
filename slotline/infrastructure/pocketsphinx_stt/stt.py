"""SpeechToText with pocketsphinx and a language model of what callers say to this business."""

from __future__ import annotations

import asyncio
import logging
import tempfile
import threading
from pathlib import Path
from types import TracebackType

from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.expectation import Expectation
from slotline.domain.spoken_numbers import mask_phone_digits
from slotline.infrastructure.pocketsphinx_stt.answers import ExpectedAnswers
from slotline.infrastructure.pocketsphinx_stt.expected import answers_for, vocabulary
from slotline.infrastructure.pocketsphinx_stt.model import DomainModel, build_domain_model
from slotline.infrastructure.pocketsphinx_stt.recognition import PocketsphinxSettings, Recognition, recognise_turn
from slotline.infrastructure.pocketsphinx_stt.recognizer import Recognizer
from slotline.infrastructure.pocketsphinx_stt.rejection import DomainFilter
from slotline.infrastructure.pocketsphinx_stt.workers import RecognitionPool

__all__ = ["PocketsphinxCallSpeechToText", "PocketsphinxSettings", "PocketsphinxSpeechToText", "Recognition"]


log = logging.getLogger(__name__)


def _default_cache() -> Path:
    return Path(tempfile.gettempdir()) / "slotline-pocketsphinx"


class PocketsphinxSpeechToText:
    """Offline recogniser for this catalogue's callers; safe to share between concurrent calls.

    Building it is blocking start-up work (the language model is built or read from `cache_dir`); use `start()`
    from async code. With `settings.processes` 0, each concurrent transcription borrows a decoder of this process
    and `for_call()` gives a call one of its own; otherwise turns are decoded by that many worker processes, started
    by `warm_up()` (or by the first turns) and stopped by `aclose()`.
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
        self._pool: RecognitionPool | None = None
        if self._settings.processes:
            self._idle.clear()  # the workers decode; this process only needed to know the files load
            self._pool = RecognitionPool(self.model, self._settings, self._settings.processes)

    @classmethod
    async def start(
        cls, catalogue: Catalogue, cache_dir: Path | None = None, settings: PocketsphinxSettings | None = None
    ) -> PocketsphinxSpeechToText:
        """Build off the event loop."""
        return await asyncio.to_thread(cls, catalogue, cache_dir, settings)

    @property
    def processes(self) -> int:
        """Worker processes decoding turns; 0 when they are decoded in this process."""
        return self._settings.processes

    async def warm_up(self) -> None:
        """Start the worker processes and load the model in each (about a second each), before the first caller."""
        if self._pool is not None:
            await self._pool.start()

    async def aclose(self) -> None:
        """Stop the worker processes (after the turns they are decoding)."""
        if self._pool is not None:
            await self._pool.aclose()

    async def transcribe(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> str:
        return (await self.recognise(pcm, sample_rate, expecting)).text

    async def recognise(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> Recognition:
        """`transcribe` with the details."""
        answers = self._answers(expecting)
        if self._pool is not None:
            return _logged(await self._pool.recognise(pcm, sample_rate, expecting, answers))
        return _logged(await asyncio.to_thread(self._recognise_borrowing, pcm, sample_rate, expecting))

    def _answers(self, expecting: Expectation | None) -> ExpectedAnswers | None:
        """The expected answers to listen for (None: decode as for any turn)."""
        return answers_for(expecting, self._vocabulary) if self._settings.expectation is not None else None

    def for_call(self) -> PocketsphinxCallSpeechToText:
        """A recogniser for one call (on a decoder of its own when decoding in this process); close it at the end."""
        return PocketsphinxCallSpeechToText(self, None if self._pool is not None else self._borrow())

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
        answers = self._answers(expecting)
        return recognise_turn(recognizer, self._filter, self._settings, pcm, sample_rate, expecting, answers)


def _logged(recognition: Recognition) -> Recognition:
    log.debug(
        "recognised %r, score %.2f%s",
        mask_phone_digits(recognition.heard),
        recognition.score,
        f", rejected ({recognition.rejected})" if recognition.rejected else "",
    )
    return recognition


class PocketsphinxCallSpeechToText:
    """SpeechToText for one call: on a decoder of its own (no waiting on other calls), or through the workers."""

    def __init__(self, owner: PocketsphinxSpeechToText, recognizer: Recognizer | None) -> None:
        self._owner = owner
        self._recognizer = recognizer
        self._closed = False

    async def transcribe(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> str:
        return (await self.recognise(pcm, sample_rate, expecting)).text

    async def recognise(self, pcm: bytes, sample_rate: int, expecting: Expectation | None = None) -> Recognition:
        if self._closed:
            raise RuntimeError("this call's recogniser is closed")
        if self._recognizer is None:
            return await self._owner.recognise(pcm, sample_rate, expecting)
        recognizer = self._recognizer
        return _logged(await asyncio.to_thread(self._owner._recognise_with, recognizer, pcm, sample_rate, expecting))

    def close(self) -> None:
        """Give the decoder back for other calls."""
        if self._recognizer is not None:
            self._owner._give_back(self._recognizer)
            self._recognizer = None
        self._closed = True

    async def __aenter__(self) -> PocketsphinxCallSpeechToText:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
