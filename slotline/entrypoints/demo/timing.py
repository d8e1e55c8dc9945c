"""Voice-to-voice latency as heard on the line: from the end of the caller's speech to the agent's first audio."""

from __future__ import annotations

import array
import math
import sys

FRAME_MS = 20
SPEECH_RMS = 300.0
GAP_FRAMES = 15  # quiet this long (300 ms) ends a caller's stretch of speech


def _loud(track: bytes, sample_rate: int) -> list[bool]:
    frame = sample_rate // 50
    samples = array.array("h")
    samples.frombytes(track[: len(track) - len(track) % 2])
    if sys.byteorder != "little":
        samples.byteswap()
    out = []
    for i in range(0, len(samples) - frame + 1, frame):
        chunk = samples[i : i + frame]
        out.append(math.sqrt(sum(s * s for s in chunk) / frame) >= SPEECH_RMS)
    return out


def turn_latencies_ms(caller: bytes, agent: bytes, sample_rate: int) -> list[int]:
    """For each stretch of caller speech the agent answered after, the gap between its end and the answer."""
    said = _loud(caller, sample_rate)
    spoke = _loud(agent, sample_rate)
    latencies: list[int] = []
    i = 0
    while i < len(said):
        if not said[i]:
            i += 1
            continue
        end = i
        while end < len(said) and (said[end] or any(said[end : end + GAP_FRAMES])):
            end += 1
        last = max(j for j in range(i, end) if said[j])
        answer = next((j for j in range(last + 1, len(spoke)) if spoke[j]), None)
        if answer is not None and not any(spoke[last + 1 - 2 : last + 1]):  # the agent was not already talking
            latencies.append((answer - last - 1) * FRAME_MS)
        i = end
    return latencies
