"""Whisper models loaded once per process and shared by every call and every recogniser asking for the same one."""

from __future__ import annotations

import threading
from pathlib import Path

from faster_whisper import WhisperModel

from slotline.domain.errors import SlotlineError
from slotline.infrastructure.faster_whisper_stt.settings import WhisperSettings

__all__ = ["WhisperModelMissing", "shared_model"]

_Key = tuple[str, str, str, int, int, str, bool]
_models: dict[_Key, WhisperModel] = {}
_lock = threading.Lock()


class WhisperModelMissing(SlotlineError):
    """speech.whisper.model names a directory that holds no CTranslate2 Whisper model."""

    def __init__(self, model: str, why: str) -> None:
        super().__init__(f"speech.whisper.model {model!r}: {why}")
        self.model = model


def _looks_like_a_path(model: str) -> bool:
    return model.startswith((".", "/", "~")) or "\\" in model or Path(model).expanduser().exists()


def _key(settings: WhisperSettings) -> _Key:
    model = str(Path(settings.model).expanduser().resolve()) if _looks_like_a_path(settings.model) else settings.model
    root = str(settings.download_root or "")
    return (model, settings.device, settings.compute_type, settings.cpu_threads, settings.workers, root,
            settings.local_files_only)  # fmt: skip


def shared_model(settings: WhisperSettings) -> WhisperModel:
    """The model `settings` name, loaded on first use (blocking: about 0.3 s for tiny.en from a local directory)."""
    key = _key(settings)
    with _lock:
        model = _models.get(key)
        if model is None:
            model = _models[key] = _load(key[0], settings)
        return model


def _load(model: str, settings: WhisperSettings) -> WhisperModel:
    if _looks_like_a_path(settings.model) and not (Path(model) / "model.bin").is_file():
        raise WhisperModelMissing(settings.model, "no model.bin there (a CTranslate2 Whisper model directory)")
    try:
        return WhisperModel(
            model,
            device=settings.device,
            compute_type=settings.compute_type,
            cpu_threads=settings.cpu_threads,
            num_workers=settings.workers,
            download_root=None if settings.download_root is None else str(settings.download_root),
            local_files_only=settings.local_files_only,
        )
    except (OSError, RuntimeError, ValueError) as exc:
        raise WhisperModelMissing(settings.model, f"cannot load it: {str(exc).splitlines()[0]}") from exc
