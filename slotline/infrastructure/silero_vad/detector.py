"""Turn-taking on Silero speech probabilities, with the same contract and timing as EnergyTurnDetector."""

from __future__ import annotations

from dataclasses import dataclass

from slotline.application.ports import SilenceTimeout, SpeechPaused, SpeechStarted, TurnEvent, TurnMayEnd, Utterance
from slotline.infrastructure.silero_vad.model import SpeechProbabilities, VadPool

__all__ = ["SileroSettings", "SileroTurnDetector", "SileroTurnDetectorFactory"]


@dataclass(frozen=True, slots=True)
class SileroSettings:
    threshold: float = 0.5
    """A window this likely to be speech starts speech."""
    release: float = 0.35
    """Once speaking, windows at least this likely still count as speech (hysteresis)."""
    start_ms: int = 60
    """Speech this long counts as the caller starting to talk (barge-in)."""
    end_silence_ms: int = 600
    """Quiet this long after speech ends the caller's turn."""
    quick_end_ms: int = 200
    """Quiet this long after speech lets a turn that sounds finished end (TurnMayEnd); at least `tail_ms`."""
    reply_timeout_s: float = 6.0
    """No speech this long after the agent finished talking is a silent turn."""
    pre_roll_ms: int = 200
    """Audio kept from before the speech was detected, so the recogniser hears the first sound whole."""
    tail_ms: int = 60
    """Quiet kept after the last speech in an utterance; the turn is final (SpeechPaused) once this much has passed.

    Silero keeps calling the fading end of a word speech for about a hundred milliseconds, so the turn already ends
    on that fade; the tail adds a little quiet after it (and the recogniser pads the turn with floor noise)."""

    def __post_init__(self) -> None:
        if not 0 < self.tail_ms <= self.end_silence_ms:
            raise ValueError(f"tail_ms must be in 1..end_silence_ms ({self.end_silence_ms}), not {self.tail_ms}")
        if self.quick_end_ms <= 0:
            raise ValueError(f"quick_end_ms must be positive, not {self.quick_end_ms}")


class SileroTurnDetector:
    """Turn-taking timed in audio time (samples received), so the same audio always gives the same turns.

    Events as EnergyTurnDetector gives them: SpeechStarted, SpeechPaused (the turn's audio is final: recognising may
    start), TurnMayEnd (quick_end_ms of quiet: a finished-sounding turn may end), Utterance, SilenceTimeout.
    What differs: a frame is speech by the Silero network, not by loudness; an utterance carries the caller's pauses,
    `pre_roll_ms` before and `tail_ms` after the speech; and speech too short to start a turn (a click, a cough
    under `start_ms`) ends without an Utterance.
    """

    def __init__(self, sample_rate: int, settings: SileroSettings | None = None, pool: VadPool | None = None) -> None:
        if sample_rate <= 0:
            raise ValueError(f"sample rate must be positive, not {sample_rate}")
        self._rate = sample_rate
        self._s = settings or SileroSettings()
        self._vad = SpeechProbabilities(sample_rate, pool)
        # all times are counted in samples of caller audio, so no rounding drifts
        self._start = sample_rate * self._s.start_ms // 1000
        self._end = sample_rate * self._s.end_silence_ms // 1000
        self._quick = sample_rate * max(self._s.quick_end_ms, self._s.tail_ms) // 1000
        self._timeout = round(sample_rate * self._s.reply_timeout_s)
        self._pre_roll = 2 * (sample_rate * self._s.pre_roll_ms // 1000)  # bytes
        self._tail = 2 * (sample_rate * self._s.tail_ms // 1000)  # bytes
        self._now = 0
        self._speaking = False  # the network's state, with hysteresis
        self._recent = bytearray()  # the last pre_roll of audio while nobody speaks
        self._turn = bytearray()  # the current turn, from its pre-roll on
        self._turn_speech_end = 0  # bytes of _turn up to the end of its last speech frame
        self._speech = 0  # samples of speech in the current turn
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

    def _is_speech(self, frame: bytes) -> bool:
        """This frame's verdict: from the windows it completed, else the last window's."""
        for probability in self._vad.feed(frame):
            self._speaking = probability >= (self._s.release if self._speaking else self._s.threshold)
        return self._speaking

    def _turn_pcm(self) -> bytes:
        return bytes(self._turn[: self._turn_speech_end + self._tail])

    def _paused(self) -> bool:
        return self._started and self._quiet * 2 >= self._tail

    def end_turn(self) -> Utterance | None:
        if not self._paused():
            return None
        (utterance,) = self._finish_turn()
        assert isinstance(utterance, Utterance)
        return utterance

    def _finish_turn(self) -> list[TurnEvent]:
        events: list[TurnEvent] = []
        if self._started:
            events.append(Utterance(self._turn_pcm()))
            self._deadline = self._now + self._timeout
        self._turn.clear()
        self._speech = 0
        self._quiet = 0
        self._started = False
        return events

    def feed(self, frame: bytes) -> list[TurnEvent]:
        samples = len(frame) // 2
        if not samples:
            return []
        self._now += samples
        events: list[TurnEvent] = []
        if self._is_speech(frame):
            if not self._turn:
                self._turn += self._recent
                self._recent.clear()
            self._turn += frame
            self._turn_speech_end = len(self._turn)
            self._speech += samples
            self._quiet = 0
            if not self._started and self._speech >= self._start:
                self._started = True
                events.append(SpeechStarted())
            return events
        if self._turn:
            self._turn += frame
            before = self._quiet
            self._quiet += samples
            if self._started and self._quiet < self._end:
                if before * 2 < self._tail <= self._quiet * 2:
                    events.append(SpeechPaused(self._turn_pcm()))
                if before < self._quick <= self._quiet:
                    events.append(TurnMayEnd(self._turn_pcm()))
            if self._quiet >= self._end:
                events += self._finish_turn()
            return events
        self._recent += frame
        del self._recent[: max(0, len(self._recent) - self._pre_roll)]
        if self._now >= self._deadline:
            events.append(SilenceTimeout())
            self._deadline = self._now + self._timeout
        return events


class SileroTurnDetectorFactory:
    """One detector per call; the Silero networks are pooled between calls."""

    def __init__(self, settings: SileroSettings | None = None, keep_idle: int = 8) -> None:
        self._settings = settings
        self._pool = VadPool(keep_idle)

    def __call__(self, sample_rate: int) -> SileroTurnDetector:
        return SileroTurnDetector(sample_rate, self._settings, self._pool)
