"""Audio helpers shared by the speech contracts: PCM16 little-endian mono, fed the way a phone line delivers it."""

from __future__ import annotations

import array
import inspect
import math
import sys

from slotline.application.ports import SpeechPaused, TurnDetector, TurnEvent, TurnMayEnd

__all__ = ["close_twice", "feed", "kinds", "quiet", "rms", "seconds"]


def _samples(pcm: bytes) -> array.array[int]:
    samples = array.array("h")
    samples.frombytes(pcm[: len(pcm) - len(pcm) % 2])
    if sys.byteorder != "little":
        samples.byteswap()
    return samples


def rms(pcm: bytes) -> float:
    """Loudness of PCM16 audio (0 for silence)."""
    samples = _samples(pcm)
    return math.sqrt(sum(s * s for s in samples) / len(samples)) if samples else 0.0


def seconds(pcm: bytes, rate: int) -> float:
    return len(pcm) / 2 / rate


def quiet(duration: float, rate: int) -> bytes:
    return bytes(2 * round(duration * rate))


def feed(detector: TurnDetector, pcm: bytes, rate: int) -> list[TurnEvent]:
    """Feed audio in 20 ms frames, as a phone line delivers it; every event, in order."""
    frame = 2 * rate // 50
    events: list[TurnEvent] = []
    for i in range(0, len(pcm), frame):
        events += detector.feed(pcm[i : i + frame])
    return events


def kinds(events: list[TurnEvent]) -> list[str]:
    """Event names, without the SpeechPaused and TurnMayEnd hints."""
    return [type(e).__name__ for e in events if not isinstance(e, SpeechPaused | TurnMayEnd)]


async def close_twice(adapter: object) -> None:
    """Call the adapter's aclose() or close(), if it has one, twice."""
    for name in ("aclose", "close"):
        method = getattr(adapter, name, None)
        if callable(method):
            for _ in range(2):
                result = method()
                if inspect.isawaitable(result):
                    await result
            return
