"""The offline speech engines, imported only when selected (pocketsphinx, onnxruntime and numpy are heavy)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from domain.catalogue import Catalogue

if TYPE_CHECKING:
    from infrastructure.espeak import EspeakTextToSpeech
    from infrastructure.pocketsphinx_stt import PocketsphinxSpeechToText
    from infrastructure.silero_vad import SileroTurnDetectorFactory


def pocketsphinx_stt(catalogue: Catalogue, cache_dir: Path | None) -> PocketsphinxSpeechToText:
    from infrastructure.pocketsphinx_stt import PocketsphinxSpeechToText

    return PocketsphinxSpeechToText(catalogue, cache_dir)


def espeak_tts(voice: str) -> EspeakTextToSpeech:
    from infrastructure.espeak import EspeakTextToSpeech

    return EspeakTextToSpeech(voice=voice)


def silero_turns(end_of_turn_ms: int, reply_timeout_seconds: float) -> SileroTurnDetectorFactory:
    from infrastructure.silero_vad import SileroSettings, SileroTurnDetectorFactory

    return SileroTurnDetectorFactory(
        SileroSettings(end_silence_ms=end_of_turn_ms, reply_timeout_s=reply_timeout_seconds)
    )
