from __future__ import annotations

import array
import math
import sys
from dataclasses import dataclass

from slotline.application.ports import SilenceTimeout, SpeechPaused, SpeechStarted, TurnEvent, TurnMayEnd, Utterance


@dataclass(frozen=True, slots=True)
class EnergySettings:
    threshold_rms: float = 500.0
    """A frame louder than this (PCM16 RMS) is speech."""
    start_ms: int = 60
    """Speech this long counts as the caller starting to talk (barge-in)."""
    end_silence_ms: int = 600
    """Quiet this long after speech ends the caller's turn."""
    pause_ms: int = 100
    """Quiet this long after speech is a pause (SpeechPaused): recognising may start."""
    quick_end_ms: int = 200
    """Quiet this long after speech lets a turn that sounds finished end (TurnMayEnd)."""
    reply_timeout_s: float = 6.0
    """No speech this long after the agent finished talking is a silent turn."""


def _rms(frame: bytes) -> float:
    samples = array.array("h")
    samples.frombytes(frame[: len(frame) - len(frame) % 2])
    if sys.byteorder != "little":
        samples.byteswap()
    if not samples:
        return 0.0
    return math.sqrt(sum(s * s for s in samples) / len(samples))


class EnergyTurnDetector:
    """Turn-taking timed in audio time (bytes received), so the same audio always gives the same turns."""

    def __init__(self, sample_rate: int, settings: EnergySettings | None = None) -> None:
        self._rate = sample_rate
        self._s = settings or EnergySettings()
        # all times are counted in samples of caller audio, so no rounding drifts
        self._start = sample_rate * self._s.start_ms // 1000
        self._end = sample_rate * self._s.end_silence_ms // 1000
        self._pause = sample_rate * self._s.pause_ms // 1000
        self._quick = sample_rate * max(self._s.quick_end_ms, self._s.pause_ms) // 1000
        self._timeout = round(sample_rate * self._s.reply_timeout_s)
        self._now = 0
        self._speech = bytearray()
        self._quiet = 0
        self._started = False
        self._reply_end = 0
        self._deadline = self._timeout

    @property
    def agent_speaking(self) -> bool:
        return self._now < self._reply_end

    def expect_reply_after(self, seconds: float) -> None:
        self._reply_end = self._now + round(seconds * self._rate)
        self._deadline = self._reply_end + self._timeout

    def end_turn(self) -> Utterance | None:
        if not (self._started and self._quiet >= self._pause):
            return None
        utterance = Utterance(bytes(self._speech))
        self._finish_turn()
        return utterance

    def _finish_turn(self) -> None:
        self._speech.clear()
        self._quiet = 0
        self._started = False
        self._deadline = self._now + self._timeout

    def feed(self, frame: bytes) -> list[TurnEvent]:
        self._now += len(frame) // 2
        events: list[TurnEvent] = []
        if _rms(frame) >= self._s.threshold_rms:
            self._speech += frame
            self._quiet = 0
            if not self._started and len(self._speech) // 2 >= self._start:
                self._started = True
                events.append(SpeechStarted())
            return events
        if self._speech:
            before = self._quiet
            self._quiet += len(frame) // 2
            if self._started and self._quiet < self._end:
                if before < self._pause <= self._quiet:
                    events.append(SpeechPaused(bytes(self._speech)))
                if before < self._quick <= self._quiet:
                    events.append(TurnMayEnd(bytes(self._speech)))
            if self._quiet >= self._end:
                events.append(Utterance(bytes(self._speech)))
                self._finish_turn()
            return events
        if self._now >= self._deadline:
            events.append(SilenceTimeout())
            self._deadline = self._now + self._timeout
        return events


class EnergyTurnDetectorFactory:
    def __init__(self, settings: EnergySettings | None = None) -> None:
        self._settings = settings

    def __call__(self, sample_rate: int) -> EnergyTurnDetector:
        return EnergyTurnDetector(sample_rate, self._settings)
