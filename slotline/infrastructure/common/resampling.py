"""PCM16 mono from one sample rate to another, for every engine whose rate differs from the caller's line."""

from __future__ import annotations

import numpy as np
import soxr

__all__ = ["resample_pcm16"]


def resample_pcm16(pcm: bytes, from_rate: int, to_rate: int) -> bytes:
    """PCM16 mono at another sample rate (soxr, high quality)."""
    if from_rate == to_rate or not pcm:
        return pcm
    samples = np.frombuffer(pcm[: len(pcm) - len(pcm) % 2], dtype="<i2")
    resampled: np.ndarray = soxr.resample(samples, from_rate, to_rate)  # int16 in, int16 out
    return resampled.astype("<i2").tobytes()
