"""WAV bytes from espeak-ng to PCM16 mono at the rate the caller's line uses."""

from __future__ import annotations

import io
import wave

import numpy as np
import soxr

from slotline.infrastructure.espeak.errors import SpeechUnavailable

__all__ = ["pcm16_from_wav", "resample_pcm16"]


def resample_pcm16(pcm: bytes, from_rate: int, to_rate: int) -> bytes:
    """PCM16 mono at another sample rate (soxr, high quality)."""
    if from_rate == to_rate or not pcm:
        return pcm
    samples = np.frombuffer(pcm[: len(pcm) - len(pcm) % 2], dtype="<i2")
    resampled: np.ndarray = soxr.resample(samples, from_rate, to_rate)  # int16 in, int16 out
    return resampled.astype("<i2").tobytes()


def pcm16_from_wav(data: bytes, to_rate: int) -> bytes:
    """The samples of a mono 16-bit WAV, resampled to `to_rate`.

    espeak-ng writes to a pipe, so its header gives a placeholder length; only the bytes present are read.
    """
    try:
        with wave.open(io.BytesIO(data)) as wav:
            if wav.getnchannels() != 1 or wav.getsampwidth() != 2:
                raise SpeechUnavailable(f"espeak-ng wrote {wav.getnchannels()} channels of {wav.getsampwidth()} bytes")
            rate = wav.getframerate()
            pcm = wav.readframes(max(0, (len(data) - 44) // 2))
    except (wave.Error, EOFError) as exc:
        raise SpeechUnavailable(f"espeak-ng wrote no readable WAV: {exc}") from exc
    return resample_pcm16(pcm, rate, to_rate)
