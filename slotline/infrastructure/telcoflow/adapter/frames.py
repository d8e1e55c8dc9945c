"""Agent audio cut into what the SDK sends whole: 20 ms frames, written in bounded pieces."""

from __future__ import annotations

from collections.abc import Iterator


def pad_to_frames(pcm: bytes, frame_bytes: int) -> bytes:
    """Pad a trailing part frame with silence: the SDK holds back anything shorter than a frame until more comes."""
    short = -len(pcm) % frame_bytes
    return pcm + bytes(short) if short else pcm


def pieces(data: bytes, most: int) -> Iterator[bytes]:
    """Slices of at most `most` bytes; with frame-aligned data and `most`, every slice is whole frames."""
    view = memoryview(data)
    for start in range(0, len(data), most):
        yield bytes(view[start : start + most])
