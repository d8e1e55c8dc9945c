"""One caller turn (PCM16 mono) made ready for a Whisper-style recogniser: its loudness, 16 kHz floats, a WAV file.

Whisper writes words into near-silence ("Thank you.", "you"), so a turn quieter than a threshold is no words without
being decoded at all; a line's own noise (about -50 dBFS at worst in the benchmarks) stays under the default -60 dBFS
only when the line is clean, so the threshold is a setting.
"""

from __future__ import annotations

import io
import math
import wave

import numpy as np
import soxr

__all__ = ["WHISPER_RATE", "loudness_dbfs", "too_short", "wav_file", "whisper_samples"]

WHISPER_RATE = 16000
MIN_TURN_SECONDS = 0.1


def _samples(pcm: bytes) -> np.ndarray:
    return np.frombuffer(pcm[: len(pcm) - len(pcm) % 2], dtype="<i2")


def too_short(pcm: bytes, sample_rate: int) -> bool:
    """Under 0.1 s: no word fits (and an empty buffer is no audio at all)."""
    if sample_rate <= 0:
        raise ValueError(f"sample rate must be positive, not {sample_rate}")
    return len(pcm) // 2 < sample_rate * MIN_TURN_SECONDS


def loudness_dbfs(pcm: bytes) -> float:
    """RMS level in dB relative to full scale; -inf for digital silence."""
    samples = _samples(pcm).astype(np.float64)
    if not samples.size:
        return -math.inf
    rms = float(np.sqrt(np.mean(samples * samples)))
    return 20 * math.log10(rms / 32768.0) if rms > 0 else -math.inf


def whisper_samples(pcm: bytes, sample_rate: int) -> np.ndarray:
    """Float32 samples in [-1, 1] at 16 kHz (soxr resamples other rates)."""
    samples = _samples(pcm).astype(np.float32) / 32768.0
    if sample_rate != WHISPER_RATE and samples.size:
        samples = soxr.resample(samples, sample_rate, WHISPER_RATE).astype(np.float32)
    return samples


def wav_file(pcm: bytes, sample_rate: int) -> bytes:
    """The turn as a WAV file (PCM16 mono at its own rate), the format every transcription server reads."""
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate)
        wav.writeframes(pcm[: len(pcm) - len(pcm) % 2])
    return out.getvalue()
