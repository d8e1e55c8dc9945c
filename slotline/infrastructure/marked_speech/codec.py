"""Text <-> PCM16 samples: each UTF-8 byte becomes one loud sample, between a loud lead-in and tail."""

from __future__ import annotations

import array
import sys

_BASE = 0x1000  # every data sample lies in [_BASE, _BASE + 255 * _STEP], loud enough to count as speech
_STEP = 16
_PAD = 0x0F00  # lead-in / tail / padding: loud, but never a data value


def _pcm(samples: array.array[int]) -> bytes:
    if sys.byteorder != "little":
        samples.byteswap()
    return samples.tobytes()


def _samples(pcm: bytes) -> array.array[int]:
    samples = array.array("h")
    samples.frombytes(pcm[: len(pcm) - len(pcm) % 2])
    if sys.byteorder != "little":
        samples.byteswap()
    return samples


def encode_marks(text: str, sample_rate: int, min_seconds: float = 0.1) -> bytes:
    """PCM16 that carries `text`, at least `min_seconds` long and a whole number of 20 ms frames."""
    data = [_BASE + b * _STEP for b in text.encode()]
    frame = sample_rate // 50
    total = max(len(data) + 2 * frame // 4, int(sample_rate * min_seconds))
    total += -total % frame
    lead = (total - len(data)) // 2
    samples = array.array("h", [_PAD] * lead + data + [_PAD] * (total - lead - len(data)))
    return _pcm(samples)


def decode_marks(pcm: bytes) -> str:
    """The text carried by marked audio; separately encoded pieces come out separated by one space."""
    top = _BASE + 255 * _STEP
    data = bytearray()
    gap = False
    for v in _samples(pcm):
        if _BASE <= v <= top and not (v - _BASE) % _STEP:
            if gap and data:
                data += b" "
            data.append((v - _BASE) // _STEP)
            gap = False
        else:
            gap = True
    return data.decode(errors="ignore")
