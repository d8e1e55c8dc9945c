"""What was heard on the line, as two tracks aligned on the 20 ms tick timeline (caller sent, agent played)."""

from __future__ import annotations

import sys
from array import array
from dataclasses import dataclass


def _samples(pcm: bytes) -> array[int]:
    samples = array("h", pcm)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def _pcm(samples: array[int]) -> bytes:
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


@dataclass(frozen=True, slots=True)
class CallRecording:
    """Both sides of a call, PCM16LE mono each, equally long: tick n of each track is the same 20 ms.

    Write it with the standard `wave` module: `stereo()` with 2 channels, or `mixed()` with 1.
    """

    sample_rate: int
    caller: bytes
    agent: bytes

    @property
    def seconds(self) -> float:
        return len(self.caller) / 2 / self.sample_rate

    def stereo(self) -> bytes:
        """Interleaved PCM16LE: left is the caller, right is the agent."""
        left, right = _samples(self.caller), _samples(self.agent)
        both = array("h", bytes(4 * len(left)))
        both[0::2] = left
        both[1::2] = right
        return _pcm(both)

    def mixed(self) -> bytes:
        """Both sides summed into one PCM16LE track, clipped to the 16-bit range."""
        pairs = zip(_samples(self.caller), _samples(self.agent), strict=True)
        return _pcm(array("h", (max(-32768, min(32767, a + b)) for a, b in pairs)))


class TrackRecorder:
    """Appends one frame per tick to each track; silence where a side had nothing."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._caller = bytearray()
        self._agent = bytearray()

    def record(self, caller_frame: bytes, agent_frame: bytes | None) -> None:
        if self.enabled:
            self._caller += caller_frame
            self._agent += agent_frame if agent_frame is not None else bytes(len(caller_frame))

    def snapshot(self, sample_rate: int) -> CallRecording:
        return CallRecording(sample_rate, bytes(self._caller), bytes(self._agent))
