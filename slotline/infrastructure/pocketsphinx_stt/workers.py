"""Decoding in worker processes, one per core: pocketsphinx holds the GIL for a whole turn (docs/performance.md),
so a turn decoded in the serving process stalls every call on its event loop, and all decoding shares one core.

Each worker loads the model once (the pool's initializer) and decodes whole turns with `recognise_turn`, the same
function the in-process path runs, so a turn decodes to the same words and scores either way. Workers are spawned
(never forked from a process running an event loop and threads), ignore SIGINT and SIGTERM (the serving process
decides when they stop: a Ctrl-C reaches the whole process group, and live calls still need them while they finish),
and exit by themselves if the serving process dies without shutting them down.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from slotline.application.errors import SpeechUnavailable
from slotline.domain.dialogue.expectation import Expectation
from slotline.infrastructure.pocketsphinx_stt.answers import ExpectedAnswers
from slotline.infrastructure.pocketsphinx_stt.model import DomainModel
from slotline.infrastructure.pocketsphinx_stt.recognition import PocketsphinxSettings, Recognition, recognise_turn
from slotline.infrastructure.pocketsphinx_stt.recognizer import Recognizer
from slotline.infrastructure.pocketsphinx_stt.rejection import DomainFilter

__all__ = ["RecognitionPool"]

log = logging.getLogger(__name__)

_START_SECONDS = 60.0
"""Longest `start` waits for every worker to have loaded the model (about a second each on an idle core)."""
_PARENT_CHECK_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class _Worker:
    recognizer: Recognizer
    judge: DomainFilter
    settings: PocketsphinxSettings


_worker: _Worker | None = None
"""In a worker process: its decoder, loaded once by `_load`."""


def _load(model: DomainModel, settings: PocketsphinxSettings) -> None:
    """The pool's initializer, run once in each new worker."""
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), name="parent-watch", daemon=True).start()
    recognizer = Recognizer(model, carry_over=settings.carry_over, second_pass=settings.second_pass)
    _worker = _Worker(recognizer, DomainFilter(model.known_pairs, settings.rejection), settings)


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(0)  # the serving process is gone (killed): nobody will ask for another turn


def _recognise(
    pcm: bytes, sample_rate: int, expecting: Expectation | None, answers: ExpectedAnswers | None
) -> Recognition:
    if _worker is None:
        raise RuntimeError("this process is not a recognition worker")
    return recognise_turn(_worker.recognizer, _worker.judge, _worker.settings, pcm, sample_rate, expecting, answers)


def _ready() -> int:
    time.sleep(0.02)  # busy a moment, so that the next of a batch goes to another worker
    return os.getpid()


def _release_on(loop: asyncio.AbstractEventLoop, free: asyncio.Semaphore) -> None:
    """From the executor's thread: a worker is free again (unless that event loop is gone, and its waiters too)."""
    with contextlib.suppress(RuntimeError):  # the loop was closed
        loop.call_soon_threadsafe(free.release)


class RecognitionPool:
    """`processes` spawned workers decoding turns for every call of this process; turns queue when all are busy.

    A worker that dies (killed, out of memory) fails the turns it had with SpeechUnavailable and the pool is
    started afresh for the turns after them.
    """

    def __init__(self, model: DomainModel, settings: PocketsphinxSettings, processes: int) -> None:
        if processes < 1:
            raise ValueError(f"a recognition pool needs at least one process, not {processes}")
        self._model = model
        self._settings = settings
        self._processes = processes
        self._closed = False
        self._executor = self._new_executor()
        self._free: tuple[asyncio.AbstractEventLoop, asyncio.Semaphore] | None = None

    @property
    def processes(self) -> int:
        return self._processes

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self._processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load,
            initargs=(self._model, self._settings),
        )

    async def start(self) -> None:
        """Start every worker and wait until each has loaded the model, so no caller waits for that."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + _START_SECONDS
        seen: set[int] = set()
        while len(seen) < self._processes and loop.time() < deadline:
            executor = self._executor
            batch = [loop.run_in_executor(executor, _ready) for _ in range(self._processes)]
            try:
                seen.update(await asyncio.gather(*batch))
            except BrokenProcessPool as exc:
                raise SpeechUnavailable(f"recognition workers could not start: {exc}") from exc
        if len(seen) < self._processes:
            log.warning("%d of %d recognition workers ready after %.0f s", len(seen), self._processes, _START_SECONDS)
        else:
            log.info("%d recognition worker processes ready", self._processes)

    async def recognise(
        self,
        pcm: bytes,
        sample_rate: int,
        expecting: Expectation | None = None,
        answers: ExpectedAnswers | None = None,
    ) -> Recognition:
        """One turn, decoded by a worker; `expecting` and `answers` are frozen data, sent along with the audio.

        Turns wait here, not in the executor's queue, until a worker is free: the executor hands queued turns to
        its workers ahead of time, where a turn that stopped mattering (the caller went on talking and the listener
        cancelled it) can no longer be cancelled and would hold up the turns behind it. A worker counts as free again
        when its turn is done, also when nobody waits for that turn any more.
        """
        if self._closed:
            raise SpeechUnavailable("the recognition workers are shut down")
        loop = asyncio.get_running_loop()
        free = self._free_workers(loop)
        await free.acquire()
        executor = self._executor
        try:
            decoding = executor.submit(_recognise, pcm, sample_rate, expecting, answers)
        except BrokenProcessPool as exc:
            free.release()
            self._replace(executor)
            raise SpeechUnavailable(f"a recognition worker stopped: {exc}") from exc
        except BaseException:
            free.release()
            raise
        decoding.add_done_callback(lambda _: _release_on(loop, free))
        try:
            return await asyncio.wrap_future(decoding)
        except BrokenProcessPool as exc:
            self._replace(executor)
            raise SpeechUnavailable(f"a recognition worker stopped: {exc}") from exc

    def _free_workers(self, loop: asyncio.AbstractEventLoop) -> asyncio.Semaphore:
        if self._free is None or self._free[0] is not loop:  # an asyncio.Semaphore belongs to one event loop
            self._free = (loop, asyncio.Semaphore(self._processes))
        return self._free[1]

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        if self._executor is not broken or self._closed:
            return  # another turn replaced it already, or we are shutting down
        log.error("a recognition worker process stopped; starting the pool afresh")
        self._executor = self._new_executor()
        broken.shutdown(wait=False, cancel_futures=True)

    async def aclose(self) -> None:
        """Stop the workers, after the turns they are decoding (turns still queued are cancelled)."""
        self._closed = True
        await asyncio.to_thread(self._executor.shutdown, wait=True, cancel_futures=True)
