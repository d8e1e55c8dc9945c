"""Recognising a turn while it is spoken, with a recogniser that streams (a StreamingSpeechToText).

The caller's audio goes to the recogniser from the moment they start speaking (with the few frames before, which
the turn detector counts into the turn), so when they pause only the end of the turn remains to be heard. The turn's
words are the stream's final words, taken at the first pause that may end the turn (TurnMayEnd) or at its end. If
the caller goes on after that pause, the stream is already closed: the longer turn is then recognised whole, as
EarlyRecognition does it.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable

from slotline.application.ports import StreamingSpeechToText
from slotline.domain.dialogue.expectation import Expectation

__all__ = ["PRE_ROLL_FRAMES", "StreamedRecognition"]

PRE_ROLL_FRAMES = 20
"""Frames (20 ms each) sent ahead of the one that started the turn: the detector's own pre-roll (200 ms) and the
speech it waits for before it says the caller started (60 ms), with room to spare."""


class _Turn:
    """One turn's stream, fed by a task of its own so that a slow network never holds up the call's audio.

    Its words are handed over as soon as the recogniser has them; the stream is closed after that, in the task.
    """

    def __init__(self, stt: StreamingSpeechToText, rate: int, expected: Expectation | None, first: list[bytes]) -> None:
        self._frames: asyncio.Queue[bytes | None] = asyncio.Queue()
        for frame in first:
            self._frames.put_nowait(frame)
        self._words: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self.task = asyncio.create_task(self._run(stt, rate, expected))
        self.task.add_done_callback(_retrieved)

    def send(self, frame: bytes) -> None:
        self._frames.put_nowait(frame)

    async def finish(self) -> str:
        """The final words; the failure of the stream if it failed before it had them."""
        self._frames.put_nowait(None)
        return await self._words

    def cancel(self) -> None:
        self.task.cancel()
        if self._words.done() and not self._words.cancelled():
            self._words.exception()  # a failure nobody will ask for any more is not reported as unretrieved

    async def _run(self, stt: StreamingSpeechToText, rate: int, expected: Expectation | None) -> None:
        try:
            async with stt.stream(rate, expected) as stream:
                while (frame := await self._frames.get()) is not None:
                    await stream.send(frame)
                self._words.set_result(await stream.finish())
        except asyncio.CancelledError:
            self._words.cancel()
            raise
        except Exception as exc:
            if not self._words.done():
                self._words.set_exception(exc)
            raise


def _retrieved(task: asyncio.Task[None]) -> None:
    """A failure while closing a stream whose words were already used is nobody's business any more."""
    if not task.cancelled():
        task.exception()


class StreamedRecognition:
    """EarlyRecognition's counterpart for a streaming recogniser (TurnListener uses either, through the same calls)."""

    def __init__(
        self, stt: StreamingSpeechToText, sample_rate: int, expecting: Callable[[], Expectation | None]
    ) -> None:
        self._stt = stt
        self._rate = sample_rate
        self._expecting = expecting
        self._recent: deque[bytes] = deque(maxlen=PRE_ROLL_FRAMES)
        self._turn: _Turn | None = None
        self._expected: Expectation | None = None
        self._heard: tuple[bytes, str] | None = None
        """The words of the turn up to a pause, once its stream has finished."""
        self._closing: set[asyncio.Task[None]] = set()
        """Streams whose words were taken, still closing (held here so that they are not collected meanwhile)."""
        self.started_at: float | None = None
        """When the caller first paused in this turn."""
        self.finished_at: float | None = None
        """When the words were known."""

    def hear(self, frame: bytes) -> None:
        """Every frame of caller audio, before the turn detector sees it."""
        if self._turn is not None:
            self._turn.send(frame)
        else:
            self._recent.append(frame)

    def speech_started(self) -> None:
        """The caller started a turn: open its stream and send what came just before."""
        self.forget()
        self._expected = self._expecting()
        self._turn = _Turn(self._stt, self._rate, self._expected, list(self._recent))
        self._recent.clear()

    def start(self, pcm: bytes) -> None:
        """The caller paused (SpeechPaused): the stream already has the audio; only the moment is noted."""
        if self.started_at is None:
            self.started_at = time.monotonic()

    async def result_for(self, pcm: bytes) -> str:
        """The words of the turn whose audio is `pcm` (it may end here)."""
        if self._heard is not None and self._heard[0] == pcm:
            return self._heard[1]
        if self._turn is not None:
            turn, self._turn = self._turn, None
            self._closing.add(turn.task)
            turn.task.add_done_callback(self._closing.discard)
            text = await turn.finish()
        else:  # the caller went on after the stream was finished at a pause, or no stream was opened
            text = await self._stt.transcribe(pcm, self._rate, self._expected)
        self._heard = (pcm, text)
        self.finished_at = time.monotonic()
        return text

    def forget(self) -> None:
        """The turn is over (or the call): stop its stream if it still runs."""
        if self._turn is not None:
            self._turn.cancel()
            self._turn = None
        self._heard = None
        self.started_at = self.finished_at = None
