"""Settings of the Whisper recogniser on this machine (`[speech.whisper]`); imports only pydantic."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["WhisperSettings"]


class WhisperSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str = Field(default="tiny.en", min_length=1)
    """A directory holding a CTranslate2 Whisper model (model.bin, config.json, tokenizer.json, vocabulary.*), or a
    model name faster-whisper knows ("tiny.en", "base.en", "small.en", "distil-small.en"...), which it downloads
    from the Hugging Face hub on first use (into `download_root`) unless `local_files_only`."""
    device: Literal["cpu", "auto", "cuda"] = "cpu"
    """Where the model runs: "auto" takes a CUDA GPU when CTranslate2 finds one."""
    compute_type: str = Field(default="int8", min_length=1)
    """CTranslate2 quantisation: "int8" on CPU (smallest, fastest there), "float16" or "int8_float16" on a GPU."""
    cpu_threads: int = Field(default=0, ge=0)
    """Threads one decode uses on the CPU; 0 is CTranslate2's default (4, or fewer cores)."""
    workers: int = Field(default=1, ge=1)
    """Turns decoded at once by the one loaded model (more costs memory; turns beyond it wait their turn)."""
    beam_size: int = Field(default=1, ge=1, le=10)
    """1 is greedy decoding (fastest); 5 is Whisper's usual beam."""
    language: str = Field(default="en", min_length=2)
    silence_dbfs: float = Field(default=-60.0, le=0)
    """A turn quieter than this (RMS) is no words, without decoding: Whisper writes words into near-silence."""
    download_root: Path | None = None
    """Where a model named (not a directory) is downloaded to; None is the Hugging Face cache."""
    local_files_only: bool = False
    """Never download: a named model must already be in `download_root` (or the cache)."""
