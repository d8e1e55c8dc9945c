"""Caller audio made ready for the decoder: 16 kHz, a little padding, and a quiet noise floor.

The en-us acoustic model only decodes 16 kHz (8 kHz telephone audio is upsampled). Digital silence hurts it badly:
on synthesised speech a -50 dBFS noise floor took the word error rate at 16 kHz from 27% to 6% (docs/speech.md).
The noise is seeded by the length of the audio, so the same audio always decodes the same way.
"""

from __future__ import annotations

import numpy as np
import soxr

__all__ = ["DECODER_RATE", "for_decoder"]

DECODER_RATE = 16000


def for_decoder(pcm: bytes, sample_rate: int, *, noise_floor_dbfs: float | None = -50.0, pad_s: float = 0.2) -> bytes:
    """PCM16 mono at any rate -> PCM16 at 16 kHz with `pad_s` of floor noise before and after (None: no noise)."""
    samples = np.frombuffer(pcm[: len(pcm) - len(pcm) % 2], dtype="<i2")
    if sample_rate != DECODER_RATE and samples.size:
        samples = soxr.resample(samples, sample_rate, DECODER_RATE)
    pad = np.zeros(round(pad_s * DECODER_RATE))
    audio = np.concatenate([pad, samples.astype(np.float64), pad])
    if noise_floor_dbfs is not None:
        rng = np.random.default_rng(audio.size)
        audio += rng.normal(0.0, 32768.0 * 10 ** (noise_floor_dbfs / 20), audio.size)
    pcm16: np.ndarray = np.clip(np.rint(audio), -32768, 32767).astype("<i2")
    return pcm16.tobytes()
