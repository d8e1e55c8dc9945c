"""The audio of one call at its sample rate: caller frames going out, agent audio paced in and played out."""

from __future__ import annotations

from dataclasses import dataclass

from slotline.infrastructure.telcoflow.loopback.audio import CallerFeed, bytes_for_ms, frame_bytes
from slotline.infrastructure.telcoflow.loopback.pacing import PullPacer
from slotline.infrastructure.telcoflow.loopback.recording import CallRecording, TrackRecorder


@dataclass(frozen=True, slots=True)
class Step:
    """One tick's output: the caller frame to send and the credit (bytes) to request, 0 for none."""

    caller_frame: bytes
    request: int


class CallMedia:
    """Per-call audio state, free of sockets and clocks so the tick logic can be tested on its own."""

    def __init__(self, sample_rate: int, jitter_ms: int, *, record: bool, caller_queue_seconds: int) -> None:
        self.sample_rate = sample_rate
        self.frame = frame_bytes(sample_rate)
        self.pacer = PullPacer(self.frame, bytes_for_ms(sample_rate, jitter_ms))
        self.feed = CallerFeed(limit=bytes_for_ms(sample_rate, caller_queue_seconds * 1000))
        self.agent_audio = bytearray()
        self.silent_ticks = 0
        self._recorder = TrackRecorder(record)

    def step(self) -> Step:
        """Play one agent frame (or silence), take the next caller frame, and work out the credit to ask for."""
        tick = self.pacer.tick()
        if tick.played is None:
            self.silent_ticks += 1
        else:
            self.agent_audio += tick.played
        caller_frame = self.feed.next_frame(self.frame)
        self._recorder.record(caller_frame, tick.played)
        return Step(caller_frame, tick.request)

    def recording(self) -> CallRecording:
        return self._recorder.snapshot(self.sample_rate)
