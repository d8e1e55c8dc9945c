"""G.711 mu-law (the North American telephone codec) in numpy: 8-bit codes, segments and bias as the standard has them.

Python's `audioop` did this and is gone in 3.13; the benchmarks pass 8 kHz audio through it as a phone line would.
"""

from __future__ import annotations

import numpy as np

__all__ = ["mu_law_decode", "mu_law_encode", "through_mu_law"]

_BIAS = 0x84
_CLIP = 32635


def mu_law_encode(pcm: np.ndarray) -> np.ndarray:
    """int16 samples -> uint8 mu-law codes."""
    samples = pcm.astype(np.int32)
    sign = (samples < 0).astype(np.int32) << 7
    magnitude = np.minimum(np.abs(samples), _CLIP) + _BIAS
    exponent = np.clip(np.floor(np.log2(magnitude)).astype(np.int32) - 7, 0, 7)
    mantissa = (magnitude >> (exponent + 3)) & 0x0F
    codes: np.ndarray = (~(sign | (exponent << 4) | mantissa) & 0xFF).astype(np.uint8)
    return codes


def mu_law_decode(codes: np.ndarray) -> np.ndarray:
    """uint8 mu-law codes -> int16 samples."""
    inverted = ~codes.astype(np.int32) & 0xFF
    exponent = (inverted >> 4) & 0x07
    magnitude = (((inverted & 0x0F) << 3) + _BIAS << exponent) - _BIAS
    samples: np.ndarray = np.where(inverted & 0x80, -magnitude, magnitude).astype(np.int16)
    return samples


def through_mu_law(pcm: np.ndarray) -> np.ndarray:
    """What arrives after int16 samples went over a G.711 mu-law channel."""
    return mu_law_decode(mu_law_encode(pcm))
