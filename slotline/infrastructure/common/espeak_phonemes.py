"""Pronunciations from espeak-ng's letter-to-sound rules, for names no dictionary lists."""

from __future__ import annotations

from collections.abc import Sequence

from slotline.infrastructure.common.espeak_program import ESPEAK, run_espeak_sync

__all__ = ["ipa_phonemes"]


def _lines(text: str, voice: str, executable: str) -> list[str]:
    args = ["-q", "-b", "1", "--stdin", "--ipa", "--sep=_", "-v", voice]
    out = run_espeak_sync(args, text, executable=executable)
    return [line.strip() for line in out.decode().splitlines() if line.strip()]


def ipa_phonemes(words: Sequence[str], voice: str = "en-us", *, executable: str = ESPEAK) -> dict[str, list[str]]:
    """Each word's IPA phonemes as espeak-ng says them, one string per phoneme, stress marks included.

    Blocking, one child process for all the words: meant for start-up. SpeechUnavailable without espeak-ng.
    """
    if not words:
        return {}
    # One word per line, each ended by a full stop, gives one line of phonemes per word.
    lines = _lines("".join(f"{w}.\n" for w in words), voice, executable)
    if len(lines) != len(words):  # espeak-ng merged or split a line: ask word by word instead
        lines = [" ".join(_lines(w, voice, executable)) for w in words]
    return {w: [p for p in line.replace(" ", "_").split("_") if p] for w, line in zip(words, lines, strict=True)}
