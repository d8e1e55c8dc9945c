"""PCM16 framing: 20 ms frames at the session's sample rate, and the caller's audio waiting to go down the line."""

from __future__ import annotations

from typing import Final

from slotline.infrastructure.telcoflow.loopback.errors import CallerFeedFull

SAMPLE_RATES: Final = (8000, 16000, 24000)
FRAME_MS: Final = 20
FRAME_SECONDS: Final = FRAME_MS / 1000
CHANNEL_0: Final = b"\x00"


def frame_bytes(sample_rate: int) -> int:
    """Bytes in one 20 ms PCM16 mono frame: rate/50 samples x 2 bytes (960 at 24 kHz)."""
    if sample_rate not in SAMPLE_RATES:
        raise ValueError(f"unsupported sample rate {sample_rate}")
    return sample_rate // 50 * 2


def bytes_for_ms(sample_rate: int, ms: int) -> int:
    """Bytes of PCM16 mono audio lasting `ms` milliseconds."""
    return sample_rate * ms // 1000 * 2


class CallerFeed:
    """Caller audio queued by a test or the demo, handed out one 20 ms frame per tick, silence when idle.

    A trailing part frame is padded with silence when nothing follows it, so the tail of an utterance is not held back.
    """

    def __init__(self, limit: int) -> None:
        self._pending = bytearray()
        self._limit = limit

    @property
    def pending(self) -> int:
        """Bytes queued and not yet sent."""
        return len(self._pending)

    def feed(self, pcm: bytes) -> None:
        if len(pcm) % 2:
            raise ValueError("PCM16 audio has an even number of bytes")
        if len(self._pending) + len(pcm) > self._limit:
            raise CallerFeedFull(len(self._pending) + len(pcm), self._limit)
        self._pending += pcm

    def next_frame(self, size: int) -> bytes:
        """The next frame of `size` bytes: queued audio, padded with silence, or all silence."""
        frame = bytes(self._pending[:size])
        del self._pending[:size]
        return frame + bytes(size - len(frame))

    def clear(self) -> None:
        self._pending.clear()
