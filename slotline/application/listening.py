"""Listening on a call: caller audio in, heard turns out, as early as the caller's pauses allow.

The turn detector says when the caller paused, may have finished, or surely finished; this module recognises the
turn as soon as its audio is final (SpeechPaused), ends it after the short wait when what was said sounds finished
(TurnMayEnd), and stops the agent's playback when the caller talks over it. A streaming recogniser
(StreamingSpeechToText) is sent the turn's audio from its start instead (streamed_recognition), so that at the pause
only the end of the turn remains to be heard.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol

from slotline.application.ports import (
    SilenceTimeout,
    SpeechPaused,
    SpeechStarted,
    SpeechToText,
    StreamingSpeechToText,
    TurnDetector,
    TurnEvent,
    TurnMayEnd,
    Utterance,
)
from slotline.application.streamed_recognition import StreamedRecognition
from slotline.domain.dialogue.expectation import Expectation

log = logging.getLogger(__name__)

SoundsFinished = Callable[[str], Awaitable[bool]]
"""Whether recognised text sounds like a finished turn (see domain.dialogue.turn_end)."""
Expecting = Callable[[], Expectation | None]
"""What the agent's last question expects as an answer, asked when a turn's recognition starts."""


def _nothing_expected() -> Expectation | None:
    return None


@dataclass(frozen=True, slots=True)
class CallerSaid:
    text: str
    """What the recogniser heard ("" when it could not make it out)."""
    quick: bool
    """The turn ended after the short wait because it sounded finished."""
    # Moments of the turn on one clock, time.monotonic (the event loop's): for its record and its latency.
    paused_at: float | None = field(default=None, compare=False)
    """When the caller went quiet: the end of their speech (None if recognition never started early)."""
    recognised_at: float | None = field(default=None, compare=False)
    """When the recogniser had the words."""
    heard_at: float = field(default=0.0, compare=False)
    """When the turn was over and its words known (after the end-of-turn wait)."""

    @property
    def spoke_until(self) -> float:
        """When the caller's speech ended, as well as is known: the start of the turn's latency."""
        return self.heard_at if self.paused_at is None else self.paused_at


@dataclass(frozen=True, slots=True)
class CallerSilent:
    """The caller said nothing for the whole reply window."""


HeardTurn = CallerSaid | CallerSilent


class EarlyRecognition:
    """Recognises a turn from the moment its audio is final; the result is reused while the audio stays the same."""

    def __init__(self, stt: SpeechToText, sample_rate: int, expecting: Expecting = _nothing_expected) -> None:
        self._stt = stt
        self._rate = sample_rate
        self._expecting = expecting
        self._pending: tuple[bytes, Expectation | None, asyncio.Task[str]] | None = None
        self.started_at: float | None = None
        """When the recognition now running started: when the caller went quiet."""
        self.finished_at: float | None = None
        """When it had the words."""

    def hear(self, frame: bytes) -> None:
        """Caller audio as it arrives: not needed, the turn is recognised from its pauses on."""

    def speech_started(self) -> None:
        self.forget()

    def start(self, pcm: bytes) -> None:
        expected = self._expecting()
        if self._pending is not None and self._pending[:2] == (pcm, expected):
            return
        self.forget()
        task = asyncio.create_task(self._stt.transcribe(pcm, self._rate, expected))
        task.add_done_callback(self._finished)
        self.started_at = time.monotonic()
        self._pending = (pcm, expected, task)

    def _finished(self, task: asyncio.Task[str]) -> None:
        if self._pending is not None and self._pending[2] is task and not task.cancelled():
            self.finished_at = time.monotonic()

    async def result_for(self, pcm: bytes) -> str:
        """The text of `pcm`, from the recognition already running on it when there is one."""
        self.start(pcm)
        assert self._pending is not None
        return await asyncio.shield(self._pending[2])

    def forget(self) -> None:
        if self._pending is not None:
            self._pending[2].cancel()
            self._pending = None
        self.started_at = self.finished_at = None


class Playback(Protocol):
    """What listening needs of the call (a LiveCall has it): its id and rate, and stopping the agent's audio."""

    @property
    def call_id(self) -> str: ...

    @property
    def sample_rate(self) -> int: ...

    async def stop_playback(self) -> None: ...


class TurnListener:
    """One call's listening: feed it each caller frame; it returns the turns those frames completed.

    `expecting` tells the recogniser what the agent's last question expects (asked as each turn's recognition starts).
    """

    def __init__(
        self,
        call: Playback,
        detector: TurnDetector,
        stt: SpeechToText,
        sounds_finished: SoundsFinished,
        expecting: Expecting = _nothing_expected,
        barged_in: Callable[[], None] | None = None,
    ) -> None:
        self._barged_in = barged_in
        self._call = call
        self._detector = detector
        self._finished = sounds_finished
        self._early = (
            StreamedRecognition(stt, call.sample_rate, expecting)
            if isinstance(stt, StreamingSpeechToText)  # audio goes to it while the caller speaks
            else EarlyRecognition(stt, call.sample_rate, expecting)
        )

    async def take(self, frame: bytes) -> list[HeardTurn]:
        turns: list[HeardTurn] = []
        self._early.hear(frame)
        for event in self._detector.feed(frame):
            turn = await self._on(event)
            if turn is not None:
                turns.append(turn)
        return turns

    def close(self) -> None:
        """Cancel a recognition still running (the call is over)."""
        self._early.forget()

    async def _on(self, event: TurnEvent) -> HeardTurn | None:
        if isinstance(event, SpeechStarted):
            self._early.speech_started()
            if self._detector.agent_speaking:
                await self._call.stop_playback()  # barge-in: the caller talks over the agent
                if self._barged_in is not None:
                    self._barged_in()
            return None
        if isinstance(event, SpeechPaused):
            self._early.start(event.pcm)  # recognise while the detector makes sure the turn is over
            return None
        if isinstance(event, TurnMayEnd):
            text = await self._early.result_for(event.pcm)
            if not text.strip() or not await self._finished(text):
                return None  # the detector ends the turn after the full wait, unless the caller goes on
            utterance = self._detector.end_turn()
            if utterance is None:
                return None
            return self._heard(utterance, text, quick=True)
        if isinstance(event, Utterance):
            return self._heard(event, await self._early.result_for(event.pcm), quick=False)
        assert isinstance(event, SilenceTimeout)
        return CallerSilent()

    def _heard(self, utterance: Utterance, text: str, *, quick: bool) -> CallerSaid:
        paused_at, recognised_at = self._early.started_at, self._early.finished_at
        self._early.forget()
        heard_at = time.monotonic()
        log.info(
            "call %s: caller turn of %d ms%s",
            self._call.call_id,
            len(utterance.pcm) * 500 // self._call.sample_rate,
            ", ended early" if quick else "",
        )
        return CallerSaid(text, quick, paused_at, recognised_at, heard_at)
