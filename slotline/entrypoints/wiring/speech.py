"""The speech engines, imported only when selected (pocketsphinx, onnxruntime, numpy and the cloud SDKs are heavy)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from slotline.domain.catalogue import Catalogue
from slotline.entrypoints.settings import SettingsInvalid
from slotline.entrypoints.wiring.extras import needs_extra
from slotline.infrastructure.aws.polly_settings import PollySettings
from slotline.infrastructure.deepgram_stt.settings import DeepgramSettings

if TYPE_CHECKING:
    from slotline.infrastructure.aws.polly_tts import PollyTextToSpeech
    from slotline.infrastructure.deepgram_stt.stt import DeepgramSpeechToText

    with needs_extra('speech.tts "espeak"', "voice"):
        from slotline.infrastructure.espeak import EspeakTextToSpeech
    with needs_extra('speech.stt "pocketsphinx"', "voice"):
        from slotline.infrastructure.pocketsphinx_stt import PocketsphinxSpeechToText
    from slotline.infrastructure.silero_vad import SileroTurnDetectorFactory


def pocketsphinx_stt(
    catalogue: Catalogue, cache_dir: Path | None, processes: int | None, digit_grammar: bool = False
) -> PocketsphinxSpeechToText:
    """The recogniser, decoding in `processes` worker processes (None: one per core; 0: in this process);
    `digit_grammar`: phone numbers are also heard with a grammar of digits."""
    with needs_extra('speech.stt "pocketsphinx"', "voice"):
        from slotline.infrastructure.pocketsphinx_stt import PocketsphinxSettings, PocketsphinxSpeechToText
        from slotline.infrastructure.pocketsphinx_stt.expected import ExpectationSettings

    chosen = cores() if processes is None else processes
    listening = ExpectationSettings(phone_digits=digit_grammar)
    return PocketsphinxSpeechToText(catalogue, cache_dir, PocketsphinxSettings(processes=chosen, expectation=listening))


def deepgram_stt(catalogue: Catalogue, settings: DeepgramSettings | None) -> DeepgramSpeechToText:
    """Deepgram's streaming recogniser, importing its SDK only now; it listens for the catalogue's words."""
    with needs_extra('speech.stt "deepgram"', "deepgram"):
        from slotline.infrastructure.deepgram_stt.stt import DeepgramSpeechToText

    if settings is None:
        raise SettingsInvalid('speech.stt "deepgram" needs the [speech.deepgram] section (api_key)')
    return DeepgramSpeechToText(settings, catalogue)


def cores() -> int:
    """The cores this process may run on (its CPU affinity, where the system tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def espeak_tts(voice: str, rate_wpm: int) -> EspeakTextToSpeech:
    with needs_extra('speech.tts "espeak"', "voice"):
        from slotline.infrastructure.espeak import EspeakTextToSpeech

    return EspeakTextToSpeech(voice=voice, rate_wpm=rate_wpm)


def silero_turns(end_of_turn_ms: int, quick_end_ms: int, reply_timeout_seconds: float) -> SileroTurnDetectorFactory:
    with needs_extra('speech.turns "silero"', "voice"):
        from slotline.infrastructure.silero_vad import SileroSettings, SileroTurnDetectorFactory

    return SileroTurnDetectorFactory(
        SileroSettings(end_silence_ms=end_of_turn_ms, quick_end_ms=quick_end_ms, reply_timeout_s=reply_timeout_seconds)
    )


def polly_tts(settings: PollySettings) -> PollyTextToSpeech:
    with needs_extra('speech.tts "polly"', "polly"):
        from slotline.infrastructure.aws.polly_tts import PollyTextToSpeech

    return PollyTextToSpeech(settings)
