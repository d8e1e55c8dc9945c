"""WAV bytes from espeak-ng to PCM16 mono at the rate the caller's line uses."""

from __future__ import annotations

import io
import wave

from slotline.application.errors import SpeechUnavailable
from slotline.infrastructure.common.resampling import resample_pcm16

__all__ = ["pcm16_from_wav"]


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
