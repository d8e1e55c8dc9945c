from __future__ import annotations

from typing import Protocol


class SpeechToText(Protocol):
    """Turns one caller utterance (PCM16 mono) into text as a recogniser produces it (lower case, words)."""

    async def transcribe(self, pcm: bytes, sample_rate: int) -> str: ...


class TextToSpeech(Protocol):
    """Speaks one sentence as PCM16 mono at the asked rate."""

    async def synthesize(self, text: str, sample_rate: int) -> bytes: ...
