from __future__ import annotations

import array
import math
import sys
from dataclasses import dataclass

from application.ports import SilenceTimeout, SpeechPaused, SpeechStarted, TurnEvent, Utterance


@dataclass(frozen=True, slots=True)
class EnergySettings:
    threshold_rms: float = 500.0
    """A frame louder than this (PCM16 RMS) is speech."""
    start_ms: int = 60
    """Speech this long counts as the caller starting to talk (barge-in)."""
    end_silence_ms: int = 600
    """Quiet this long after speech ends the caller's turn."""
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
        self._pause = min(sample_rate // 5, self._end // 2)  # quiet this long: recognising may start
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
            paused_before = self._quiet >= self._pause
            self._quiet += len(frame) // 2
            if self._started and not paused_before and self._pause <= self._quiet < self._end:
                events.append(SpeechPaused(bytes(self._speech)))
            if self._quiet >= self._end:
                events.append(Utterance(bytes(self._speech)))
                self._speech.clear()
                self._started = False
                self._deadline = self._now + self._timeout
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
